// Two files declare revision '5e7a9c1b3d24' (one was copied and not given a new id). Alembic only warns and
// silently keeps the file loaded last; alembic:check fails with duplicate-revision, naming both files.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')

assert log.contains("[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:check (alembic-check) on project check-duplicate-id: " + '''\
Alembic migration graph has 1 integrity error:
[ERROR]   - [duplicate-revision] migrations/versions/5e7a9c1b3d24_add_invoice_due_date.py:15: revision id 5e7a9c1b3d24 is also declared by 5e7a9c1b3d24_add_invoice_currency.py; Alembic keeps only the file loaded last and leaves the other one as a stale extra head.
[ERROR]     Fix: give one of the two files a new revision id (and update the down_revision that should point at it); a merge does not fix a duplicated id.
[ERROR] Why: Alembic only warns "Revision 5e7a9c1b3d24 is present more than once" and silently keeps one of the two files (the one loaded last): the other migration never runs and stays behind as an extra head.
''')
assert log.contains('BUILD FAILURE')
// a history that does not load gets no merge advice: its extra "heads" are not a fork
assert log.contains('[ERROR] The number of heads is checked again once the history loads.')
assert !log.contains('alembic merge -m')

def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.status == 'failed'
assert report.diagnostics.any {
    it.code == 'duplicate-revision' && it.severity == 'error' && it.line == 15 &&
            it.path == 'migrations/versions/5e7a9c1b3d24_add_invoice_due_date.py'
}
