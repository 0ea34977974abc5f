"""add users

Revision ID: 3c3c3c3c3c3c
Revises: 1a1a1a1a1a1a
Create Date: 2026-04-07 15:02:44.650031

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3c3c3c3c3c3c'
down_revision = '1a1a1a1a1a1a'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id"), nullable=False),
        sa.Column("display_name", sa.String(length=120), nullable=True),
    )


def downgrade():
    op.drop_table("users")
