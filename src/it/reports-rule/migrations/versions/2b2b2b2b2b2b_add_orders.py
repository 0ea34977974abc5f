"""add orders

Revision ID: 2b2b2b2b2b2b
Revises: 1a1a1a1a1a1a
Create Date: 2026-04-07 14:21:09.118273

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '2b2b2b2b2b2b'
down_revision = '1a1a1a1a1a1a'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("accounts.id"), nullable=False),
        sa.Column("total_cents", sa.Integer(), nullable=False),
    )


def downgrade():
    op.drop_table("orders")
