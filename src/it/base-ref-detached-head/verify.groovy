// Issue 5, "a detached HEAD": HEAD is the feature's commit, on no branch; the merge base with main is found from it and
// alembic:check -Dalembic.baseRef=main fails with the same head-after-merge block as on the branch.
import groovy.json.JsonSlurper

def it = evaluate(new File(itSupport))
assert it.git('rev-parse', '--abbrev-ref', 'HEAD') == 'HEAD' // detached

assert it.log().contains(it.errorLines(
        "[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:check (default-cli) on project base-ref-detached-head: ",
        it.parallelRevisionBlock(it.shortCommit('main'))))

def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.baseRef.mergeBase == it.git('rev-parse', 'main~1')
assert report.baseRef.findings*.code == ['head-after-merge']
