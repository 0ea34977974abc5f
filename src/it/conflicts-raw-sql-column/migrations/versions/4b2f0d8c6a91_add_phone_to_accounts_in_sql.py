"""add phone to accounts in sql

Revision ID: 4b2f0d8c6a91
Revises: 0f6d4b2a8e35
Create Date: 2026-05-11 10:12:40.118273

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '4b2f0d8c6a91'
down_revision: Union[str, Sequence[str], None] = '0f6d4b2a8e35'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("ALTER TABLE accounts ADD COLUMN phone VARCHAR(32)")


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("ALTER TABLE accounts DROP COLUMN phone")
