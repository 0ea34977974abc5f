"""index orders by account

Revision ID: 2b9d4a6e1f85
Revises: 8c41d0b7e925
Create Date: 2026-03-12 17:48:03.206154

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '2b9d4a6e1f85'
down_revision: Union[str, Sequence[str], None] = '8c41d0b7e925'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index("ix_orders_account_id", "orders", ["account_id"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_orders_account_id", table_name="orders")
