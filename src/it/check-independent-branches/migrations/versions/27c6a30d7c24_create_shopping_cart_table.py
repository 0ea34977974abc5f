"""create shopping cart table

Revision ID: 27c6a30d7c24
Revises: 
Create Date: 2026-06-01 10:12:45.113280

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '27c6a30d7c24'
down_revision = None
branch_labels = ('shoppingcart',)
depends_on = None


def upgrade():
    op.create_table(
        "shopping_cart",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("session_key", sa.String(length=64), nullable=False),
    )


def downgrade():
    op.drop_table("shopping_cart")
