// Three revisions on the same parent: alembic:check names all three heads (load order), the fork point, and a merge of all three.
def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')
// Maven prints a failure message after firstLinePrefix, and every further line with an "[ERROR] " prefix
def errorLines = { String firstLinePrefix, String message ->
    def lines = message.readLines()
    ([firstLinePrefix + lines.head()] + lines.tail().collect { '[ERROR] ' + it }).join('\n') + '\n'
}

assert log.contains(errorLines(
        "[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:check (alembic-check) on project check-three-heads: ",
        '''\
Alembic migration graph has 3 heads, but at most 1 is allowed:
  - 6e2d8f4a1b90 (head)  migrations/versions/6e2d8f4a1b90_add_loyalty_points.py  "add loyalty points"
  - 9c1f5b3e7d26 (head)  migrations/versions/9c1f5b3e7d26_add_customer_addresses.py  "add customer addresses"
  - b8a4e0c6f2d1 (head)  migrations/versions/b8a4e0c6f2d1_add_marketing_opt_in.py  "add marketing opt in"
  They fork from 4b7e1d9a0c38 (migrations/versions/4b7e1d9a0c38_add_customer_email_index.py):
    * 6e2d8f4a1b90 (head)  add loyalty points
    | * 9c1f5b3e7d26 (head)  add customer addresses
    | | * b8a4e0c6f2d1 (head)  add marketing opt in
    |/_/
    * 4b7e1d9a0c38 (branchpoint)  add customer email index
Why: 'alembic upgrade head' will fail with "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads".
Fix: run 'mvn alembic:converge' to write a merge revision (preview it first with 'mvn alembic:converge -Dalembic.dryRun'), or with Alembic itself: alembic merge -m "merge heads" 6e2d8f4a1b90 9c1f5b3e7d26 b8a4e0c6f2d1
'''))
assert log.contains('BUILD FAILURE')
