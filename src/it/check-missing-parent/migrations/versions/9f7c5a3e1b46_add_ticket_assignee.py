"""add ticket assignee

Revision ID: 9f7c5a3e1b46
Revises: 6b4d2f8e0a31
Create Date: 2026-02-13 15:03:27.994051

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '9f7c5a3e1b46'
down_revision = '6b4d2f8e0a31'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("tickets", sa.Column("assignee_id", sa.Integer(), nullable=True))


def downgrade():
    op.drop_column("tickets", "assignee_id")
