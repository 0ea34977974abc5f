// alembic:graph on 7 revisions: 1a2b3c4d5e6f is a branch point (2b3c4d5e6f70, 3c4d5e6f7081), 4d5e6f708192 merges
// them and is a branch point too: 6f7081920314 and 708192031425 fork from it (the current fork); 5e6f70819203
// starts the independent 'audit' line and depends_on 2b3c4d5e6f70. Each invocation logs a summary, the text view of
// the newest revisions (lanes like 'git log --graph'), and the three files it wrote to target/alembic.
def it = evaluate(new File(itSupport))
def runs = it.runs()
assert runs.size() == 2
def (whole, newest) = runs
runs.each { assert it.contains('BUILD SUCCESS') }   // several heads are not an error for alembic:graph

def wrote = it.info('''\
Wrote target/alembic/graph.html
Wrote target/alembic/graph.mmd
Wrote target/alembic/graph.dot''')

// 1: every revision (7 < the default depth of 20), newest on top, every revision above its down_revisions
assert whole.contains("[INFO] --- alembic:${pluginVersion}:graph (default-cli) @ graph-output ---\n" + it.info('''\
Alembic migration graph: 7 revisions, 3 heads, 2 bases, 1 merge point, 2 branch points in migrations/versions
* 6f7081920314 (head)  add order status
| * 708192031425 (head)  add user phone
|/
* 4d5e6f708192 (branchpoint) (mergepoint)  merge orders and email index
|\\
* | 2b3c4d5e6f70  create orders table
| * 3c4d5e6f7081  index users by email
|/
* 1a2b3c4d5e6f (branchpoint) (base)  create users table
* 5e6f70819203 (audit) (head) (base)  create audit log''') + wrote + '[INFO] ----')

// 2: -Dalembic.graphDepth=3: the newest three, then how many are left out
assert newest.contains("[INFO] --- alembic:${pluginVersion}:graph (default-cli) @ graph-output ---\n" + it.info('''\
Alembic migration graph: 7 revisions, 3 heads, 2 bases, 1 merge point, 2 branch points in migrations/versions
* 6f7081920314 (head)  add order status
| * 708192031425 (head)  add user phone
|/
* 4d5e6f708192 (branchpoint) (mergepoint)  merge orders and email index
... 4 older revisions''') + wrote + '[INFO] ----')

def dir = new File(basedir, 'target/alembic')
def ids = ['6f7081920314', '708192031425', '4d5e6f708192', '2b3c4d5e6f70', '3c4d5e6f7081', '1a2b3c4d5e6f',
           '5e6f70819203']

// Mermaid: every revision a node with its id, down_revision links from the older revision, depends_on dashed
assert new File(dir, 'graph.mmd').getText('UTF-8') == '''\
%% Alembic migration graph: 7 revisions, 3 heads, 2 bases, 1 merge point, 2 branch points
flowchart BT
  r_6f7081920314["6f7081920314 (head)<br/>add order status"]
  r_708192031425["708192031425 (head)<br/>add user phone"]
  r_4d5e6f708192["4d5e6f708192 (branchpoint) (mergepoint)<br/>merge orders and email index"]
  r_2b3c4d5e6f70["2b3c4d5e6f70<br/>create orders table"]
  r_3c4d5e6f7081["3c4d5e6f7081<br/>index users by email"]
  r_1a2b3c4d5e6f["1a2b3c4d5e6f (branchpoint) (base)<br/>create users table"]
  r_5e6f70819203["5e6f70819203 (audit) (head) (base)<br/>create audit log"]
  r_4d5e6f708192 --> r_6f7081920314
  r_4d5e6f708192 --> r_708192031425
  r_2b3c4d5e6f70 --> r_4d5e6f708192
  r_3c4d5e6f7081 --> r_4d5e6f708192
  r_1a2b3c4d5e6f --> r_2b3c4d5e6f70
  r_1a2b3c4d5e6f --> r_3c4d5e6f7081
  r_2b3c4d5e6f70 -. depends_on .-> r_5e6f70819203
  classDef head fill:#fde68a,stroke:#b45309,stroke-width:2px
  class r_6f7081920314,r_708192031425,r_5e6f70819203 head
  classDef base fill:#dbeafe,stroke:#1d4ed8
  class r_1a2b3c4d5e6f,r_5e6f70819203 base
  classDef mergepoint fill:#ede9fe,stroke:#6d28d9
  class r_4d5e6f708192 mergepoint
  classDef branchpoint fill:#dcfce7,stroke:#15803d
  class r_4d5e6f708192,r_1a2b3c4d5e6f branchpoint
'''

// Graphviz: the same nodes and links
def dot = new File(dir, 'graph.dot').getText('UTF-8')
assert dot.startsWith('// Alembic migration graph: 7 revisions, 3 heads, 2 bases, 1 merge point, 2 branch points\n' +
        'digraph alembic {\n  rankdir=BT;\n')
ids.each { assert dot.contains("  \"${it}\" [label=\"${it}") }
assert dot.contains('  "2b3c4d5e6f70" -> "4d5e6f708192";\n  "3c4d5e6f7081" -> "4d5e6f708192";\n')
assert dot.contains('  "2b3c4d5e6f70" -> "5e6f70819203" [style=dashed, label="depends_on"];\n')
assert dot.endsWith('}\n')

// the page: self-contained (no script, style, image or font from elsewhere), every revision in its data
def html = new File(dir, 'graph.html').getText('UTF-8')
assert html.startsWith('<!DOCTYPE html>')
assert !(html =~ /(src|href)="(https?:)?\/\//)
assert !html.contains('@import') && !html.contains('url(')
ids.each { assert html.contains("{\"id\":\"${it}\",") }
assert html.contains('"forks":[{"heads":["6f7081920314","708192031425"],"forkPoints":["4d5e6f708192"],"revisions":3}]')

// the JSON report of the run, as for every goal
def report = new groovy.json.JsonSlurper().parse(new File(dir, 'alembic-report.json'))
assert report.goal == 'graph'
assert report.status == 'passed'
