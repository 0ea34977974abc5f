// Two developers each added accounts.phone on 4e1f0a2b3c5d (VARCHAR(32) NULL on one line, VARCHAR(20) NOT NULL on the
// other): whichever runs second fails with "duplicate column name: phone" (ConflictFixturesAlembicTest runs both
// orders with real Alembic). The analysis reports one error, column-added-twice, and each goal treats it as documented:
//   1. alembic:check (default alembic.conflicts=warn) fails on the two heads, logs the conflict as a warning and adds a
//      note that converge will refuse;
//   2. with -Dalembic.maxHeads=2 it passes and logs the same warning;
//   3. with -Dalembic.conflicts=fail as well, the conflict alone fails it (what, why, fix);
//   4. alembic:converge refuses and writes nothing (every project file byte-identical afterwards);
//   5. alembic:conflicts lists each line's operations and the finding, passes (findings never fail it), and writes
//      the conflicts section of target/alembic/alembic-report.json.
import groovy.json.JsonSlurper

def it = evaluate(new File(itSupport))
def runs = it.runs()
assert runs.size() == 5
def (checkDefault, checkTwoHeads, checkFail, converge, conflicts) = runs

def left = 'migrations/versions/7b3d9e1f2a60_add_phone_to_accounts.py:23 add_column accounts.phone [type=sa.String(length=32), nullable=True] (line of 7b3d9e1f2a60)'
def right = 'migrations/versions/c2a85f4d6e19_add_phone_number_to_accounts.py:23 add_column accounts.phone [type=sa.String(length=20), nullable=False, server_default=""] (line of c2a85f4d6e19)'
def finding = "[error column-added-twice] column accounts.phone is added on both lines: ${left} / ${right}"
def warning = "[WARNING] Schema conflict: ${finding}\n"
def plugin = "io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}"

// 1: the head policy fails; the conflict is a warning and a note
assert checkDefault.contains("[INFO] --- alembic:${pluginVersion}:check (default-cli) @ conflicts-same-column ---\n" + warning
        + '[INFO] ------------------------------------------------------------------------\n[INFO] BUILD FAILURE\n')
assert checkDefault.contains(it.errorLines(
        "[ERROR] Failed to execute goal ${plugin}:check (default-cli) on project conflicts-same-column: ",
        '''\
Alembic migration graph has 2 heads, but at most 1 is allowed:
  - 7b3d9e1f2a60 (head)  migrations/versions/7b3d9e1f2a60_add_phone_to_accounts.py  "add phone to accounts"
  - c2a85f4d6e19 (head)  migrations/versions/c2a85f4d6e19_add_phone_number_to_accounts.py  "add phone number to accounts"
  They fork from 4e1f0a2b3c5d (migrations/versions/4e1f0a2b3c5d_create_accounts_table.py):
    * 7b3d9e1f2a60 (head)  add phone to accounts
    | * c2a85f4d6e19 (head)  add phone number to accounts
    |/
    * 4e1f0a2b3c5d (branchpoint) (base)  create accounts table
Why: 'alembic upgrade head' will fail with "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads".
Fix: run 'mvn alembic:converge' to write a merge revision (preview it first with 'mvn alembic:converge -Dalembic.dryRun'), or with Alembic itself: alembic merge -m "merge heads" 7b3d9e1f2a60 c2a85f4d6e19
Note: these lines also have schema conflicts (the warnings above): 'mvn alembic:converge' refuses to merge them until the migrations are reconciled; 'mvn alembic:conflicts' lists each line's operations.
-> [Help 1]'''))

// 2: two heads allowed: a warning, and the check passes
assert checkTwoHeads.contains("[INFO] --- alembic:${pluginVersion}:check (default-cli) @ conflicts-same-column ---\n" + warning + it.info('''\
Alembic revision graph OK: 3 revisions, 2 heads (7b3d9e1f2a60, c2a85f4d6e19) in migrations/versions
------------------------------------------------------------------------
BUILD SUCCESS'''))
assert checkTwoHeads.count('[WARNING]') == 1

