"""add phone to accounts

Revision ID: f2d0b8e6c457
Revises: 5e3c1a9f7d24
Create Date: 2026-05-12 16:03:05.650031

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'f2d0b8e6c457'
down_revision: Union[str, Sequence[str], None] = '5e3c1a9f7d24'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("accounts", sa.Column("phone", sa.String(length=32), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("accounts", "phone")
