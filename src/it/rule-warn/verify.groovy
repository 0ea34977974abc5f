// requireSingleAlembicHead with <level>WARN</level>: the same message as a warning, and the build passes.
// (A warning is one log call: Maven prefixes only its first line.)
def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')

assert log.contains('''\
[WARNING] Rule 0: io.github.alembicmaven.enforcer.RequireSingleAlembicHead warned with message:
Alembic migration graph has 2 heads, but at most 1 is allowed:
  - 2b2b2b2b2b2b (head)  migrations/versions/2b2b2b2b2b2b_add_orders.py  "add orders"
  - 3c3c3c3c3c3c (head)  migrations/versions/3c3c3c3c3c3c_add_users.py  "add users"
  They fork from 1a1a1a1a1a1a (migrations/versions/1a1a1a1a1a1a_init.py):
    * 2b2b2b2b2b2b (head)  add orders
    | * 3c3c3c3c3c3c (head)  add users
    |/
    * 1a1a1a1a1a1a (branchpoint) (base)  init
Why: 'alembic upgrade head' will fail with "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads".
Fix: run 'mvn alembic:converge' to write a merge revision (preview it first with 'mvn alembic:converge -Dalembic.dryRun'), or with Alembic itself: alembic merge -m "merge heads" 2b2b2b2b2b2b 3c3c3c3c3c3c
''')
assert !log.contains('failed with message')
assert !log.contains('[ERROR]')
assert log.contains('BUILD SUCCESS')
