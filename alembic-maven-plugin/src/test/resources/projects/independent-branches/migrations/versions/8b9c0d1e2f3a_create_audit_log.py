"""create audit log

Revision ID: 8b9c0d1e2f3a
Revises: 
Create Date: 2026-03-02 10:15:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '8b9c0d1e2f3a'
down_revision = None
branch_labels = ('audit',)
depends_on = None


def upgrade() -> None:
    op.create_table(
        'audit_log',
        sa.Column('id', sa.Integer, primary_key=True),
        sa.Column('event', sa.String(100), nullable=False),
    )


def downgrade() -> None:
    op.drop_table('audit_log')
