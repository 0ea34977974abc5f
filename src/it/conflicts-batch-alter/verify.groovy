// On 2d8b6f4c0e13 one developer renamed orders.status to state, another widened orders.status, both inside
// 'with op.batch_alter_table("orders") as batch_op:' (SQLite alters columns only in batch mode). Run after the rename,
// the widening fails (real Alembic: KeyError 'status', see ConflictFixturesAlembicTest). The batch_op calls get their
// table from the with-statement:
//   1. alembic:conflicts lists them as orders.status operations and reports one error, column-renamed;
//   2. alembic:check -Dalembic.maxHeads=2 -Dalembic.conflicts=fail fails on it (what, why, fix).
def it = evaluate(new File(itSupport))
def runs = it.runs()
assert runs.size() == 2
def (conflicts, check) = runs

def rename = 'migrations/versions/6f0d4b2e8a57_rename_order_status_to_state.py:24 alter_column orders.status -> state'
def widen = 'migrations/versions/a9c7e5f3b168_widen_order_status.py:24 alter_column orders.status [type_=sa.String(length=32)]'
def finding = "[error column-renamed] column orders.status is renamed on one line and used on the other: ${rename} (line of 6f0d4b2e8a57) / ${widen} (line of a9c7e5f3b168)"

assert conflicts.contains(it.info("--- alembic:${pluginVersion}:conflicts (default-cli) @ conflicts-batch-alter ---\n"
        + it.conflictListing('2d8b6f4c0e13', ['6f0d4b2e8a57': [rename], 'a9c7e5f3b168': [widen]], [finding])
        + '\n------------------------------------------------------------------------\nBUILD SUCCESS'))
assert !conflicts.contains('[WARNING]')

assert check.contains(it.info("""\
--- alembic:${pluginVersion}:check (default-cli) @ conflicts-batch-alter ---
------------------------------------------------------------------------
BUILD FAILURE"""))
assert check.contains(it.errorLines(
        "[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:check (default-cli) on project conflicts-batch-alter: ",
        it.conflictError('6f0d4b2e8a57, a9c7e5f3b168', '2d8b6f4c0e13', finding, it.CHECK_AGAIN) + '-> [Help 1]'))
assert !check.contains('[WARNING]')
