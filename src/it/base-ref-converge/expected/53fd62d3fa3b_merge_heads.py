"""merge heads

Revision ID: 53fd62d3fa3b
Revises: 8c41d0b7e925, b7e3a1c95d20
Create Date: 2026-03-11 14:20:05.118000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '53fd62d3fa3b'
down_revision: Union[str, Sequence[str], None] = ('8c41d0b7e925', 'b7e3a1c95d20')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
