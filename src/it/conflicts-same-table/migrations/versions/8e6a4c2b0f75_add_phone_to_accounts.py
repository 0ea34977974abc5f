"""add phone to accounts

Revision ID: 8e6a4c2b0f75
Revises: 6b4d2f0e8c13
Create Date: 2026-05-11 10:12:40.118273

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '8e6a4c2b0f75'
down_revision: Union[str, Sequence[str], None] = '6b4d2f0e8c13'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("accounts", sa.Column("phone", sa.String(length=32), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("accounts", "phone")
