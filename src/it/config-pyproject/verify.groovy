// No alembic.ini; pyproject.toml [tool.alembic] sets script_location = "%(here)s/ledger/migrations",
// so the revisions are found in ledger/migrations/versions (not in the default migrations/versions).
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')

assert log =~ /(?m)^\[INFO\] Alembic revision graph OK: 2 revisions, 1 head \(5a7c9e1b3d26\) in ledger\/migrations\/versions$/
assert !log.contains('No Alembic migrations in')
assert log.contains('BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.status == 'passed'
assert report.revisions*.path == [
        'ledger/migrations/versions/2e4a6c8b0d15_create_journal_entries.py',
        'ledger/migrations/versions/5a7c9e1b3d26_add_entry_memo.py']
