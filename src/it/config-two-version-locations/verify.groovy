// version_locations = two directories separated by spaces (path_separator = space); the billing plugin's
// revision 7b9d1f3a5c24 continues the core line from the second directory.
def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')
def runs = (log.split(/\[INFO\] Scanning for projects\.\.\./) as List).drop(1)
assert runs.size() == 3
def (both, overridden, heads) = runs
runs.each { assert it.contains('BUILD SUCCESS') }

assert both =~ /(?m)^\[INFO\] Alembic revision graph OK: 3 revisions, 1 head \(7b9d1f3a5c24\) in migrations\/versions, plugins\/billing\/versions$/
assert overridden =~ /(?m)^\[INFO\] Alembic revision graph OK: 2 revisions, 1 head \(4e6a8c0b2d13\) in migrations\/versions$/
assert heads =~ /(?m)^\[INFO\] 7b9d1f3a5c24 \(head\)/
assert heads.contains('plugins/billing/versions/7b9d1f3a5c24_create_billing_accounts.py')
