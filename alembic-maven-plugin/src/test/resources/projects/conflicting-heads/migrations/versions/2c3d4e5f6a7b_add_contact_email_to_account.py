"""add contact email to account

Revision ID: 2c3d4e5f6a7b
Revises: 0a1b2c3d4e5f
Create Date: 2026-03-02 10:15:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '2c3d4e5f6a7b'
down_revision = '0a1b2c3d4e5f'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('account', sa.Column('email', sa.String(320), nullable=True))


def downgrade() -> None:
    op.drop_column('account', 'email')
