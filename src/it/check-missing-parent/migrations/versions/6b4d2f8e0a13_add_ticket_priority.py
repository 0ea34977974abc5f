"""add ticket priority

Revision ID: 6b4d2f8e0a13
Revises: 3e1a9b7c5d20
Create Date: 2026-02-12 11:20:48.136620

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '6b4d2f8e0a13'
down_revision = '3e1a9b7c5d20'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("tickets", sa.Column("priority", sa.SmallInteger(), server_default="3", nullable=False))


def downgrade():
    op.drop_column("tickets", "priority")
