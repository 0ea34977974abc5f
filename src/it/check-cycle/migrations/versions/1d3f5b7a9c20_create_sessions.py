"""create sessions

Revision ID: 1d3f5b7a9c20
Revises: 
Create Date: 2026-04-14 08:00:05.300127

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '1d3f5b7a9c20'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(length=64), primary_key=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
    )


def downgrade():
    op.drop_table("sessions")
