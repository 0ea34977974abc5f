"""add a shopping cart column

Revision ID: d747a8a88790
Revises: 27c6a30d7c24
Create Date: 2026-06-02 09:40:03.775120

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd747a8a88790'
down_revision = '27c6a30d7c24'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("shopping_cart", sa.Column("checked_out", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade():
    op.drop_column("shopping_cart", "checked_out")
