// alembic:converge -Dalembic.dryRun on two heads prints the plan: the path of the merge revision, its size, id and
// template, then its full content (exactly the file converge-two-heads writes), and writes nothing: every file of the
// project is byte-identical to what prebuild.groovy hashed (the report under target/ aside).
def it = evaluate(new File(itSupport))
def expected = new File(basedir, 'expected/d770c6ac8771_merge_heads.py')
assert expected.length() == 591

assert it.log().contains(it.info("""\
--- alembic:${pluginVersion}:converge (default-cli) @ converge-dry-run ---
1 revision to write: 'head' (5d7e2f90a1c3, 8c41d0b7e925 -> d770c6ac8771).
Dry run: nothing is written. A real run ('mvn alembic:converge') writes this file:

--- migrations/versions/d770c6ac8771_merge_heads.py (591 bytes, revision d770c6ac8771, template migrations/script.py.mako) ---
""" + expected.getText('UTF-8') + """\
--- end of migrations/versions/d770c6ac8771_merge_heads.py ---
------------------------------------------------------------------------
BUILD SUCCESS"""))
assert !it.log().contains('[WARNING]')
it.assertTreeUnchanged()
assert !new File(basedir, 'migrations/versions/d770c6ac8771_merge_heads.py').exists()
