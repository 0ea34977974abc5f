// 4f6b8d0a2c31 -> 7a9c1e3b5d42 -> c8e0a2d4f653 -> 4f6b8d0a2c31 through down_revision. Alembic raises
// "Cycle is detected in revisions (4f6b8d0a2c31, 7a9c1e3b5d42, c8e0a2d4f653)"; alembic:check reports cycle.
def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')

assert log =~ /(?m)^\[ERROR\] Failed to execute goal io\.github\.alembicmaven:alembic-maven-plugin:[^:]+:check \(alembic-check\) on project check-cycle: Alembic migration graph has \d+ integrity error\(s\):$/
def cycle = (log =~ /(?m)^  - \[cycle\] (migrations\/versions\/\S+\.py:\d+): (.*)$/)
assert cycle.find()
assert ['4f6b8d0a2c31', '7a9c1e3b5d42', 'c8e0a2d4f653'].every { cycle.group(2).contains(it) }
assert !cycle.group(2).contains('1d3f5b7a9c20')   // the base is not part of the cycle
assert log.contains('BUILD FAILURE')
