"""add email to accounts

Revision ID: b7e3a1c95d20
Revises: 5d7e2f90a1c3
Create Date: 2026-03-11 14:20:05.118000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'b7e3a1c95d20'
down_revision: Union[str, Sequence[str], None] = '5d7e2f90a1c3'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("accounts", sa.Column("email", sa.String(length=320), nullable=True))


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("accounts", "email")
