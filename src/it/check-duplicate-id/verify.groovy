// Two files declare revision '5e7a9c1b3d24' (one was copied and not given a new id). Alembic only warns and
// silently keeps one of them; alembic:check fails with duplicate-revision.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')

assert log =~ /(?m)^\[ERROR\] Failed to execute goal io\.github\.alembicmaven:alembic-maven-plugin:[^:]+:check \(alembic-check\) on project check-duplicate-id: Alembic migration graph has \d+ integrity error\(s\):$/
def dup = (log =~ /(?m)^  - \[duplicate-revision\] migrations\/versions\/5e7a9c1b3d24_add_invoice_(currency|due_date)\.py:15: (.*)$/)
assert dup.find()
assert dup.group(2).contains('5e7a9c1b3d24')
// the message names the other file
def other = dup.group(1) == 'currency' ? '5e7a9c1b3d24_add_invoice_due_date.py' : '5e7a9c1b3d24_add_invoice_currency.py'
assert dup.group(2).contains(other)
assert log.contains('BUILD FAILURE')

def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.status == 'failed'
assert report.diagnostics.any { it.code == 'duplicate-revision' && it.severity == 'error' && it.line == 15 }
