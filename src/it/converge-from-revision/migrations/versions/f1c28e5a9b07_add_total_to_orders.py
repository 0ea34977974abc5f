"""add total to orders

Revision ID: f1c28e5a9b07
Revises: 8c41d0b7e925
Create Date: 2026-03-12 11:02:45.913370

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'f1c28e5a9b07'
down_revision: Union[str, Sequence[str], None] = '8c41d0b7e925'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("orders", sa.Column("total_cents", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("orders", "total_cents")
