// alembic:check fails on a missing parent (4d4d4d4d4d4d names 9e9e9e9e9e9e, which no file declares) in a tree that
// also has two heads (2b2b2b2b2b2b and 3c3c3c3c3c3c on 1a1a1a1a1a1a). Next to alembic-report.json it writes the CI
// reports: alembic-junit.xml (integrity fails with the build's message; the head policy and the schema conflicts are
// skipped, since both are judged once the history loads) and alembic.sarif (one missing-parent result at the
// down_revision line of 4d4d4d4d4d4d_add_notes.py).
import groovy.json.JsonSlurper
import javax.xml.parsers.DocumentBuilderFactory

def it = evaluate(new File(itSupport))
def log = it.log()
assert log.contains('BUILD FAILURE')
assert !log.contains('Could not write the Alembic report')

def dir = new File(basedir, 'target/alembic')
assert new JsonSlurper().parse(new File(dir, 'alembic-report.json')).status == 'failed'
assert dir.list().toList().sort() == ['alembic-junit.xml', 'alembic-report.json', 'alembic.sarif']

// alembic-junit.xml
// the JDK's DOM parser (the ITs' Groovy has no XML module)
def suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(dir, 'alembic-junit.xml'))
        .documentElement
def cases = (0..<suite.getElementsByTagName('testcase').length).collect { suite.getElementsByTagName('testcase').item(it) }
def child = { node, String tag -> def l = node.getElementsByTagName(tag); l.length == 0 ? null : l.item(0) }
assert suite.tagName == 'testsuite'
assert suite.getAttribute('name') == 'alembic'
assert suite.getAttribute('tests') == '3'
assert suite.getAttribute('failures') == '1'
assert suite.getAttribute('errors') == '0'
assert suite.getAttribute('skipped') == '2'
assert cases*.getAttribute('classname') == ['alembic.check'] * 3
assert cases*.getAttribute('name') == ['integrity', 'head policy', 'schema conflicts']
def failure = child(cases[0], 'failure')
assert failure.getAttribute('type') == 'missing-parent'
assert failure.getAttribute('message') == 'Alembic migration graph has 1 integrity error:'   // its first line
def text = failure.textContent
assert text.contains("- [missing-parent] migrations/versions/4d4d4d4d4d4d_add_notes.py:14: down_revision '9e9e9e9e9e9e'")
assert text.contains('Fix:')
assert log.contains(it.errorLines("[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:" +
        "${pluginVersion}:check (alembic-check) on project reports-check: ", text))   // the message the build printed
assert child(cases[1], 'skipped').getAttribute('message') == 'not checked: the number of heads is checked once the history loads'
assert child(cases[2], 'skipped').getAttribute('message') == 'not checked: the lines of history are compared once the history loads'

// alembic.sarif
def sarif = new JsonSlurper().parse(new File(dir, 'alembic.sarif'))
assert sarif.version == '2.1.0'
assert sarif.'$schema' == 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json'
assert sarif.runs.size() == 1
def run = sarif.runs[0]
assert run.tool.driver.name == 'alembic-maven'
assert run.tool.driver.version == pluginVersion
assert run.tool.driver.rules.find { it.id == 'missing-parent' }.shortDescription.text
assert run.results.size() == 1
def result = run.results[0]
assert result.ruleId == 'missing-parent'
assert run.tool.driver.rules[result.ruleIndex].id == 'missing-parent'
assert result.level == 'error'
assert result.message.text.contains('9e9e9e9e9e9e')
def at = result.locations[0].physicalLocation
assert at.artifactLocation.uri == it.sarifUri('migrations/versions/4d4d4d4d4d4d_add_notes.py')
assert at.artifactLocation.uriBaseId == '%SRCROOT%'
assert at.region.startLine == 14   // down_revision = '9e9e9e9e9e9e'
