"""add phone number to accounts

Revision ID: c2a85f4d6e19
Revises: 4e1f0a2b3c5d
Create Date: 2026-05-12 16:03:05.650031

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c2a85f4d6e19'
down_revision: Union[str, Sequence[str], None] = '4e1f0a2b3c5d'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("accounts", sa.Column("phone", sa.String(length=20), nullable=False, server_default=""))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("accounts", "phone")
