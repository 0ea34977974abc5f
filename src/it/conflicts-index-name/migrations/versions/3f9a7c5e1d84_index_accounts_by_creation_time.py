"""index accounts by creation time

Revision ID: 3f9a7c5e1d84
Revises: 1c7e5a3f9b02
Create Date: 2026-05-11 10:12:40.118273

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '3f9a7c5e1d84'
down_revision: Union[str, Sequence[str], None] = '1c7e5a3f9b02'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index("ix_created_at", "accounts", ["created_at"])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_created_at", table_name="accounts")
