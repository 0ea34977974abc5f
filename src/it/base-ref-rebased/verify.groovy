// Issue 5, "branch rebased onto the new base head (pass)": after 'git rebase main' and down_revision = '8c41d0b7e925'
// the merge result has one head, so alembic:check -Dalembic.baseRef=main passes; its summary names the merge result.
import groovy.json.JsonSlurper

def it = evaluate(new File(itSupport))
def main = it.shortCommit('main')
assert it.git('rev-parse', 'HEAD~2') == it.git('rev-parse', 'main') // rebased, then re-parented

assert it.log().contains(it.info("""\
--- alembic:${pluginVersion}:check (default-cli) @ base-ref-rebased ---
Alembic revision graph OK: 4 revisions, 1 head (b7e3a1c95d20) in migrations/versions; merged with main (${main}): 4 revisions, 1 head (b7e3a1c95d20)
------------------------------------------------------------------------
BUILD SUCCESS"""))
assert !it.log().contains('[WARNING]')

def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.status == 'passed'
assert report.baseRef.commitId == it.git('rev-parse', 'main')
assert report.baseRef.mergeBase == report.baseRef.commitId
assert report.baseRef.headsAfterMerge == ['b7e3a1c95d20']
assert report.baseRef.findings == []
assert report.diagnostics == []
