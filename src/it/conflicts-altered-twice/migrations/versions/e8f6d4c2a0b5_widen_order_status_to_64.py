"""widen order status to 64

Revision ID: e8f6d4c2a0b5
Revises: 0b9d7f5c3a21
Create Date: 2026-05-12 16:03:05.650031

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'e8f6d4c2a0b5'
down_revision: Union[str, Sequence[str], None] = '0b9d7f5c3a21'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("orders") as batch_op:
        batch_op.alter_column("status", existing_type=sa.String(length=16), type_=sa.String(length=64))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("orders") as batch_op:
        batch_op.alter_column("status", existing_type=sa.String(length=64), type_=sa.String(length=16))
