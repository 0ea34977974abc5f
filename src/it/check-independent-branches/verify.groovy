// Alembic's "multiple bases" layout: the labelled lines 'networking' and 'shoppingcart' each have one head.
// Without alembic.independentBranches that is two heads ('alembic upgrade head' fails); with it, the check passes.
def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')
def runs = (log.split(/\[INFO\] Scanning for projects\.\.\./) as List).drop(1)
assert runs.size() == 2
def (strict, independent) = runs
// Maven prints a failure message after firstLinePrefix, and every further line with an "[ERROR] " prefix
def errorLines = { String firstLinePrefix, String message ->
    def lines = message.readLines()
    ([firstLinePrefix + lines.head()] + lines.tail().collect { '[ERROR] ' + it }).join('\n') + '\n'
}

assert strict.contains(errorLines(
        "[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:check (alembic-check) on project check-independent-branches: ",
        '''\
Alembic migration graph has 2 heads, but at most 1 is allowed:
  - 109ec7d132bf (networking) (head)  migrations/versions/109ec7d132bf_add_ip_number_table.py  "add ip number table"
  - d747a8a88790 (shoppingcart) (head)  migrations/versions/d747a8a88790_add_a_shopping_cart_column.py  "add a shopping cart column"
  They share no common ancestor (bases: 27c6a30d7c24, 3cac04ae8714). If these are meant to be independent lines of history, give each its own branch label and list the labels in independentBranches.
Why: 'alembic upgrade head' will fail with "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads".
Fix: run 'mvn alembic:converge' to write a merge revision (preview it first with 'mvn alembic:converge -Dalembic.dryRun'), or with Alembic itself: alembic merge -m "merge heads" 109ec7d132bf d747a8a88790
'''))
assert strict.contains('BUILD FAILURE')

assert independent =~ /(?m)^\[INFO\] Alembic revision graph OK: 4 revisions, 2 heads \(109ec7d132bf, d747a8a88790\) in migrations\/versions$/
assert !independent.contains('Alembic migration graph has')
assert independent.contains('BUILD SUCCESS')
