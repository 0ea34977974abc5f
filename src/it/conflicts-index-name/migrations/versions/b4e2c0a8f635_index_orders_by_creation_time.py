"""index orders by creation time

Revision ID: b4e2c0a8f635
Revises: 1c7e5a3f9b02
Create Date: 2026-05-12 16:03:05.650031

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'b4e2c0a8f635'
down_revision: Union[str, Sequence[str], None] = '1c7e5a3f9b02'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index("ix_created_at", "orders", ["created_at"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_created_at", table_name="orders")
