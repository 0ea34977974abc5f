"""merge heads

Revision ID: 0772bd24926c
Revises: 2b9d4a6e1f85, f1c28e5a9b07
Create Date: 2026-03-12 17:48:03.206154

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0772bd24926c'
down_revision: Union[str, Sequence[str], None] = ('2b9d4a6e1f85', 'f1c28e5a9b07')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
