// Issue 5, "heads after merge": b7e3a1c95d20 (this branch) and 8c41d0b7e925 (main, since the fork) both build on the
// published 5d7e2f90a1c3. alembic:check -Dalembic.baseRef=main reads main's revision files from the git objects and
// fails with the block naming the new revision, its parent, main's head and both fixes; the report records the ref,
// its commit id and the finding with its code. Without the base ref the branch passes; origin/main does not exist.
import groovy.json.JsonSlurper

def it = evaluate(new File(itSupport))
def runs = it.runs()
assert runs.size() == 3
def (alone, missing, against) = runs
def main = it.shortCommit('main')
def file = 'migrations/versions/b7e3a1c95d20_add_email_to_accounts.py'

assert against.contains(it.errorLines(
        "[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:check (default-cli) on project base-ref-parallel-revision: ",
        it.parallelRevisionBlock(main)))
assert against.contains('BUILD FAILURE')
assert !against.contains('[WARNING]')

assert alone.contains(it.info("""\
--- alembic:${pluginVersion}:check (default-cli) @ base-ref-parallel-revision ---
Alembic revision graph OK: 3 revisions, 1 head (b7e3a1c95d20) in migrations/versions
------------------------------------------------------------------------
BUILD SUCCESS"""))

// a one-line message: Maven appends " -> [Help 1]" to it
assert missing.contains("[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:check (default-cli) on project base-ref-parallel-revision:"
        + " Base ref 'origin/main' not found in ${basedir.canonicalPath}: no branch, remote-tracking branch, tag or commit of that name. In a shallow clone, fetch it with 'git fetch --depth=50 origin main' (in CI, fetch the base branch before the build, e.g. actions/checkout with fetch-depth: 0). -> [Help 1]\n")

// the report (of run 3) records the base ref, its commit id and the finding with its code
def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.status == 'failed'
assert report.baseRef.ref == 'main'
assert report.baseRef.commitId == it.git('rev-parse', 'main')
assert report.baseRef.mergeBase == it.git('rev-parse', 'main~1')
assert report.baseRef.shallow == false
assert report.baseRef.baseHeads == ['8c41d0b7e925']
assert report.baseRef.headsAfterMerge == ['8c41d0b7e925', 'b7e3a1c95d20']
assert report.baseRef.published == ['3f2a9c1e7b40', '5d7e2f90a1c3']
assert report.baseRef.added == ['b7e3a1c95d20']
assert report.baseRef.findings*.code == ['head-after-merge']
assert report.baseRef.findings[0].path == file
assert report.diagnostics*.code == ['head-after-merge']
