// A fork (5f1b7e3a9c62 / 7c3e9a5d1b84 on 2a9d4c1e8f03) closed by the merge revision e4d2b6f8a0c5: one head, the check passes.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')

assert log =~ /(?m)^\[INFO\] Alembic revision graph OK: 5 revisions, 1 head \(f9a1c3e5b7d2\) in migrations\/versions$/
assert !log.contains('Alembic migration graph has')
assert log.contains('BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.status == 'passed'
assert report.heads == ['f9a1c3e5b7d2']
assert report.bases == ['2a9d4c1e8f03']
assert report.branchPoints == ['2a9d4c1e8f03']
assert report.mergePoints == ['e4d2b6f8a0c5']
assert report.revisions.find { it.id == 'e4d2b6f8a0c5' }.downRevisions == ['5f1b7e3a9c62', '7c3e9a5d1b84']
