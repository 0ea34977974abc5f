"""merge heads

Revision ID: 000000merged
Revises: b1b1b1b1b1b1, b2b2b2b2b2b2
Create Date: 2024-01-02 03:04:05.678901

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '000000merged'
down_revision: Union[str, Sequence[str], None] = ('b1b1b1b1b1b1', 'b2b2b2b2b2b2')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
