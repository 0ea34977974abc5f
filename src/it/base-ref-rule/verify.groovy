// Issue 5, the enforcer rule: requireSingleAlembicHead takes alembic.baseRef from the user property and fails with the
// same head-after-merge block as alembic:check (each line after "[ERROR] "); without it the branch passes.
import groovy.json.JsonSlurper

def it = evaluate(new File(itSupport))
def runs = it.runs()
assert runs.size() == 2
def (alone, against) = runs

assert alone.contains(it.info("""\
--- enforcer:${enforcerPluginVersion}:enforce (alembic-single-head) @ base-ref-rule ---
Alembic revision graph OK: 3 revisions, 1 head (b7e3a1c95d20) in migrations/versions"""))
assert alone.contains('BUILD SUCCESS')

assert against.contains("[ERROR] Failed to execute goal org.apache.maven.plugins:maven-enforcer-plugin:${enforcerPluginVersion}:enforce (alembic-single-head) on project base-ref-rule: \n"
        + "[ERROR] Rule 0: io.github.alembicmaven.enforcer.RequireSingleAlembicHead failed with message:\n"
        + it.parallelRevisionBlock(it.shortCommit('main')).readLines().collect { line -> '[ERROR] ' + line }.join('\n') + '\n')
assert against.contains('BUILD FAILURE')

def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.goal == 'requireSingleAlembicHead'
assert report.baseRef.ref == 'main'
assert report.baseRef.commitId == it.git('rev-parse', 'main')
assert report.diagnostics*.code == ['head-after-merge']
