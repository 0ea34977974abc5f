"""merge heads

Revision ID: 03bd49851654
Revises: 5d7e2f90a1c3, 8c41d0b7e925, e0a4b7c93d16
Create Date: 2026-03-11 14:30:27.480913

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '03bd49851654'
down_revision: Union[str, Sequence[str], None] = ('5d7e2f90a1c3', '8c41d0b7e925', 'e0a4b7c93d16')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
