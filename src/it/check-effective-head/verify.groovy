// b6e0a2c4d8f1 depends_on 8d3b5f7a9c04, but nothing names 8d3b5f7a9c04 in down_revision: it is an
// "effective head", and 'alembic upgrade head' still sees two heads. alembic:check fails and marks it.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')

assert log =~ /(?m)^\[ERROR\] Failed to execute goal io\.github\.alembicmaven:alembic-maven-plugin:[^:]+:check \(alembic-check\) on project check-effective-head: Alembic migration graph has 2 heads, but at most 1 is allowed:$/
assert log =~ /(?m)^  - 8d3b5f7a9c04 .*\(effective head\)  migrations\/versions\/8d3b5f7a9c04_create_audit_log\.py  "create audit log"$/
assert log =~ /(?m)^  - b6e0a2c4d8f1 \(head\)  migrations\/versions\/b6e0a2c4d8f1_add_order_audit_trigger\.py  "add order audit trigger"$/
assert log.contains('''Why: 'alembic upgrade head' will fail with "Multiple head revisions are present for given argument 'head';''')
// 'alembic merge heads' would only merge the real head; the suggested command names both heads explicitly
assert log =~ /(?m)^Fix: .*alembic merge -m "merge heads" 8d3b5f7a9c04 b6e0a2c4d8f1$/
assert log.contains('BUILD FAILURE')

def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.heads == ['8d3b5f7a9c04', 'b6e0a2c4d8f1']
assert report.realHeads == ['b6e0a2c4d8f1']
assert report.effectiveHeads == ['8d3b5f7a9c04']
assert report.bases == ['1f0e3a5c7b92', '8d3b5f7a9c04']
assert report.revisions.find { it.id == 'b6e0a2c4d8f1' }.dependsOn == ['8d3b5f7a9c04']
assert report.revisions.find { it.id == '8d3b5f7a9c04' }.branchLabels.sort() == ['audit', 'compliance']
