// On 6b4d2f0e8c13 one developer added accounts.phone, another a unique index on accounts.email: the same table, but
// different objects. Real Alembic runs both lines in either order, to the same schema (ConflictFixturesAlembicTest), so
// this is a warning only, same-table:
//   1. alembic:conflicts lists both changes and the warning;
//   2. alembic:converge writes the merge revision and logs the warning;
//   3. alembic:check then passes: one head.
def it = evaluate(new File(itSupport))
def runs = it.runs()
assert runs.size() == 3
def (conflicts, converge, check) = runs

def phone = 'migrations/versions/8e6a4c2b0f75_add_phone_to_accounts.py:23 add_column accounts.phone [type=sa.String(length=32), nullable=True]'
def index = 'migrations/versions/c1f9d7b5a340_index_accounts_by_email.py:23 create_index ix_accounts_email on accounts (email) [unique=True]'
def finding = "[warning same-table] both lines change table accounts (different columns or objects): ${phone} (line of 8e6a4c2b0f75) / ${index} (line of c1f9d7b5a340)"

assert conflicts.contains(it.info("--- alembic:${pluginVersion}:conflicts (default-cli) @ conflicts-same-table ---\n"
        + it.conflictListing('6b4d2f0e8c13', ['8e6a4c2b0f75': [phone], 'c1f9d7b5a340': [index]], [finding])
        + '\n------------------------------------------------------------------------\nBUILD SUCCESS'))
assert !conflicts.contains('[WARNING]')

assert converge.contains("[INFO] --- alembic:${pluginVersion}:converge (default-cli) @ conflicts-same-table ---\n"
        + "[WARNING] Schema conflict: ${finding}\n" + it.info('''\
1 revision to write: 'head' (8e6a4c2b0f75, c1f9d7b5a340 -> a8832fb01111).
Created migrations/versions/a8832fb01111_merge_heads.py (revision a8832fb01111, merge of 8e6a4c2b0f75, c1f9d7b5a340)
------------------------------------------------------------------------
BUILD SUCCESS'''))
assert converge.count('[WARNING]') == 1

assert check.contains(it.info("""\
--- alembic:${pluginVersion}:check (default-cli) @ conflicts-same-table ---
Alembic revision graph OK: 4 revisions, 1 head (a8832fb01111) in migrations/versions
------------------------------------------------------------------------
BUILD SUCCESS"""))
assert !check.contains('[WARNING]')
