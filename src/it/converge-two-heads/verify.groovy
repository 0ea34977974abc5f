// Two developers each added a revision on 3f2a9c1e7b40. alembic:converge writes one merge revision: parents sorted by
// id in down_revision and "Revises:", the id derived from parents and message, the Create Date of the newest parent
// (5d7e2f90a1c3, 2026-03-10 08:05:31.002211), the project's script.py.mako (Alembic's generic one). The expected file
// is byte for byte what 'alembic merge -m "merge heads" --rev-id d770c6ac8771 5d7e2f90a1c3 8c41d0b7e925' writes with
// Alembic 1.8.1, except for the Create Date line (Alembic takes the clock). alembic:check then passes.
def it = evaluate(new File(itSupport))
def runs = it.runs()
assert runs.size() == 2
def (converge, check) = runs

assert converge.contains(it.info("""\
--- alembic:${pluginVersion}:converge (default-cli) @ converge-two-heads ---
1 revision to write: 'head' (5d7e2f90a1c3, 8c41d0b7e925 -> d770c6ac8771).
Created migrations/versions/d770c6ac8771_merge_heads.py (revision d770c6ac8771, merge of 5d7e2f90a1c3, 8c41d0b7e925)
------------------------------------------------------------------------
BUILD SUCCESS"""))
assert !converge.contains('[WARNING]')
it.assertSameFile('migrations/versions/d770c6ac8771_merge_heads.py', 'expected/d770c6ac8771_merge_heads.py')
// nothing else was added or changed
assert new File(basedir, 'migrations/versions').list().sort() == [
        '3f2a9c1e7b40_create_accounts_table.py',
        '5d7e2f90a1c3_add_display_name_to_accounts.py',
        '8c41d0b7e925_create_orders_table.py',
        'd770c6ac8771_merge_heads.py']

assert check.contains(it.info("""\
--- alembic:${pluginVersion}:check (default-cli) @ converge-two-heads ---
Alembic revision graph OK: 4 revisions, 1 head (d770c6ac8771) in migrations/versions
------------------------------------------------------------------------
BUILD SUCCESS"""))
