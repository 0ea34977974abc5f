// 'billing' and 'catalog' are independent branches (POM property), but the billing line itself forked:
// the message names the branch, its two heads and where they fork; the catalog head is not mentioned.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')

assert log =~ /(?m)^\[ERROR\] Failed to execute goal io\.github\.alembicmaven:alembic-maven-plugin:[^:]+:check \(alembic-check\) on project check-branch-heads: Branch 'billing' of the Alembic migration graph has 2 heads, but at most 1 is allowed:$/
assert log =~ /(?m)^  - 3e8b0d2f4a67 .*\(head\)  migrations\/versions\/3e8b0d2f4a67_add_invoices_table\.py  "add invoices table"$/
assert log =~ /(?m)^  - 6a1c3e5b7d90 .*\(head\)  migrations\/versions\/6a1c3e5b7d90_add_payment_methods\.py  "add payment methods"$/
assert log.contains('  They fork from 0c5a7e9b1d34 (migrations/versions/0c5a7e9b1d34_create_billing_schema.py).')
assert log =~ /(?m)^Fix: .*alembic merge -m "merge heads" 3e8b0d2f4a67 6a1c3e5b7d90$/
assert !(log =~ /(?m)^  - c7e9a1b3d5f8 /)
assert log.contains('BUILD FAILURE')

def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.status == 'failed'
def billing = report.headLines.find { it.branchLabel == 'billing' }
assert billing.heads == ['3e8b0d2f4a67', '6a1c3e5b7d90']
assert billing.forkPoints == ['0c5a7e9b1d34']
assert billing.violated == true
def catalog = report.headLines.find { it.branchLabel == 'catalog' }
assert catalog.heads == ['c7e9a1b3d5f8']
assert catalog.violated == false
