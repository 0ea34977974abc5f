// -Dalembic.branchLabel=release_2_0 -Dalembic.message="merge for release 2.0": the merge revision has
// branch_labels = ('release_2_0',), the message as docstring and slug, and an id of its own (the label and message are
// part of what the id is derived from); alembic:heads then shows the label on the one head.
def it = evaluate(new File(itSupport))
def runs = it.runs()
assert runs.size() == 2
def name = '58f78043cdea_merge_for_release_2_0.py'

assert runs[0].contains(it.info("""\
--- alembic:${pluginVersion}:converge (default-cli) @ converge-branch-label ---
1 revision to write: 'head' (5d7e2f90a1c3, 8c41d0b7e925 -> 58f78043cdea).
Created migrations/versions/${name} (revision 58f78043cdea, merge of 5d7e2f90a1c3, 8c41d0b7e925)
------------------------------------------------------------------------
BUILD SUCCESS"""))
it.assertSameFile("migrations/versions/${name}", "expected/${name}")
assert runs[1].contains(it.info("""\
--- alembic:${pluginVersion}:heads (default-cli) @ converge-branch-label ---
58f78043cdea (release_2_0) (head)
------------------------------------------------------------------------
BUILD SUCCESS"""))
