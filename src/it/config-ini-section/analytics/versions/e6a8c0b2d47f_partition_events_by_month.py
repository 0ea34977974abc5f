"""partition events by month

Revision ID: e6a8c0b2d47f
Revises: a2c4e6b8d039
Create Date: 2026-08-14 16:02:19.877140

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e6a8c0b2d47f'
down_revision = 'a2c4e6b8d039'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE fact_events PARTITION BY RANGE (occurred_at)")


def downgrade():
    pass
