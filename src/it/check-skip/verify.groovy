// alembic.skip=true: the check logs one line and does nothing, although the tree has two heads.
def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')

assert log =~ /(?m)^\[INFO\] Skipping alembic:check \(alembic\.skip=true\)$/
assert !log.contains('Alembic migration graph has')
assert !log.contains('Alembic revision graph')
assert !new File(basedir, 'target/alembic/alembic-report.json').exists()
assert log.contains('BUILD SUCCESS')
