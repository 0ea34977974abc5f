// Alembic's "multiple bases" layout: the labelled lines 'networking' and 'shoppingcart' each have one head.
// Without alembic.independentBranches that is two heads ('alembic upgrade head' fails); with it, the check passes.
def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')
def runs = (log.split(/\[INFO\] Scanning for projects\.\.\./) as List).drop(1)
assert runs.size() == 2
def (strict, independent) = runs

assert strict =~ /(?m)^\[ERROR\] Failed to execute goal io\.github\.alembicmaven:alembic-maven-plugin:[^:]+:check \(alembic-check\) on project check-independent-branches: Alembic migration graph has 2 heads, but at most 1 is allowed:$/
assert strict =~ /(?m)^  - 109ec7d132bf .*\(head\)  migrations\/versions\/109ec7d132bf_add_ip_number_table\.py  "add ip number table"$/
assert strict =~ /(?m)^  - d747a8a88790 .*\(head\)  migrations\/versions\/d747a8a88790_add_a_shopping_cart_column\.py  "add a shopping cart column"$/
assert strict.contains('''Why: 'alembic upgrade head' will fail with "Multiple head revisions are present for given argument 'head';''')
assert strict =~ /(?m)^Fix: .*alembic merge -m "merge heads" 109ec7d132bf d747a8a88790$/
assert strict.contains('BUILD FAILURE')

assert independent =~ /(?m)^\[INFO\] Alembic revision graph OK: 4 revisions, 2 heads \(109ec7d132bf, d747a8a88790\) in migrations\/versions$/
assert !independent.contains('Alembic migration graph has')
assert independent.contains('BUILD SUCCESS')
