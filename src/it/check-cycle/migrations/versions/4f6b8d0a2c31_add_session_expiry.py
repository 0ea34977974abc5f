"""add session expiry

Revision ID: 4f6b8d0a2c31
Revises: c8e0a2d4f653
Create Date: 2026-04-15 10:30:44.008129

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '4f6b8d0a2c31'
down_revision = 'c8e0a2d4f653'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("sessions", sa.Column("expires_at", sa.DateTime(), nullable=True))


def downgrade():
    op.drop_column("sessions", "expires_at")
