"""add referrer

Revision ID: 9e1a3c5b7d28
Revises: 6c8e0a2b4d17
Create Date: 2026-08-11 10:11:12.131415

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '9e1a3c5b7d28'
down_revision = '6c8e0a2b4d17'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("page_views", sa.Column("referrer", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("page_views", "referrer")
