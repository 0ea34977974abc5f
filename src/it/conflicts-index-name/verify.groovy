// On 1c7e5a3f9b02 one developer created index ix_created_at on accounts, another an index of the same name on orders:
// index names are per schema (SQLite, PostgreSQL), so whichever runs second fails with "index ix_created_at already
// exists" (ConflictFixturesAlembicTest runs both orders with real Alembic). The analysis reports one error,
// same-index-or-constraint-name. requireSingleAlembicHead, configured to allow two heads:
//   1. passes by default (alembic.conflicts=warn) and logs the conflict as a warning;
//   2. fails with -Dalembic.conflicts=fail (the property, as the rule reads it): what, why, fix; its report says
//      "failed" and holds the finding.
import groovy.json.JsonSlurper

def it = evaluate(new File(itSupport))
def runs = it.runs()
assert runs.size() == 2
def (warn, fail) = runs

def finding = '[error same-index-or-constraint-name] index or constraint name ix_created_at is used on both lines: migrations/versions/3f9a7c5e1d84_index_accounts_by_creation_time.py:23 create_index ix_created_at on accounts (created_at) (line of 3f9a7c5e1d84) / migrations/versions/b4e2c0a8f635_index_orders_by_creation_time.py:23 create_index ix_created_at on orders (created_at) (line of b4e2c0a8f635)'

// 1: a warning, the rule passes
assert warn.contains("[INFO] --- enforcer:${enforcerPluginVersion}:enforce (alembic-single-head) @ conflicts-index-name ---\n"
        + "[WARNING] Schema conflict: ${finding}\n" + it.info('''\
Alembic revision graph OK: 3 revisions, 2 heads (3f9a7c5e1d84, b4e2c0a8f635) in migrations/versions
Rule 0: io.github.alembicmaven.enforcer.RequireSingleAlembicHead passed
------------------------------------------------------------------------
BUILD SUCCESS'''))
assert warn.count('[WARNING]') == 1

// 2: the rule fails on the conflict
assert fail.contains(it.info("""\
--- enforcer:${enforcerPluginVersion}:enforce (alembic-single-head) @ conflicts-index-name ---
------------------------------------------------------------------------
BUILD FAILURE"""))
assert fail.contains("[ERROR] Failed to execute goal org.apache.maven.plugins:maven-enforcer-plugin:${enforcerPluginVersion}:enforce (alembic-single-head) on project conflicts-index-name: " + """
[ERROR] Rule 0: io.github.alembicmaven.enforcer.RequireSingleAlembicHead failed with message:
""" + it.conflictError('3f9a7c5e1d84, b4e2c0a8f635', '1c7e5a3f9b02', finding, it.CHECK_AGAIN).readLines()
        .collect { line -> '[ERROR] ' + line }.join('\n') + '\n')
assert !fail.contains('[WARNING]')

def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.goal == 'requireSingleAlembicHead'
assert report.status == 'failed'
assert report.headLines*.violated == [false]
assert report.conflicts.size() == 1
assert report.conflicts[0].findings*.rule == ['same-index-or-constraint-name']
assert report.conflicts[0].findings*.severity == ['error']
