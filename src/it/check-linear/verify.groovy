// A linear history of three revisions: alembic:check (bound to validate) passes, says what it checked and writes the report.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')

assert log =~ /(?m)^\[INFO\] --- alembic:[^:]+:check \(alembic-check\) @ check-linear ---$/
assert log =~ /(?m)^\[INFO\] Alembic revision graph OK: 3 revisions, 1 head \(c3f9e2d1a0b7\) in migrations\/versions$/
assert !log.contains('[WARNING] [')   // no diagnostics
assert log.contains('BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.schemaVersion == 1
assert report.goal == 'check'
assert report.status == 'passed'
assert report.revisions*.id == ['5d8e1f0a2b3c', '8a4b7c6d1e2f', 'c3f9e2d1a0b7']
assert report.revisions*.downRevisions == [[], ['5d8e1f0a2b3c'], ['8a4b7c6d1e2f']]
assert report.revisions*.path == [
        'migrations/versions/5d8e1f0a2b3c_create_products_table.py',
        'migrations/versions/8a4b7c6d1e2f_add_sku_to_products.py',
        'migrations/versions/c3f9e2d1a0b7_create_stock_levels.py']
assert report.revisions*.message == ['create products table', 'add sku to products', 'create stock levels']
assert report.heads == ['c3f9e2d1a0b7']
assert report.realHeads == ['c3f9e2d1a0b7']
assert report.effectiveHeads == []
assert report.bases == ['5d8e1f0a2b3c']
assert report.branchPoints == []
assert report.mergePoints == []
assert report.diagnostics == []
