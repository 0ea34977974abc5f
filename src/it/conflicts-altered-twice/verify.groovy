// On 0b9d7f5c3a21 one developer widened orders.status to VARCHAR(32), another to VARCHAR(64) (batch mode, for
// SQLite). Real Alembic runs both lines without an error in either order, but the type the column ends up with is
// the one of the line that happened to run last (ConflictFixturesAlembicTest: VARCHAR(64) in one order, VARCHAR(32)
// in the other), so one deployment gets the wrong schema. The analysis reports one error, column-altered-twice:
//   1. alembic:conflicts lists both alterations and the finding;
//   2. alembic:converge -Dalembic.dryRun shows the merge it would write, with the error as a warning and a warning
//      that a real run refuses;
//   3. alembic:converge refuses (what, why, fix) and nothing is written.
def it = evaluate(new File(itSupport))
def runs = it.runs()
assert runs.size() == 3
def (conflicts, dryRun, converge) = runs

def to32 = 'migrations/versions/4d2b0f8e6c93_widen_order_status_to_32.py:24 alter_column orders.status [type_=sa.String(length=32)]'
def to64 = 'migrations/versions/e8f6d4c2a0b5_widen_order_status_to_64.py:24 alter_column orders.status [type_=sa.String(length=64)]'
def finding = "[error column-altered-twice] column orders.status is altered on both lines: ${to32} (line of 4d2b0f8e6c93) / ${to64} (line of e8f6d4c2a0b5)"

assert conflicts.contains(it.info("--- alembic:${pluginVersion}:conflicts (default-cli) @ conflicts-altered-twice ---\n"
        + it.conflictListing('0b9d7f5c3a21', ['4d2b0f8e6c93': [to32], 'e8f6d4c2a0b5': [to64]], [finding])
        + '\n------------------------------------------------------------------------\nBUILD SUCCESS'))

assert dryRun.contains("""[INFO] --- alembic:${pluginVersion}:converge (default-cli) @ conflicts-altered-twice ---
[WARNING] Schema conflict: ${finding}
[WARNING] A real run refuses to write this merge because of the schema conflict errors above (write it anyway with 'mvn alembic:converge -Dalembic.allowConflicts').
""")
assert dryRun.contains('[INFO] Dry run: nothing is written.')
assert dryRun.contains('BUILD SUCCESS')

assert converge.contains(it.info("""\
--- alembic:${pluginVersion}:converge (default-cli) @ conflicts-altered-twice ---
------------------------------------------------------------------------
BUILD FAILURE"""))
assert converge.contains(it.errorLines(
        "[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:converge (default-cli) on project conflicts-altered-twice: ",
        it.conflictError('4d2b0f8e6c93, e8f6d4c2a0b5', '0b9d7f5c3a21', finding, it.CONVERGE_AGAIN) + 'Nothing was written.\n-> [Help 1]'))
assert !converge.contains('[WARNING]')
it.assertTreeUnchanged()
