"""add session dimension

Revision ID: c4e6a8b0d25f
Revises: a2c4e6b8d039
Create Date: 2026-08-14 11:45:00.502311

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c4e6a8b0d25f'
down_revision = 'a2c4e6b8d039'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "dim_sessions",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
    )


def downgrade():
    op.drop_table("dim_sessions")
