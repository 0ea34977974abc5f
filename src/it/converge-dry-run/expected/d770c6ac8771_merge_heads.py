"""merge heads

Revision ID: d770c6ac8771
Revises: 5d7e2f90a1c3, 8c41d0b7e925
Create Date: 2026-03-10 08:05:31.002211

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'd770c6ac8771'
down_revision: Union[str, Sequence[str], None] = ('5d7e2f90a1c3', '8c41d0b7e925')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