// 3: alembic.conflicts=fail: the conflict fails the check (and is not repeated as a warning)
assert checkFail.contains(it.info("""\
--- alembic:${pluginVersion}:check (default-cli) @ conflicts-same-column ---
------------------------------------------------------------------------
BUILD FAILURE"""))
assert checkFail.contains(it.errorLines(
        "[ERROR] Failed to execute goal ${plugin}:check (default-cli) on project conflicts-same-column: ",
        it.conflictError('7b3d9e1f2a60, c2a85f4d6e19', '4e1f0a2b3c5d', finding, it.CHECK_AGAIN) + '-> [Help 1]'))
assert !checkFail.contains('[WARNING]')

// 4: converge refuses, writes nothing
assert converge.contains(it.info("""\
--- alembic:${pluginVersion}:converge (default-cli) @ conflicts-same-column ---
------------------------------------------------------------------------
BUILD FAILURE"""))
assert converge.contains(it.errorLines(
        "[ERROR] Failed to execute goal ${plugin}:converge (default-cli) on project conflicts-same-column: ",
        it.conflictError('7b3d9e1f2a60, c2a85f4d6e19', '4e1f0a2b3c5d', finding, it.CONVERGE_AGAIN)
                + 'Nothing was written.\n-> [Help 1]'))
assert !converge.contains('[WARNING]')
it.assertTreeUnchanged()

// 5: the listing
assert conflicts.contains(it.info("--- alembic:${pluginVersion}:conflicts (default-cli) @ conflicts-same-column ---\n"
        + it.conflictListing('4e1f0a2b3c5d', [
                '7b3d9e1f2a60': ['migrations/versions/7b3d9e1f2a60_add_phone_to_accounts.py:23 add_column accounts.phone [type=sa.String(length=32), nullable=True]'],
                'c2a85f4d6e19': ['migrations/versions/c2a85f4d6e19_add_phone_number_to_accounts.py:23 add_column accounts.phone [type=sa.String(length=20), nullable=False, server_default=""]']],
                [finding])
        + '\n------------------------------------------------------------------------\nBUILD SUCCESS'))
assert !conflicts.contains('[WARNING]')

// the report of the last run (alembic:conflicts): the fork, its lines with their operations, and the finding
def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.goal == 'conflicts'
assert report.status == 'passed'
assert report.heads == ['7b3d9e1f2a60', 'c2a85f4d6e19']
assert report.conflicts.size() == 1
def fork = report.conflicts[0]
assert fork.heads == ['7b3d9e1f2a60', 'c2a85f4d6e19']
assert fork.forkPoints == ['4e1f0a2b3c5d']
assert fork.lines*.head == ['7b3d9e1f2a60', 'c2a85f4d6e19']
assert fork.lines*.revisions == [['7b3d9e1f2a60'], ['c2a85f4d6e19']]
def leftOp = [path: 'migrations/versions/7b3d9e1f2a60_add_phone_to_accounts.py', line: 23, kind: 'add_column',
        operation: 'add_column accounts.phone [type=sa.String(length=32), nullable=True]', conditional: false,
        unresolved: false]
def rightOp = [path: 'migrations/versions/c2a85f4d6e19_add_phone_number_to_accounts.py', line: 23, kind: 'add_column',
        operation: 'add_column accounts.phone [type=sa.String(length=20), nullable=False, server_default=""]',
        conditional: false, unresolved: false]
assert fork.lines[0].operations == [leftOp]
assert fork.lines[1].operations == [rightOp]
assert fork.findings == [[severity: 'error', rule: 'column-added-twice',
        message: 'column accounts.phone is added on both lines',
        left: [head: '7b3d9e1f2a60'] + leftOp, right: [head: 'c2a85f4d6e19'] + rightOp]]
assert fork.diagnostics == []
