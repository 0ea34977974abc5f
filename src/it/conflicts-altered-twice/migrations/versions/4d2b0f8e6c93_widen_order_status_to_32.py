"""widen order status to 32

Revision ID: 4d2b0f8e6c93
Revises: 0b9d7f5c3a21
Create Date: 2026-05-11 10:12:40.118273

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '4d2b0f8e6c93'
down_revision: Union[str, Sequence[str], None] = '0b9d7f5c3a21'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("orders") as batch_op:
        batch_op.alter_column("status", existing_type=sa.String(length=16), type_=sa.String(length=32))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("orders") as batch_op:
        batch_op.alter_column("status", existing_type=sa.String(length=32), type_=sa.String(length=16))
