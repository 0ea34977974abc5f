// Heads 5d7e2f90a1c3 (on 3f2a9c1e7b40), f1c28e5a9b07 and 2b9d4a6e1f85 (both on 8c41d0b7e925).
// -Dalembic.fromRevision=8c41d0b7e925 merges only the two heads that descend from it (dated by the newer,
// 2b9d4a6e1f85: 2026-03-12 17:48:03.206154) and leaves 5d7e2f90a1c3 alone: two heads remain.
def it = evaluate(new File(itSupport))
def runs = it.runs()
assert runs.size() == 2

// both merged lines touch table orders in different columns: a warning, the merge is still written
assert runs[0].contains("""[INFO] --- alembic:${pluginVersion}:converge (default-cli) @ converge-from-revision ---
[WARNING] Schema conflict: [warning same-table] both lines change table orders (different columns or objects): migrations/versions/2b9d4a6e1f85_index_orders_by_account.py:23 create_index ix_orders_account_id on orders (account_id) (line of 2b9d4a6e1f85) / migrations/versions/f1c28e5a9b07_add_total_to_orders.py:23 add_column orders.total_cents [type=sa.Integer(), nullable=False, server_default="0"] (line of f1c28e5a9b07)
""")
assert runs[0].contains(it.info("""\
1 revision to write: 'head' (2b9d4a6e1f85, f1c28e5a9b07 -> 0772bd24926c).
'head': 5d7e2f90a1c3 does not descend from '8c41d0b7e925' and stays a head: 'alembic upgrade head' fails until the line has one head (converge without fromRevision merges all of them).
Created migrations/versions/0772bd24926c_merge_heads.py (revision 0772bd24926c, merge of 2b9d4a6e1f85, f1c28e5a9b07)
------------------------------------------------------------------------
BUILD SUCCESS"""))
it.assertSameFile('migrations/versions/0772bd24926c_merge_heads.py', 'expected/0772bd24926c_merge_heads.py')
assert runs[1].contains(it.info("""\
--- alembic:${pluginVersion}:heads (default-cli) @ converge-from-revision ---
0772bd24926c (head)
5d7e2f90a1c3 (head)
------------------------------------------------------------------------
BUILD SUCCESS"""))
