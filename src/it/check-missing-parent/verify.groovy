// 9f7c5a3e1b46 has down_revision '6b4d2f8e0a31' (two digits swapped; the real parent is 6b4d2f8e0a13).
// Alembic itself crashes with KeyError('6b4d2f8e0a31'); alembic:check reports it with file and line (and writes the report).
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')

assert log.contains("[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:check (alembic-check) on project check-missing-parent: " + '''\
Alembic migration graph has 1 integrity error:
[ERROR]   - [missing-parent] migrations/versions/9f7c5a3e1b46_add_ticket_assignee.py:14: down_revision '6b4d2f8e0a31' of revision 9f7c5a3e1b46 names no revision file.
[ERROR]     Fix: point down_revision at an existing revision id (exact id, not a prefix or branch label), or restore the missing file.
[ERROR] Why: Alembic cannot load this history; every command, 'alembic upgrade head' included, fails (KeyError: '6b4d2f8e0a31').
''')
assert log.contains('BUILD FAILURE')
// a history that does not load gets no merge advice: its extra "heads" are not a fork
assert log.contains('[ERROR] The number of heads is checked again once the history loads.')
assert !log.contains('alembic merge -m')

def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.goal == 'check'
assert report.status == 'failed'
def missing = report.diagnostics.findAll { it.code == 'missing-parent' }
assert missing.size() == 1
assert missing[0].severity == 'error'
assert missing[0].path == 'migrations/versions/9f7c5a3e1b46_add_ticket_assignee.py'
assert missing[0].line == 14
assert missing[0].message.contains('6b4d2f8e0a31')
assert missing[0].fix.contains('restore the missing file')
