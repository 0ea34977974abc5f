"""merge heads

Revision ID: f0fc3b2597a6
Revises: d770c6ac8771, e0a4b7c93d16
Create Date: 2026-03-11 14:30:27.480913

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'f0fc3b2597a6'
down_revision: Union[str, Sequence[str], None] = ('d770c6ac8771', 'e0a4b7c93d16')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
