"""add session user agent

Revision ID: c8e0a2d4f653
Revises: 7a9c1e3b5d42
Create Date: 2026-04-17 16:20:31.775600

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c8e0a2d4f653'
down_revision = '7a9c1e3b5d42'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("sessions", sa.Column("user_agent", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("sessions", "user_agent")
