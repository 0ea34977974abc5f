// Three heads with -Dalembic.strategy=pairwise: merge the first two heads in id order, then that merge with the third.
// The first merge is the very revision converge-two-heads writes for 5d7e2f90a1c3 + 8c41d0b7e925 (same parents, same
// message: same id, same bytes); the second is dated by its newest parent, e0a4b7c93d16 (2026-03-11 14:30:27.480913).
def it = evaluate(new File(itSupport))
def runs = it.runs()
assert runs.size() == 2

assert runs[0].contains(it.info("""\
--- alembic:${pluginVersion}:converge (default-cli) @ converge-pairwise ---
2 revisions to write: 'head' (5d7e2f90a1c3, 8c41d0b7e925, e0a4b7c93d16 -> f0fc3b2597a6).
Created migrations/versions/d770c6ac8771_merge_heads.py (revision d770c6ac8771, merge of 5d7e2f90a1c3, 8c41d0b7e925)
Created migrations/versions/f0fc3b2597a6_merge_heads.py (revision f0fc3b2597a6, merge of d770c6ac8771, e0a4b7c93d16)
------------------------------------------------------------------------
BUILD SUCCESS"""))
it.assertSameFile('migrations/versions/d770c6ac8771_merge_heads.py', 'expected/d770c6ac8771_merge_heads.py')
it.assertSameFile('migrations/versions/f0fc3b2597a6_merge_heads.py', 'expected/f0fc3b2597a6_merge_heads.py')
assert runs[1].contains(it.info("""\
--- alembic:${pluginVersion}:heads (default-cli) @ converge-pairwise ---
f0fc3b2597a6 (head)
------------------------------------------------------------------------
BUILD SUCCESS"""))
