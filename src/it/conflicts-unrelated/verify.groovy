// On 5e3c1a9f7d24 one developer created table invoices, another added accounts.phone: unrelated tables, no finding
// (real Alembic runs both lines in either order, to the same schema, see ConflictFixturesAlembicTest):
//   1. alembic:conflicts lists both lines and "No conflicts";
//   2. alembic:check -Dalembic.maxHeads=2 -Dalembic.conflicts=fail passes without a warning;
//   3. alembic:converge writes the merge revision, without a warning;
//   4. alembic:check then passes: one head;
//   5. alembic:conflicts has no fork left to analyse.
def it = evaluate(new File(itSupport))
def runs = it.runs()
assert runs.size() == 5
def (conflicts, checkTwoHeads, converge, check, conflictsAfter) = runs
assert !it.log().contains('[WARNING]')

assert conflicts.contains(it.info("--- alembic:${pluginVersion}:conflicts (default-cli) @ conflicts-unrelated ---\n"
        + it.conflictListing('5e3c1a9f7d24', [
                '9a7e5c3b1f86': ['migrations/versions/9a7e5c3b1f86_create_invoices_table.py:23 create_table invoices (id, number, total_cents)'],
                'f2d0b8e6c457': ['migrations/versions/f2d0b8e6c457_add_phone_to_accounts.py:23 add_column accounts.phone [type=sa.String(length=32), nullable=True]']],
                [])
        + '\n------------------------------------------------------------------------\nBUILD SUCCESS'))

assert checkTwoHeads.contains(it.info("""\
--- alembic:${pluginVersion}:check (default-cli) @ conflicts-unrelated ---
Alembic revision graph OK: 3 revisions, 2 heads (9a7e5c3b1f86, f2d0b8e6c457) in migrations/versions
------------------------------------------------------------------------
BUILD SUCCESS"""))

assert converge.contains(it.info("""\
--- alembic:${pluginVersion}:converge (default-cli) @ conflicts-unrelated ---
1 revision to write: 'head' (9a7e5c3b1f86, f2d0b8e6c457 -> d7a3357869e7).
Created migrations/versions/d7a3357869e7_merge_heads.py (revision d7a3357869e7, merge of 9a7e5c3b1f86, f2d0b8e6c457)
------------------------------------------------------------------------
BUILD SUCCESS"""))

assert check.contains(it.info("""\
--- alembic:${pluginVersion}:check (default-cli) @ conflicts-unrelated ---
Alembic revision graph OK: 4 revisions, 1 head (d7a3357869e7) in migrations/versions
------------------------------------------------------------------------
BUILD SUCCESS"""))

assert conflictsAfter.contains(it.info("""\
--- alembic:${pluginVersion}:conflicts (default-cli) @ conflicts-unrelated ---
No fork to analyse: every line of history has one head. Alembic revision graph OK: 4 revisions, 1 head (d7a3357869e7) in migrations/versions
------------------------------------------------------------------------
BUILD SUCCESS"""))
