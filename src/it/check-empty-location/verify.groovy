// The POM points alembic.versionLocations at db/versions, which holds only __init__.py and a README:
// an explicitly configured location without revisions is a misconfiguration, not a pass.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')

assert log =~ /(?m)^\[ERROR\] Failed to execute goal io\.github\.alembicmaven:alembic-maven-plugin:[^:]+:check \(alembic-check\) on project check-empty-location: No Alembic revision files found in db\/versions\./
assert !log.contains('Alembic revision graph OK')
assert !log.contains('No Alembic migrations in')
assert log.contains('BUILD FAILURE')

def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.goal == 'check'
assert report.status == 'error'
assert report.diagnostics.size() == 1
assert report.diagnostics[0].code == 'configuration-error'
assert report.diagnostics[0].message.startsWith('No Alembic revision files found in db/versions.')
