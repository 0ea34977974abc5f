"""add session index

Revision ID: 7a9c1e3b5d42
Revises: 4f6b8d0a2c31
Create Date: 2026-04-16 12:12:12.121212

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7a9c1e3b5d42'
down_revision = '4f6b8d0a2c31'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_sessions_user_id", "sessions", ["user_id"])


def downgrade():
    op.drop_index("ix_sessions_user_id", table_name="sessions")
