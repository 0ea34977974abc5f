"""add ip number table

Revision ID: 109ec7d132bf
Revises: 3cac04ae8714
Create Date: 2026-06-04 11:55:38.029914

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '109ec7d132bf'
down_revision = '3cac04ae8714'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "ip_numbers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("host_id", sa.Integer(), sa.ForeignKey("network_hosts.id"), nullable=False),
        sa.Column("address", sa.String(length=45), nullable=False),
    )


def downgrade():
    op.drop_table("ip_numbers")
