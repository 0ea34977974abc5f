"""create page views

Revision ID: 6c8e0a2b4d17
Revises: 
Create Date: 2026-08-10 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '6c8e0a2b4d17'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "page_views",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("path", sa.Text(), nullable=False),
    )


def downgrade():
    op.drop_table("page_views")
