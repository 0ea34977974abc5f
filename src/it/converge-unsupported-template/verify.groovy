// The project's script.py.mako adds '% if branch_labels:' ... '% endif' (line 8), a Mako construct that none of
// Alembic's stock templates uses and that converge does not render. It warns, naming file, line and construct, and
// renders the merge revision with the built-in template (Alembic's generic one) instead: the file is the one
// converge-two-heads writes with the stock template.
def it = evaluate(new File(itSupport))

assert it.log().contains('''\
[WARNING] migrations/script.py.mako:8: '% if branch_labels:' - the control line % if is not used by the stock templates (only % for ... / % endfor). The merge revisions are rendered with the built-in template (Alembic's generic script.py.mako) instead; review them, or keep script.py.mako to the constructs of Alembic's stock templates.
''' + it.info("""\
1 revision to write: 'head' (5d7e2f90a1c3, 8c41d0b7e925 -> d770c6ac8771).
Created migrations/versions/d770c6ac8771_merge_heads.py (revision d770c6ac8771, merge of 5d7e2f90a1c3, 8c41d0b7e925)
------------------------------------------------------------------------
BUILD SUCCESS"""))
assert it.log().count('[WARNING]') == 1
it.assertSameFile('migrations/versions/d770c6ac8771_merge_heads.py', 'expected/d770c6ac8771_merge_heads.py')
