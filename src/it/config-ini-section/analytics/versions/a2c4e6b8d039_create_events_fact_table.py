"""create events fact table

Revision ID: a2c4e6b8d039
Revises: 
Create Date: 2026-08-12 09:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a2c4e6b8d039'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "fact_events",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
    )


def downgrade():
    op.drop_table("fact_events")
