"""create tickets

Revision ID: 3e1a9b7c5d20
Revises: 
Create Date: 2026-02-10 09:45:12.700214

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3e1a9b7c5d20'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("subject", sa.String(length=200), nullable=False),
    )


def downgrade():
    op.drop_table("tickets")
