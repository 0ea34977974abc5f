// On 3a1e9c7b5d02 one developer lower-cased the account emails with op.execute("UPDATE accounts ..."), another added
// accounts.phone. The UPDATE cannot be analysed, so it may or may not interfere: a warning, opaque-sql, not an error
// (real Alembic runs both lines in either order, see ConflictFixturesAlembicTest):
//   1. alembic:conflicts lists the UPDATE as opaque SQL on accounts, and the warning;
//   2. alembic:check -Dalembic.maxHeads=2 -Dalembic.conflicts=fail passes with the warning (only errors fail it);
//   3. alembic:converge writes the merge revision and logs the warning;
//   4. alembic:check then passes: one head.
def it = evaluate(new File(itSupport))
def runs = it.runs()
assert runs.size() == 4
def (conflicts, checkTwoHeads, converge, check) = runs

def update = 'migrations/versions/7c5a3e1f9b46_lower_case_account_emails.py:23 opaque_sql on accounts: UPDATE accounts SET email = lower(email)'
def phone = 'migrations/versions/d0b8f6a4c279_add_phone_to_accounts.py:23 add_column accounts.phone [type=sa.String(length=32), nullable=True]'
def finding = "[warning opaque-sql] SQL that cannot be analysed runs on table accounts, which the other line also changes: ${update} (line of 7c5a3e1f9b46) / ${phone} (line of d0b8f6a4c279)"
def warning = "[WARNING] Schema conflict: ${finding}\n"

assert conflicts.contains(it.info("--- alembic:${pluginVersion}:conflicts (default-cli) @ conflicts-raw-sql ---\n"
        + it.conflictListing('3a1e9c7b5d02', ['7c5a3e1f9b46': [update], 'd0b8f6a4c279': [phone]], [finding])
        + '\n------------------------------------------------------------------------\nBUILD SUCCESS'))
assert !conflicts.contains('[WARNING]')

assert checkTwoHeads.contains("[INFO] --- alembic:${pluginVersion}:check (default-cli) @ conflicts-raw-sql ---\n" + warning
        + it.info('''\
Alembic revision graph OK: 3 revisions, 2 heads (7c5a3e1f9b46, d0b8f6a4c279) in migrations/versions
------------------------------------------------------------------------
BUILD SUCCESS'''))
assert checkTwoHeads.count('[WARNING]') == 1

assert converge.contains("[INFO] --- alembic:${pluginVersion}:converge (default-cli) @ conflicts-raw-sql ---\n" + warning
        + it.info('''\
1 revision to write: 'head' (7c5a3e1f9b46, d0b8f6a4c279 -> 7cca766a9118).
Created migrations/versions/7cca766a9118_merge_heads.py (revision 7cca766a9118, merge of 7c5a3e1f9b46, d0b8f6a4c279)
------------------------------------------------------------------------
BUILD SUCCESS'''))
assert converge.count('[WARNING]') == 1

assert check.contains(it.info("""\
--- alembic:${pluginVersion}:check (default-cli) @ conflicts-raw-sql ---
Alembic revision graph OK: 4 revisions, 1 head (7cca766a9118) in migrations/versions
------------------------------------------------------------------------
BUILD SUCCESS"""))
assert !check.contains('[WARNING]')
