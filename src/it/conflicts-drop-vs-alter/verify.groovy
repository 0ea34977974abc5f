// On 5a9c3e7d1b20 one developer dropped accounts.nickname, another made it NOT NULL (in a batch_alter_table block, as
// SQLite needs): run after the drop, the alter fails (real Alembic: KeyError 'nickname', see
// ConflictFixturesAlembicTest). The analysis reports one error, column-dropped:
//   1. alembic:converge refuses with what, why, fix and writes nothing (the first run leaves every file as it was);
//   2. with -Dalembic.allowConflicts it writes the merge revision anyway and logs the conflict as a warning;
//   3. alembic:check then passes: one head.
// In the end the project is the original plus exactly the merge file.
def it = evaluate(new File(itSupport))
def runs = it.runs()
assert runs.size() == 3
def (refused, allowed, check) = runs

def finding = '[error column-dropped] column accounts.nickname is dropped on one line and used on the other: migrations/versions/8d2f6b4a0c71_drop_nickname_from_accounts.py:23 drop_column accounts.nickname (line of 8d2f6b4a0c71) / migrations/versions/e6b0d8c2f493_make_account_nickname_required.py:24 alter_column accounts.nickname [nullable=False, server_default=""] (line of e6b0d8c2f493)'

// 1: refused
assert refused.contains(it.info("""\
--- alembic:${pluginVersion}:converge (default-cli) @ conflicts-drop-vs-alter ---
------------------------------------------------------------------------
BUILD FAILURE"""))
assert refused.contains(it.errorLines(
        "[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:converge (default-cli) on project conflicts-drop-vs-alter: ",
        it.conflictError('8d2f6b4a0c71, e6b0d8c2f493', '5a9c3e7d1b20', finding, it.CONVERGE_AGAIN) + 'Nothing was written.\n-> [Help 1]'))
assert !refused.contains('[WARNING]')

// 2: written anyway, the conflict a warning
assert allowed.contains("[INFO] --- alembic:${pluginVersion}:converge (default-cli) @ conflicts-drop-vs-alter ---\n"
        + "[WARNING] Schema conflict: ${finding}\n" + it.info('''\
1 revision to write: 'head' (8d2f6b4a0c71, e6b0d8c2f493 -> 5cb0e55dc216).
Created migrations/versions/5cb0e55dc216_merge_heads.py (revision 5cb0e55dc216, merge of 8d2f6b4a0c71, e6b0d8c2f493)
------------------------------------------------------------------------
BUILD SUCCESS'''))
assert allowed.count('[WARNING]') == 1
def merge = new File(basedir, 'migrations/versions/5cb0e55dc216_merge_heads.py').getText('UTF-8')
assert merge.contains("down_revision: Union[str, Sequence[str], None] = ('8d2f6b4a0c71', 'e6b0d8c2f493')\n")
assert merge.contains('def upgrade() -> None:\n    """Upgrade schema."""\n    pass\n')

// 3: one head
assert check.contains(it.info("""\
--- alembic:${pluginVersion}:check (default-cli) @ conflicts-drop-vs-alter ---
Alembic revision graph OK: 4 revisions, 1 head (5cb0e55dc216) in migrations/versions
------------------------------------------------------------------------
BUILD SUCCESS"""))
assert !check.contains('[WARNING]')

// the refused run wrote nothing (else the second would have had nothing to merge), the second exactly the merge file
it.assertTreeUnchangedExcept(['migrations/versions/5cb0e55dc216_merge_heads.py'])
