"""add email to account

Revision ID: bb22cc33dd44
Revises: aa11bb22cc33
Create Date: 2026-03-02 10:15:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'bb22cc33dd44'
down_revision = 'aa11bb22cc33'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('account', sa.Column('email', sa.String(255), nullable=True))


def downgrade() -> None:
    op.drop_column('account', 'email')
