// requireSingleAlembicHead on two heads: the enforcer prints the same three-part message as alembic:check.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')

// Maven prints each line of the enforcer's failure with an "[ERROR] " prefix
assert log.contains("[ERROR] Failed to execute goal org.apache.maven.plugins:maven-enforcer-plugin:${enforcerPluginVersion}:enforce (alembic-single-head) on project rule-two-heads: " + '''
[ERROR] Rule 0: io.github.alembicmaven.enforcer.RequireSingleAlembicHead failed with message:
[ERROR] Alembic migration graph has 2 heads, but at most 1 is allowed:
[ERROR]   - 2b2b2b2b2b2b (head)  migrations/versions/2b2b2b2b2b2b_add_orders.py  "add orders"
[ERROR]   - 3c3c3c3c3c3c (head)  migrations/versions/3c3c3c3c3c3c_add_users.py  "add users"
[ERROR]   They fork from 1a1a1a1a1a1a (migrations/versions/1a1a1a1a1a1a_init.py):
[ERROR]     * 2b2b2b2b2b2b (head)  add orders
[ERROR]     | * 3c3c3c3c3c3c (head)  add users
[ERROR]     |/
[ERROR]     * 1a1a1a1a1a1a (branchpoint) (base)  init
[ERROR] Why: 'alembic upgrade head' will fail with "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads".
[ERROR] Fix: run 'mvn alembic:converge' to write a merge revision (preview it first with 'mvn alembic:converge -Dalembic.dryRun'), or with Alembic itself: alembic merge -m "merge heads" 2b2b2b2b2b2b 3c3c3c3c3c3c
''')
assert log.contains('BUILD FAILURE')

def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.goal == 'requireSingleAlembicHead'
assert report.status == 'failed'
assert report.heads == ['2b2b2b2b2b2b', '3c3c3c3c3c3c']
