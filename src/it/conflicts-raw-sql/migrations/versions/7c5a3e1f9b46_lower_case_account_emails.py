"""lower-case account emails

Revision ID: 7c5a3e1f9b46
Revises: 3a1e9c7b5d02
Create Date: 2026-05-11 10:12:40.118273

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '7c5a3e1f9b46'
down_revision: Union[str, Sequence[str], None] = '3a1e9c7b5d02'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("UPDATE accounts SET email = lower(email)")


def downgrade() -> None:
    """Downgrade schema."""
    pass
