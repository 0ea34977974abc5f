// 3d5f7b9a1c24 has 'down_revision = cli.BASE', imported from the application (src/warehouse/migrations/cli.py).
// Without Python the value is unknown: reported as unresolved-value with file:line; -Dalembic.constants supplies it.
def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')
def runs = (log.split(/\[INFO\] Scanning for projects\.\.\./) as List).drop(1)
assert runs.size() == 2
def (unresolved, resolved) = runs

assert unresolved.contains("[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:check (alembic-check) on project check-unresolved-value: " + '''\
Alembic migration graph has 1 integrity error:
[ERROR]   - [unresolved-value] migrations/versions/3d5f7b9a1c24_add_bins_table.py:16: down_revision = cli.BASE cannot be evaluated without running Python (the name 'cli' comes from 'from warehouse.migrations import cli' at line 11)
[ERROR]     Fix: supply it with -Dalembic.constants=cli.BASE=value or write the literal
''')
assert unresolved.contains('BUILD FAILURE')

assert resolved =~ /(?m)^\[INFO\] Alembic revision graph OK: 2 revisions, 1 head \(3d5f7b9a1c24\) in migrations\/versions$/
assert resolved.contains('BUILD SUCCESS')
