"""make account nickname required

Revision ID: e6b0d8c2f493
Revises: 5a9c3e7d1b20
Create Date: 2026-05-12 16:03:05.650031

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'e6b0d8c2f493'
down_revision: Union[str, Sequence[str], None] = '5a9c3e7d1b20'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("accounts") as batch_op:
        batch_op.alter_column(
            "nickname", existing_type=sa.String(length=50), nullable=False, server_default=""
        )


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("accounts") as batch_op:
        batch_op.alter_column(
            "nickname", existing_type=sa.String(length=50), nullable=True, server_default=None
        )
