"""merge heads

Revision ID: 000000merged
Revises: b1b1b1b1b1b1, b2b2b2b2b2b2
Create Date: 2024-01-02 03:04:05.678901

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '000000merged'
down_revision = ('b1b1b1b1b1b1', 'b2b2b2b2b2b2')
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
