// alembic.ini holds two environments: [alembic] (migrations/, linear) and [analytics] (analytics/, forked).
// -Dalembic.name selects the section like 'alembic --name'.
def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')
def runs = (log.split(/\[INFO\] Scanning for projects\.\.\./) as List).drop(1)
assert runs.size() == 2
def (main, analytics) = runs

assert main =~ /(?m)^\[INFO\] Alembic revision graph OK: 2 revisions, 1 head \(9e1a3c5b7d28\) in migrations\/versions$/
assert main.contains('BUILD SUCCESS')

assert analytics.contains("[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:check (alembic-check) on project config-ini-section: " + '''\
Alembic migration graph has 2 heads, but at most 1 is allowed:
[ERROR]   - c4e6a8b0d25f (head)  analytics/versions/c4e6a8b0d25f_add_session_dimension.py  "add session dimension"
[ERROR]   - e6a8c0b2d47f (head)  analytics/versions/e6a8c0b2d47f_partition_events_by_month.py  "partition events by month"
[ERROR]   They fork from a2c4e6b8d039 (analytics/versions/a2c4e6b8d039_create_events_fact_table.py):
[ERROR]     * c4e6a8b0d25f (head)  add session dimension
[ERROR]     | * e6a8c0b2d47f (head)  partition events by month
[ERROR]     |/
[ERROR]     * a2c4e6b8d039 (branchpoint) (base)  create events fact table
''')
assert analytics =~ /(?m)^\[ERROR\] Fix: .*alembic merge -m "merge heads" c4e6a8b0d25f e6a8c0b2d47f$/
assert analytics.contains('BUILD FAILURE')
