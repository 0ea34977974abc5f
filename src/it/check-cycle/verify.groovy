// 4f6b8d0a2c31 -> c8e0a2d4f653 -> 7a9c1e3b5d42 -> 4f6b8d0a2c31 through down_revision. Alembic raises
// "Cycle is detected in revisions (4f6b8d0a2c31, 7a9c1e3b5d42, c8e0a2d4f653)"; alembic:check reports cycle.
def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')

assert log.contains("[ERROR] Failed to execute goal io.github.alembicmaven:alembic-maven-plugin:${pluginVersion}:check (alembic-check) on project check-cycle: " + '''\
Alembic migration graph has 1 integrity error:
[ERROR]   - [cycle] migrations/versions/4f6b8d0a2c31_add_session_expiry.py:14: revisions 4f6b8d0a2c31, 7a9c1e3b5d42, c8e0a2d4f653 cannot be reached from both a base and a head through down_revision: 4f6b8d0a2c31 -> c8e0a2d4f653 -> 7a9c1e3b5d42 -> 4f6b8d0a2c31 is a cycle.
[ERROR]     Fix: break the cycle: one of the down_revision links (4f6b8d0a2c31 -> c8e0a2d4f653 -> 7a9c1e3b5d42 -> 4f6b8d0a2c31) must point at an older revision.
[ERROR] Why: Alembic cannot load this history; every command, 'alembic upgrade head' included, fails (Cycle is detected in revisions (4f6b8d0a2c31, 7a9c1e3b5d42, c8e0a2d4f653)).
''')
assert !(log =~ /(?m)^\[ERROR\] .*1d3f5b7a9c20/)   // the base is not part of the cycle
assert log.contains('BUILD FAILURE')
