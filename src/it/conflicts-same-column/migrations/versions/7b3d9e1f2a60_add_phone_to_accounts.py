"""add phone to accounts

Revision ID: 7b3d9e1f2a60
Revises: 4e1f0a2b3c5d
Create Date: 2026-05-11 10:12:40.118273

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '7b3d9e1f2a60'
down_revision: Union[str, Sequence[str], None] = '4e1f0a2b3c5d'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("accounts", sa.Column("phone", sa.String(length=32), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("accounts", "phone")
