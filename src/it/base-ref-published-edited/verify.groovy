// Issue 5, "rewritten history": the branch inserts c9d8e7f6a5b4 below the published 5d7e2f90a1c3 by editing its
// down_revision. Alone the branch is one line (alembic:check passes); databases that already ran 5d7e2f90a1c3 would
// never get c9d8e7f6a5b4, so alembic:check -Dalembic.baseRef=main fails with "published revision changed", naming the
// field and both values.
import groovy.json.JsonSlurper

def it = evaluate(new File(itSupport))
def runs = it.runs()
assert runs.size() == 2
def (alone, against) = runs
def main = it.shortCommit('main')
def file = 'migrations/versions/5d7e2f90a1c3_add_display_name_to_accounts.py'

assert alone.contains(it.info("""\
--- alembic:${pluginVersion}:check (default-cli) @ base-ref-published-edited ---
Alembic revision graph OK: 3 revisions, 1 head (5d7e2f90a1c3) in migrations/versions
------------------------------------------------------------------------
BUILD SUCCESS"""))

assert against.contains(it.errorLines(
        "[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:check (default-cli) on project base-ref-published-edited: ",
        """\
Compared with main (${main}): 1 problem in the merge result:
  - [published-revision-changed] ${file}:16: Published revision changed: down_revision of '5d7e2f90a1c3' is '3f2a9c1e7b40' at main (main:${file}) but 'c9d8e7f6a5b4' in ${file}. '5d7e2f90a1c3' is published (present at main): other branches and databases may already have it, and rewriting its history forks or breaks their upgrade path. Only revisions new on this branch may be edited.
    Fix: restore down_revision = '3f2a9c1e7b40' in ${file}; to change the history, add a new revision (or run 'mvn alembic:converge' for a merge) instead of editing a published one.
Why: a published revision may already have run on a database: changing or deleting it makes that database's history disagree with the files, and Alembic cannot repair it.
"""))
assert !against.contains('[WARNING]')

def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.status == 'failed'
assert report.baseRef.published == ['3f2a9c1e7b40', '5d7e2f90a1c3']
assert report.baseRef.added == ['c9d8e7f6a5b4']
assert report.baseRef.headsAfterMerge == ['8c41d0b7e925'] // one line: only the rewrite is wrong
assert report.baseRef.findings*.code == ['published-revision-changed']
assert report.diagnostics*.code == ['published-revision-changed']
