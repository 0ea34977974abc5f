// Issue 5, "converges the merge result": b7e3a1c95d20 (this branch) and 8c41d0b7e925 (main, since the fork) both
// build on 5d7e2f90a1c3. alembic:converge -Dalembic.baseRef=main writes the merge revision on the branch, in
// migrations/versions, with parents from both sides: main's head is read from the git objects (its file is not in
// this checkout) and its Create Date counts like any parent's. The id 53fd62d3fa3b is Python's hashlib over the
// canonical encoding (parents 8c41d0b7e925, b7e3a1c95d20, no label, "merge heads"); the date is b7e3a1c95d20's, the
// newest parent's; the template is the project's script.py.mako. alembic:check against main then passes, and a
// second converge writes nothing.
import groovy.json.JsonSlurper

def it = evaluate(new File(itSupport))
def runs = it.runs()
assert runs.size() == 3
def (converge, check, again) = runs
def main = it.shortCommit('main')

assert converge.contains(it.info("""\
--- alembic:${pluginVersion}:converge (default-cli) @ base-ref-converge ---
1 revision to write: 'head' (8c41d0b7e925, b7e3a1c95d20 -> 53fd62d3fa3b).
Created migrations/versions/53fd62d3fa3b_merge_heads.py (revision 53fd62d3fa3b, merge of 8c41d0b7e925, b7e3a1c95d20)
The merge names 8c41d0b7e925, which only main has: this branch's own history loads once main is merged into it (git merge main); until then check it with 'mvn alembic:check -Dalembic.baseRef=main'.
------------------------------------------------------------------------
BUILD SUCCESS"""))
assert !converge.contains('[WARNING]')
it.assertSameFile('migrations/versions/53fd62d3fa3b_merge_heads.py', 'expected/53fd62d3fa3b_merge_heads.py')
// main's 8c41d0b7e925 stays where it is (in git, on main) until main is merged
assert new File(basedir, 'migrations/versions').list().sort() == [
        '3f2a9c1e7b40_create_accounts_table.py',
        '53fd62d3fa3b_merge_heads.py',
        '5d7e2f90a1c3_add_display_name_to_accounts.py',
        'b7e3a1c95d20_add_email_to_accounts.py']

assert check.contains(it.info("""\
--- alembic:${pluginVersion}:check (default-cli) @ base-ref-converge ---
Alembic revision graph OK: 4 revisions, 1 head (53fd62d3fa3b) in migrations/versions; merged with main (${main}): 5 revisions, 1 head (53fd62d3fa3b)
------------------------------------------------------------------------
BUILD SUCCESS"""))

assert again.contains(it.info("""\
--- alembic:${pluginVersion}:converge (default-cli) @ base-ref-converge ---
Already converged: every line of history has one head; nothing to write.
------------------------------------------------------------------------
BUILD SUCCESS"""))

def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.goal == 'converge'
assert report.status == 'passed'
assert report.converge.status == 'converged'
assert report.baseRef.headsAfterMerge == ['53fd62d3fa3b']
assert report.baseRef.added == ['53fd62d3fa3b', 'b7e3a1c95d20']
assert report.diagnostics == []
