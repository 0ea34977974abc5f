"""add notes

Revision ID: 4d4d4d4d4d4d
Revises: 9e9e9e9e9e9e
Create Date: 2026-04-08 09:12:03.118204

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '4d4d4d4d4d4d'
down_revision = '9e9e9e9e9e9e'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("notes", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("notes")
