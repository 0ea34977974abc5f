"""index accounts by email

Revision ID: c1f9d7b5a340
Revises: 6b4d2f0e8c13
Create Date: 2026-05-12 16:03:05.650031

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c1f9d7b5a340'
down_revision: Union[str, Sequence[str], None] = '6b4d2f0e8c13'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index("ix_accounts_email", "accounts", ["email"], unique=True)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("ix_accounts_email", table_name="accounts")
