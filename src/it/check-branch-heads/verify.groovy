// 'billing' and 'catalog' are independent branches (POM property), but the billing line itself forked:
// the message names the branch, its two heads and where they fork; the catalog head is not mentioned.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')
// Maven prints a failure message after firstLinePrefix, and every further line with an "[ERROR] " prefix
def errorLines = { String firstLinePrefix, String message ->
    def lines = message.readLines()
    ([firstLinePrefix + lines.head()] + lines.tail().collect { '[ERROR] ' + it }).join('\n') + '\n'
}

assert log.contains(errorLines(
        "[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:check (alembic-check) on project check-branch-heads: ",
        '''\
Branch 'billing' of the Alembic migration graph has 2 heads, but at most 1 is allowed:
  - 3e8b0d2f4a67 (billing) (head)  migrations/versions/3e8b0d2f4a67_add_invoices_table.py  "add invoices table"
  - 6a1c3e5b7d90 (billing) (head)  migrations/versions/6a1c3e5b7d90_add_payment_methods.py  "add payment methods"
  They fork from 0c5a7e9b1d34 (migrations/versions/0c5a7e9b1d34_create_billing_schema.py):
    * 3e8b0d2f4a67 (billing) (head)  add invoices table
    | * 6a1c3e5b7d90 (billing) (head)  add payment methods
    |/
    * 0c5a7e9b1d34 (billing) (branchpoint) (base)  create billing schema
Why: 'alembic upgrade billing@head' will fail with "Multiple head revisions are present for given argument 'billing@head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads".
Fix: run 'mvn alembic:converge -Dalembic.independentBranches=billing,catalog' to write a merge revision (preview it first with 'mvn alembic:converge -Dalembic.independentBranches=billing,catalog -Dalembic.dryRun'), or with Alembic itself: alembic merge -m "merge billing heads" 3e8b0d2f4a67 6a1c3e5b7d90
'''))
assert !log.contains('c7e9a1b3d5f8 (catalog) (head)')
assert log.contains('BUILD FAILURE')

def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.status == 'failed'
def billing = report.headLines.find { it.branchLabel == 'billing' }
assert billing.heads == ['3e8b0d2f4a67', '6a1c3e5b7d90']
assert billing.forkPoints == ['0c5a7e9b1d34']
assert billing.violated == true
def catalog = report.headLines.find { it.branchLabel == 'catalog' }
assert catalog.heads == ['c7e9a1b3d5f8']
assert catalog.violated == false
