"""add phone to account

Revision ID: cc33dd44ee55
Revises: ffeeddccbbaa
Create Date: 2026-03-02 10:15:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'cc33dd44ee55'
down_revision = 'ffeeddccbbaa'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('account', sa.Column('phone', sa.String(32), nullable=True))


def downgrade() -> None:
    op.drop_column('account', 'phone')
