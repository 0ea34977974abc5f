// migrations/versions cannot be written (immutable as root, read-only otherwise): alembic:converge fails with an
// execution error in three parts (what, that nothing was written, how to fix) and leaves nothing behind: the project
// is byte-identical to what prebuild.groovy hashed, hidden temporary files included.
def it = evaluate(new File(itSupport))
// first undo prebuild.groovy, whatever fails below
def versions = new File(basedir, 'migrations/versions')
def by = new File(basedir, 'target/read-only-by.txt').text
def undo = (by == 'chattr' ? ['chattr', '-i', versions.path] : ['chmod', '755', versions.path]).execute()
undo.waitFor()
assert undo.exitValue() == 0

// as root the OS refuses with EPERM ("Operation not permitted"); otherwise with EACCES, which Java names
def reason = by == 'chattr' ? 'Operation not permitted' : 'permission denied'
assert it.log().contains(it.info("""\
--- alembic:${pluginVersion}:converge (default-cli) @ converge-read-only-versions ---
1 revision to write: 'head' (5d7e2f90a1c3, 8c41d0b7e925 -> d770c6ac8771).
------------------------------------------------------------------------
BUILD FAILURE"""))
assert it.log().contains(it.errorLines(
        "[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:converge (default-cli) on project converge-read-only-versions: ",
        """\
Could not create migrations/versions/d770c6ac8771_merge_heads.py: ${reason}
Converge writes all merge revisions or none: nothing was written, the migration tree is as before.
Make migrations/versions writable (or choose another version location with -Dalembic.versionPath=...), then run 'mvn alembic:converge'.
-> [Help 1]"""))
it.assertTreeUnchanged()
assert versions.list().sort() == [
        '3f2a9c1e7b40_create_accounts_table.py',
        '5d7e2f90a1c3_add_display_name_to_accounts.py',
        '8c41d0b7e925_create_orders_table.py']
