// 8c41d0b7e925 names the parent 3f2a9c1e7b41, a typo for 3f2a9c1e7b40: Alembic cannot load this history, so the heads
// seen now are not the ones a merge has to join. alembic:converge refuses with the three-part message (what, why,
// fix; the error listed with its project-relative path) and writes nothing.
def it = evaluate(new File(itSupport))

assert it.log().contains(it.info("""\
--- alembic:${pluginVersion}:converge (default-cli) @ converge-integrity-error ---
------------------------------------------------------------------------
BUILD FAILURE"""))
assert it.log().contains(it.errorLines(
        "[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:converge (default-cli) on project converge-integrity-error: ",
        '''\
alembic:converge refused: The Alembic migration graph has 1 integrity error; converge merges only a history that loads: fix it first.
  - [missing-parent] migrations/versions/8c41d0b7e925_create_orders_table.py:16: down_revision '3f2a9c1e7b41' of revision 8c41d0b7e925 names no revision file. Fix: point down_revision at an existing revision id (exact id, not a prefix or branch label), or restore the missing file.
A merge joins the heads of a history that loads; with these errors Alembic cannot load the history at all, and the heads seen now are not the ones a merge has to join. Nothing was written.
Fix the errors above, confirm with 'mvn alembic:check', then run 'mvn alembic:converge'.
-> [Help 1]'''))
it.assertTreeUnchanged()
