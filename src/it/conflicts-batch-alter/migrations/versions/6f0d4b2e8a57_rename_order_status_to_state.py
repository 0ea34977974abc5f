"""rename order status to state

Revision ID: 6f0d4b2e8a57
Revises: 2d8b6f4c0e13
Create Date: 2026-05-11 10:12:40.118273

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '6f0d4b2e8a57'
down_revision: Union[str, Sequence[str], None] = '2d8b6f4c0e13'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("orders") as batch_op:
        batch_op.alter_column(
            "status", new_column_name="state", existing_type=sa.String(length=16), existing_nullable=False
        )


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("orders") as batch_op:
        batch_op.alter_column(
            "state", new_column_name="status", existing_type=sa.String(length=16), existing_nullable=False
        )
