"""drop nickname from accounts

Revision ID: 8d2f6b4a0c71
Revises: 5a9c3e7d1b20
Create Date: 2026-05-11 10:12:40.118273

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '8d2f6b4a0c71'
down_revision: Union[str, Sequence[str], None] = '5a9c3e7d1b20'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.drop_column("accounts", "nickname")


def downgrade() -> None:
    """Downgrade schema."""
    op.add_column("accounts", sa.Column("nickname", sa.String(length=50), nullable=True))
