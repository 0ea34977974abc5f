"""Converge judge: real Alembic runs every converged project, all projects in ONE process.

Usage: /usr/bin/python3 converge_judge.py < lines     (one "PROJECT_DIR<TAB>label,label" line per project; the labels
are the project's independentBranches, possibly none)

For each project (working directory = the project, so relative script_location / version_locations resolve as for
the Java side), one JSON line on stdout:

  tree        the project dir, as given
  heads       ScriptDirectory.from_config(...).revision_map.heads (what 'alembic heads' shows)
  lines       {label: [heads whose propagated branch labels hold it] for each independent label,
               "": [every other head]}
  line_heads  {label: ['<label>@head' resolved]} for each independent label, or {"": ['head' resolved]} without any
  upgraded    after 'upgrade heads' on a fresh sqlite database: {"versions": alembic_version rows, "tables": tables}
  downgraded  after 'downgrade base': the same
  errors      every exception, as "step: Class: message"

The database file is removed before and after, and no bytecode is written, so the project is left as it was.
"""

import io
import json
import logging
import os
import sqlite3
import sys

sys.dont_write_bytecode = True
logging.disable(logging.CRITICAL)

from alembic import command  # noqa: E402
from alembic.config import Config  # noqa: E402
from alembic.script import ScriptDirectory  # noqa: E402

DB_FILE = "db.sqlite"


def config(tree):
    cfg = Config(os.path.join(tree, "alembic.ini"))
    cfg.stdout = io.StringIO()
    return cfg


def database(tree):
    path = os.path.join(tree, DB_FILE)
    if not os.path.exists(path):
        return {"versions": [], "tables": []}
    con = sqlite3.connect(path)
    try:
        tables = sorted(r[0] for r in con.execute("select name from sqlite_master where type = 'table'"))
        versions = []
        if "alembic_version" in tables:
            versions = sorted(r[0] for r in con.execute("select version_num from alembic_version"))
        return {"versions": versions, "tables": tables}
    finally:
        con.close()


def remove_db(tree):
    for suffix in ("", "-journal", "-wal", "-shm"):
        path = os.path.join(tree, DB_FILE + suffix)
        if os.path.exists(path):
            os.remove(path)


def judge(tree, labels):
    result = {"tree": tree, "errors": []}
    errors = result["errors"]

    def attempt(step, fn, *args):
        try:
            return fn(*args)
        except Exception as e:  # noqa: BLE001 - every failure is data here
            errors.append("%s: %s: %s" % (step, type(e).__name__, e))
            return None

    os.chdir(tree)
    remove_db(tree)
    script = attempt("load", ScriptDirectory.from_config, config(tree))
    if script is None:
        return result
    rmap = script.revision_map
    heads = list(rmap.heads)
    result["heads"] = heads
    lines = {label: [] for label in labels}
    lines[""] = []
    for h in heads:
        propagated = rmap.get_revision(h).branch_labels
        line = next((label for label in sorted(labels) if label in propagated), "")
        lines[line].append(h)
    result["lines"] = lines
    targets = [label + "@head" for label in labels] if labels else ["head"]
    result["line_heads"] = {}
    for target in targets:
        revs = attempt("resolve " + target, script.get_revisions, target)
        if revs is not None:
            result["line_heads"][target] = [r.revision for r in revs]
    failed = len(errors)
    attempt("upgrade heads", command.upgrade, config(tree), "heads")
    if len(errors) == failed:
        result["upgraded"] = database(tree)
        attempt("downgrade base", command.downgrade, config(tree), "base")
        result["downgraded"] = database(tree)
    remove_db(tree)
    return result


def serve(judge_tree):
    """Reads "TREE<TAB>a,b,..." lines from stdin; prints judge_tree(tree, [a, b, ...]) as one JSON line each."""
    for raw in sys.stdin:
        raw = raw.rstrip("\n")
        if not raw:
            continue
        tree, _, items = raw.partition("\t")
        print(json.dumps(judge_tree(tree, [item for item in items.split(",") if item])), flush=True)


def main():
    serve(judge)


if __name__ == "__main__":
    main()
