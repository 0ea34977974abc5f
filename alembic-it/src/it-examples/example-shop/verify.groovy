// examples/shop: two developers each added a revision on 1e5b8d2a6c93 ("add customer phone").
// alembic:heads shows the two heads; alembic:check (CLI and bound to validate) fails with the three-part message,
// the fork drawn in it.
// Then the README's converge example: the dry run prints the file, the real run writes exactly the file shown in the
// README (extracted from it, so the README stays true), alembic:check passes, and a second converge writes nothing.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')
def runs = (log.split(/\[INFO\] Scanning for projects\.\.\./) as List).drop(1)
assert runs.size() == 5
def (cli, lifecycle, dryRun, converge, again) = runs

// the message as Maven prints it after "Failed to execute goal ... on project shop-db: "
def message = '''\
Alembic migration graph has 2 heads, but at most 1 is allowed:
[ERROR]   - 5d0f2a8c6e71 (head)  migrations/versions/5d0f2a8c6e71_add_order_status.py  "add order status"
[ERROR]   - a9c3e7f1b5d8 (head)  migrations/versions/a9c3e7f1b5d8_create_coupons_table.py  "create coupons table"
[ERROR]   They fork from 1e5b8d2a6c93 (migrations/versions/1e5b8d2a6c93_add_customer_phone.py):
[ERROR]     * 5d0f2a8c6e71 (head)  add order status
[ERROR]     | * a9c3e7f1b5d8 (head)  create coupons table
[ERROR]     |/
[ERROR]     * 1e5b8d2a6c93 (branchpoint)  add customer phone
[ERROR] Why: 'alembic upgrade head' will fail with "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads".
[ERROR] Fix: run 'mvn alembic:converge' to write a merge revision (preview it first with 'mvn alembic:converge -Dalembic.dryRun'), or with Alembic itself: alembic merge -m "merge heads" 5d0f2a8c6e71 a9c3e7f1b5d8
'''

// 1: mvn alembic:heads alembic:check
assert cli.contains('''\
[INFO] --- alembic:''' + pluginVersion + ''':heads (default-cli) @ shop-db ---
[INFO] 5d0f2a8c6e71 (head)
[INFO] a9c3e7f1b5d8 (head)
[INFO] 
''')
assert cli.indexOf(':heads (default-cli) @ shop-db ---') < cli.indexOf(':check (default-cli) @ shop-db ---')
assert cli.contains("[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:check (default-cli) on project shop-db: " + message)
assert cli.contains('BUILD FAILURE')

// 2: mvn validate (alembic:check bound by the example's POM)
assert lifecycle.contains("[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:check (alembic-check) on project shop-db: " + message)

// the report of the last run (converge on the converged tree)
def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.goal == 'converge'
assert report.status == 'passed'
assert report.revisions.size() == 7
assert report.heads == ['8579b713d25f']
assert report.mergePoints == ['8579b713d25f']
assert report.branchPoints == ['1e5b8d2a6c93']
assert report.bases == ['3f1c9a7e2b44']
assert report.converge.status == 'converged'

// 3: the dry run prints the file between markers and writes nothing
def merge = 'migrations/versions/8579b713d25f_merge_heads.py'
def readme = new File(basedir, '../../../../README.md').getText('UTF-8').replace('\r\n', '\n')
def block = java.util.regex.Pattern.compile('(?s)`' + java.util.regex.Pattern.quote(merge) + '`, rendered.*?```python\n(.*?)```').matcher(readme)
def shown = block.find() ? block.group(1) : null
assert shown != null : 'README no longer shows ' + merge
assert dryRun.contains('[INFO] 1 revision to write: \'head\' (5d0f2a8c6e71, a9c3e7f1b5d8 -> 8579b713d25f).\n')
def printed = shown.readLines().collect { it.isEmpty() ? '[INFO] ' : '[INFO] ' + it }.join('\n')
assert dryRun.contains("[INFO] --- ${merge} (591 bytes, revision 8579b713d25f, template migrations/script.py.mako) ---\n" + printed + "\n[INFO] --- end of ${merge} ---")

// 4: converge writes exactly the README's file; check passes in the same build
assert converge.contains("[INFO] Created ${merge} (revision 8579b713d25f, merge of 5d0f2a8c6e71, a9c3e7f1b5d8)")
assert converge.contains('[INFO] Alembic revision graph OK: 7 revisions, 1 head (8579b713d25f) in migrations/versions')
assert new File(basedir, merge).getText('UTF-8') == shown
assert new File(basedir, merge).length() == 591

// 5: nothing more to write
assert again.contains('[INFO] Already converged: every line of history has one head; nothing to write.')
assert new File(basedir, 'migrations/versions').list().findAll { it.endsWith('.py') }.size() == 7
