"""create networking branch

Revision ID: 3cac04ae8714
Revises: 
Create Date: 2026-06-03 14:06:21.440291

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3cac04ae8714'
down_revision = None
branch_labels = ('networking',)
depends_on = None


def upgrade():
    op.create_table(
        "network_hosts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("hostname", sa.String(length=253), nullable=False),
    )


def downgrade():
    op.drop_table("network_hosts")
