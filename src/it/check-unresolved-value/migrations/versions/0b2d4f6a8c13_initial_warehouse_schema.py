"""initial warehouse schema

Revision ID: 0b2d4f6a8c13
Revises: 
Create Date: 2026-05-18 09:30:00.412870

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0b2d4f6a8c13'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "warehouses",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(length=8), nullable=False, unique=True),
    )


def downgrade():
    op.drop_table("warehouses")
