# -*- coding: utf-8 -*-
"""${ message }

Revision ID: ${up_revision | str}
Revises: ${down_revision|n, comma}
Create Date: ${create_date}
## a Mako comment line: dropped

"""
<%! import re %>\
from alembic import op  # Ünïcode in template text
${imports if imports else ""}
    ## indented comment
# revision identifiers, used by Alembic.
revision = ${repr( up_revision )}
down_revision = ${repr(down_revision)}  # $x and $ {x} stay text
branch_labels = \
${repr(branch_labels)}
depends_on = ${repr(depends_on)}
label_text = """${branch_labels if branch_labels else "none"}"""


def upgrade():
    ${upgrades if upgrades else 'pass'}


def downgrade():
    ${downgrades if downgrades else "pass"}
