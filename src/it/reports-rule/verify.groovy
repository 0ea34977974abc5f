// requireSingleAlembicHead fails on two heads (2b2b2b2b2b2b and 3c3c3c3c3c3c on 1a1a1a1a1a1a) and, like alembic:check,
// writes alembic-junit.xml (the head policy fails with the build's three-part message) and alembic.sarif (one
// multiple-heads result per head, at its down_revision line, the other head related) next to alembic-report.json.
import groovy.json.JsonSlurper
import javax.xml.parsers.DocumentBuilderFactory

def it = evaluate(new File(itSupport))
def log = it.log()
assert log.contains('BUILD FAILURE')
assert !log.contains('Could not write the Alembic report')

def dir = new File(basedir, 'target/alembic')
assert new JsonSlurper().parse(new File(dir, 'alembic-report.json')).goal == 'requireSingleAlembicHead'

// alembic-junit.xml
// the JDK's DOM parser (the ITs' Groovy has no XML module)
def suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(dir, 'alembic-junit.xml'))
        .documentElement
def cases = (0..<suite.getElementsByTagName('testcase').length).collect { suite.getElementsByTagName('testcase').item(it) }
def child = { node, String tag -> def l = node.getElementsByTagName(tag); l.length == 0 ? null : l.item(0) }
assert suite.getAttribute('tests') == '3'
assert suite.getAttribute('failures') == '1'
assert suite.getAttribute('skipped') == '0'
assert cases*.getAttribute('classname') == ['alembic.requireSingleAlembicHead'] * 3
assert cases*.getAttribute('name') == ['integrity', 'head policy', 'schema conflicts']
assert child(cases[0], 'failure') == null
def failure = child(cases[1], 'failure')
assert failure.getAttribute('type') == 'multiple-heads'
assert failure.getAttribute('message') == 'Alembic migration graph has 2 heads, but at most 1 is allowed:'
assert failure.textContent.contains('alembic merge -m "merge heads" 2b2b2b2b2b2b 3c3c3c3c3c3c')
failure.textContent.readLines().each { line -> assert log.contains('[ERROR] ' + line) }   // what the build printed
assert child(cases[2], 'failure') == null

// alembic.sarif
def sarif = new JsonSlurper().parse(new File(dir, 'alembic.sarif'))
def results = sarif.runs[0].results
assert results*.ruleId == ['multiple-heads', 'multiple-heads']
assert results*.level == ['error', 'error']
def orders = it.sarifUri('migrations/versions/2b2b2b2b2b2b_add_orders.py')
def users = it.sarifUri('migrations/versions/3c3c3c3c3c3c_add_users.py')
assert results*.locations*.getAt(0)*.physicalLocation*.artifactLocation*.uri == [orders, users]
assert results*.locations*.getAt(0)*.physicalLocation*.region*.startLine == [14, 14]
assert results[0].relatedLocations[0].physicalLocation.artifactLocation.uri == users
assert results[1].relatedLocations[0].physicalLocation.artifactLocation.uri == orders
assert results[0].message.text.startsWith('Head 2b2b2b2b2b2b: the Alembic migration graph has 2 heads')
assert results[0].message.text.contains(' Fix: ')
