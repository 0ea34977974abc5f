// alembic.ini names files %%(epoch)s_%%(rev)s_%%(slug)s. A dry run at UTC+14 (Pacific/Kiritimati) and the real run at
// UTC-11 (Pacific/Pago_Pago), 25 hours apart as far as the zone goes, show and write the same name and the same bytes:
// the create date is the newest parent's (naive 2026-03-10 08:05:31.002211), never the clock, and its epoch token is
// computed as UTC (1773129931), whatever the zone of the JVM or of TZ.
def it = evaluate(new File(itSupport))
def runs = it.runs()
assert runs.size() == 2
def (dryRun, real) = runs
def path = 'migrations/versions/1773129931_d770c6ac8771_merge_heads.py'
def expected = new File(basedir, 'expected/1773129931_d770c6ac8771_merge_heads.py')
// each invocation really ran in its zone: Maven prints its finish time with the JVM's offset
assert dryRun =~ /(?m)^\[INFO\] Finished at: \S+\+14:00$/
assert real =~ /(?m)^\[INFO\] Finished at: \S+-11:00$/

assert dryRun.contains(it.info("""\
Dry run: nothing is written. A real run ('mvn alembic:converge') writes this file:

--- ${path} (${expected.length()} bytes, revision d770c6ac8771, template migrations/script.py.mako) ---"""))
assert it.dryRunContent(dryRun, path) == expected.getText('UTF-8')
assert real.contains(it.info("""\
Created ${path} (revision d770c6ac8771, merge of 5d7e2f90a1c3, 8c41d0b7e925)"""))
it.assertSameFile(path, 'expected/1773129931_d770c6ac8771_merge_heads.py')
