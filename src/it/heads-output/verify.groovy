// Heads: 8d3b5f7a9c04 (labels 'compliance', 'audit'; only depends_on keeps it alive: an effective head) and
// b6e0a2c4d8f1. Each invocation's [INFO] lines are compared with what 'alembic heads' prints for this tree.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8').replace('\r\n', '\n')
def runs = (log.split(/\[INFO\] Scanning for projects\.\.\./) as List).drop(1)
assert runs.size() == 3
def (plain, verbose, resolved) = runs
runs.each { assert it.contains('BUILD SUCCESS') }   // several heads are not an error for alembic:heads

// 1: load order; labels sorted and comma+space joined
assert plain.contains('''\
[INFO] --- alembic:''' + pluginVersion + ''':heads (default-cli) @ heads-output ---
[INFO] 8d3b5f7a9c04 (audit, compliance) (effective head)
[INFO] b6e0a2c4d8f1 (head)
[INFO] ----''')

// 2: each head with its file and the first line of its docstring
assert verbose.contains('''\
[INFO] 8d3b5f7a9c04 (audit, compliance) (effective head)  migrations/versions/8d3b5f7a9c04_create_audit_log.py, create audit log
[INFO] b6e0a2c4d8f1 (head)  migrations/versions/b6e0a2c4d8f1_add_order_audit_trigger.py, add order audit trigger
''')

// 3: the effective head is gone; the real head is always "(head)"
assert resolved.contains('''\
[INFO] --- alembic:''' + pluginVersion + ''':heads (default-cli) @ heads-output ---
[INFO] b6e0a2c4d8f1 (head)
[INFO] ----''')
assert !resolved.contains('8d3b5f7a9c04')
assert !resolved.contains('(effective head)')

// the report of the last invocation
def report = new JsonSlurper().parse(new File(basedir, 'target/alembic/alembic-report.json'))
assert report.goal == 'heads'
assert report.heads == ['8d3b5f7a9c04', 'b6e0a2c4d8f1']
assert report.realHeads == ['b6e0a2c4d8f1']
assert report.effectiveHeads == ['8d3b5f7a9c04']
