// Two developers each added a revision on 1a1a1a1a1a1a. alembic:heads lists both heads (and passes);
// alembic:check fails with the three-part message (what, why, fix) and still writes the JSON report.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')
def runs = (log.split(/\[INFO\] Scanning for projects\.\.\./) as List).drop(1)   // one entry per invocation
assert runs.size() == 2
def (heads, check) = runs
// Maven prints a failure message after firstLinePrefix, and every further line with an "[ERROR] " prefix
def errorLines = { String firstLinePrefix, String message ->
    def lines = message.readLines()
    ([firstLinePrefix + lines.head()] + lines.tail().collect { '[ERROR] ' + it }).join('\n') + '\n'
}

// 1: alembic:heads, in Alembic's format and in load order
assert heads.contains('''\
[INFO] --- alembic:''' + pluginVersion + ''':heads (default-cli) @ check-two-heads ---
[INFO] 2b2b2b2b2b2b (head)
[INFO] 3c3c3c3c3c3c (head)
[INFO] ----''')
assert heads.contains('BUILD SUCCESS')

// 2: alembic:check
assert check.contains(errorLines(
        "[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:check (alembic-check) on project check-two-heads: ",
        '''\
Alembic migration graph has 2 heads, but at most 1 is allowed:
  - 2b2b2b2b2b2b (head)  migrations/versions/2b2b2b2b2b2b_add_orders.py  "add orders"
  - 3c3c3c3c3c3c (head)  migrations/versions/3c3c3c3c3c3c_add_users.py  "add users"
  They fork from 1a1a1a1a1a1a (migrations/versions/1a1a1a1a1a1a_init.py):
    * 2b2b2b2b2b2b (head)  add orders
    | * 3c3c3c3c3c3c (head)  add users
    |/
    * 1a1a1a1a1a1a (branchpoint) (base)  init
Why: 'alembic upgrade head' will fail with "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads".
Fix: run 'mvn alembic:converge' to write a merge revision (preview it first with 'mvn alembic:converge -Dalembic.dryRun'), or with Alembic itself: alembic merge -m "merge heads" 2b2b2b2b2b2b 3c3c3c3c3c3c
'''))
assert check.contains('BUILD FAILURE')

// the report is written on failure too (this one is from alembic:check, the last invocation)
def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.schemaVersion == 1
assert report.goal == 'check'
assert report.status == 'failed'
assert report.revisions*.id == ['1a1a1a1a1a1a', '2b2b2b2b2b2b', '3c3c3c3c3c3c']
def orders = report.revisions.find { it.id == '2b2b2b2b2b2b' }
assert orders.downRevisions == ['1a1a1a1a1a1a']
assert orders.branchLabels == []
assert orders.dependsOn == []
assert orders.path == 'migrations/versions/2b2b2b2b2b2b_add_orders.py'
assert orders.message == 'add orders'
assert report.heads == ['2b2b2b2b2b2b', '3c3c3c3c3c3c']
assert report.realHeads == ['2b2b2b2b2b2b', '3c3c3c3c3c3c']
assert report.effectiveHeads == []
assert report.bases == ['1a1a1a1a1a1a']
assert report.realBases == ['1a1a1a1a1a1a']
assert report.branchPoints == ['1a1a1a1a1a1a']
assert report.mergePoints == []
assert report.headLines.size() == 1
assert report.headLines[0].branchLabel == null
assert report.headLines[0].allowed == 1
assert report.headLines[0].heads == ['2b2b2b2b2b2b', '3c3c3c3c3c3c']
assert report.headLines[0].forkPoints == ['1a1a1a1a1a1a']
assert report.headLines[0].violated == true
def multipleHeads = report.diagnostics.findAll { it.code == 'multiple-heads' }
assert multipleHeads.size() == 1
assert multipleHeads[0].severity == 'error'
assert multipleHeads[0].fix.contains('alembic merge -m "merge heads" 2b2b2b2b2b2b 3c3c3c3c3c3c')
