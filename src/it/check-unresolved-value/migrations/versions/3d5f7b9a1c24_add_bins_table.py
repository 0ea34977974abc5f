"""add bins table

Revision ID: 3d5f7b9a1c24
Revises: 0b2d4f6a8c13
Create Date: 2026-05-21 13:47:09.650331

"""
from alembic import op
import sqlalchemy as sa

from warehouse.migrations import cli


# revision identifiers, used by Alembic.
revision = '3d5f7b9a1c24'
down_revision = cli.BASE
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "bins",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("warehouse_id", sa.Integer(), sa.ForeignKey("warehouses.id"), nullable=False),
        sa.Column("label", sa.String(length=16), nullable=False),
    )


def downgrade():
    op.drop_table("bins")
