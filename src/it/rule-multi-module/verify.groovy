// The rule is declared once in the parent POM and inherited by both modules; each module is checked against
// its own basedir: the parent (no migrations) and users-service pass, orders-service (two heads) fails.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')

// the parent: no Alembic configuration, one info line, the rule passes
def parent = log.indexOf('@ rule-multi-module ---')
def users = log.indexOf('@ users-service ---')
def orders = log.indexOf('@ orders-service ---')
assert 0 <= parent && parent < users && users < orders
assert log.substring(parent, users) =~ /(?m)^\[INFO\] No Alembic migrations in \S*rule-multi-module /
assert log.substring(parent, users) =~ /(?m)^\[INFO\] Rule 0: io\.github\.alembicmaven\.enforcer\.RequireSingleAlembicHead passed$/

// users-service: one head
assert log.substring(users, orders) =~ /(?m)^\[INFO\] Alembic revision graph OK: 2 revisions, 1 head \(a0c2e4b6d869\) in migrations\/versions$/

// orders-service: two heads; paths relative to the module
assert log.contains("[ERROR] Failed to execute goal org.apache.maven.plugins:maven-enforcer-plugin:${enforcerPluginVersion}:enforce (alembic-single-head) on project orders-service: " + '''
[ERROR] Rule 0: io.github.alembicmaven.enforcer.RequireSingleAlembicHead failed with message:
[ERROR] Alembic migration graph has 2 heads, but at most 1 is allowed:
[ERROR]   - 2b2b2b2b2b2b (head)  migrations/versions/2b2b2b2b2b2b_add_orders.py  "add orders"
[ERROR]   - 3c3c3c3c3c3c (head)  migrations/versions/3c3c3c3c3c3c_add_users.py  "add users"
[ERROR]   They fork from 1a1a1a1a1a1a (migrations/versions/1a1a1a1a1a1a_init.py):
[ERROR]     * 2b2b2b2b2b2b (head)  add orders
[ERROR]     | * 3c3c3c3c3c3c (head)  add users
[ERROR]     |/
[ERROR]     * 1a1a1a1a1a1a (branchpoint) (base)  init
''')

// reactor summary
assert log =~ /(?m)^\[INFO\] rule-multi-module \(parent\) (1\.0-SNAPSHOT )?\.+ SUCCESS/
assert log =~ /(?m)^\[INFO\] users-service (1\.0-SNAPSHOT )?\.+ SUCCESS/
assert log =~ /(?m)^\[INFO\] orders-service (1\.0-SNAPSHOT )?\.+ FAILURE/
assert log.contains('BUILD FAILURE')

assert new JsonSlurper().parse(new File(basedir, 'users-service/target/alembic/alembic-report.json')).status == 'passed'
assert new JsonSlurper().parse(new File(basedir, 'orders-service/target/alembic/alembic-report.json')).status == 'failed'
