// The verify command runs after the merge revision is written (its 'ls' lists it), prints text and exits with 3: the
// build fails with the command's output in the three-part message, the new file is removed again, and the project is
// byte-identical to what prebuild.groovy hashed.
def it = evaluate(new File(itSupport))

assert it.log().contains(it.info("""\
--- alembic:${pluginVersion}:converge (default-cli) @ converge-verify-command-fails ---
1 revision to write: 'head' (5d7e2f90a1c3, 8c41d0b7e925 -> d770c6ac8771).
------------------------------------------------------------------------
BUILD FAILURE"""))
assert it.log().contains(it.errorLines(
        "[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:converge (default-cli) on project converge-verify-command-fails: ",
        '''\
The verify command failed with exit code 3: echo "checking the merge"; ls migrations/versions; exit 3
--- output ---
checking the merge
3f2a9c1e7b40_create_accounts_table.py
5d7e2f90a1c3_add_display_name_to_accounts.py
8c41d0b7e925_create_orders_table.py
d770c6ac8771_merge_heads.py
--- end of output ---
The new files (migrations/versions/d770c6ac8771_merge_heads.py) were removed again; the migration tree is as before. A merge that this command rejects would fail the same way at deploy time.
Fix what the output shows, then run 'mvn alembic:converge -Dalembic.verifyCommand="echo \\"checking the merge\\"; ls migrations/versions; exit 3"' (preview the files with 'mvn alembic:converge -Dalembic.dryRun').
-> [Help 1]'''))
assert !it.log().contains('Created ')
it.assertTreeUnchanged()
