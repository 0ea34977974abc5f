// Three revisions on 3f2a9c1e7b40: one merge revision names all three heads, sorted by id in down_revision and
// "Revises:", with the Create Date of the newest (e0a4b7c93d16, 2026-03-11 14:30:27.480913, the last in id order).
def it = evaluate(new File(itSupport))
def runs = it.runs()
assert runs.size() == 2

assert runs[0].contains(it.info("""\
--- alembic:${pluginVersion}:converge (default-cli) @ converge-three-heads ---
1 revision to write: 'head' (5d7e2f90a1c3, 8c41d0b7e925, e0a4b7c93d16 -> 03bd49851654).
Created migrations/versions/03bd49851654_merge_heads.py (revision 03bd49851654, merge of 5d7e2f90a1c3, 8c41d0b7e925, e0a4b7c93d16)
------------------------------------------------------------------------
BUILD SUCCESS"""))
it.assertSameFile('migrations/versions/03bd49851654_merge_heads.py', 'expected/03bd49851654_merge_heads.py')
assert runs[1].contains(it.info("""\
--- alembic:${pluginVersion}:heads (default-cli) @ converge-three-heads ---
03bd49851654 (head)
------------------------------------------------------------------------
BUILD SUCCESS"""))
