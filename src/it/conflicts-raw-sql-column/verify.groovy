// On 0f6d4b2a8e35 one developer added accounts.phone in raw SQL (op.execute("ALTER TABLE accounts ADD COLUMN ...")),
// another with op.add_column: whichever runs second fails with "duplicate column name: phone" (real Alembic, see
// ConflictFixturesAlembicTest). Plain ALTER TABLE in SQL is read like the op.* call:
//   1. alembic:conflicts lists it as add_column accounts.phone and reports one error, column-added-twice;
//   2. alembic:converge refuses (what, why, fix) and writes nothing.
def it = evaluate(new File(itSupport))
def runs = it.runs()
assert runs.size() == 2
def (conflicts, converge) = runs

def sql = 'migrations/versions/4b2f0d8c6a91_add_phone_to_accounts_in_sql.py:23 add_column accounts.phone [sql=ALTER TABLE accounts ADD COLUMN phone VARCHAR(32)]'
def op = 'migrations/versions/9e7c5a3d1f08_add_phone_to_accounts.py:23 add_column accounts.phone [type=sa.String(length=32), nullable=True]'
def finding = "[error column-added-twice] column accounts.phone is added on both lines: ${sql} (line of 4b2f0d8c6a91) / ${op} (line of 9e7c5a3d1f08)"

assert conflicts.contains(it.info("--- alembic:${pluginVersion}:conflicts (default-cli) @ conflicts-raw-sql-column ---\n"
        + it.conflictListing('0f6d4b2a8e35', ['4b2f0d8c6a91': [sql], '9e7c5a3d1f08': [op]], [finding])
        + '\n------------------------------------------------------------------------\nBUILD SUCCESS'))

assert converge.contains(it.info("""\
--- alembic:${pluginVersion}:converge (default-cli) @ conflicts-raw-sql-column ---
------------------------------------------------------------------------
BUILD FAILURE"""))
assert converge.contains(it.errorLines(
        "[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:converge (default-cli) on project conflicts-raw-sql-column: ",
        it.conflictError('4b2f0d8c6a91, 9e7c5a3d1f08', '0f6d4b2a8e35', finding, it.CONVERGE_AGAIN) + 'Nothing was written.\n-> [Help 1]'))
assert !it.log().contains('[WARNING]')
it.assertTreeUnchanged()
