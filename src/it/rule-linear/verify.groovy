// requireSingleAlembicHead on a linear history: the rule passes and logs what it checked.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')

assert log =~ /(?m)^\[INFO\] --- enforcer:[^:]+:enforce \(alembic-single-head\) @ rule-linear ---$/
assert log =~ /(?m)^\[INFO\] Alembic revision graph OK: 3 revisions, 1 head \(c3f9e2d1a0b7\) in migrations\/versions$/
assert log =~ /(?m)^\[INFO\] Rule 0: io\.github\.alembicmaven\.enforcer\.RequireSingleAlembicHead passed$/
assert !log.contains('Failed to create enforcer rules')
assert log.contains('BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.goal == 'requireSingleAlembicHead'
assert report.status == 'passed'
assert report.heads == ['c3f9e2d1a0b7']
