"""create audit log table

Revision ID: e0a4b7c93d16
Revises: 3f2a9c1e7b40
Create Date: 2026-03-11 14:30:27.480913

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'e0a4b7c93d16'
down_revision: Union[str, Sequence[str], None] = '3f2a9c1e7b40'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("event", sa.String(length=64), nullable=False),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("audit_log")
