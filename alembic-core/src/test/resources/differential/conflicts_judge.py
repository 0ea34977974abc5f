"""Conflicts judge: real Alembic applies two lines of history in both orders, all projects in ONE process.

Usage: /usr/bin/python3 conflicts_judge.py < lines     (one "PROJECT_DIR<TAB>HEAD_A,HEAD_B" line per project)

The project is a runnable Alembic project whose lines of history have been joined by a merge revision (graph only).
For each order (HEAD_A first, then HEAD_B first), on a fresh sqlite database (its URL set here, overriding
alembic.ini; the working directory is the project): 'upgrade <first head>', then 'upgrade heads'. One JSON line on
stdout per project:

  tree        the project dir, as given
  heads       the heads before the merge, as given
  runs        one object per order: {"first": head, "errors": ["step: Class: message", ...],
              "versions": alembic_version rows, "schema": {table: {"columns": [[name, type, notnull, default]...],
              "indexes": [[name, unique, [columns]]...]}}} (the database as the run left it, also after an error)

The database file is removed before and after, and no bytecode is written, so the project is left as it was.
Needs converge_judge.py next to it (its config(), database file and stdin helpers).
"""

import os
import sqlite3
import sys

sys.dont_write_bytecode = True

from alembic import command  # noqa: E402
from converge_judge import DB_FILE, remove_db, serve  # noqa: E402  (extracted next to this script)
from converge_judge import config as ini_config  # noqa: E402


def config(tree):
    cfg = ini_config(tree)
    cfg.set_main_option("sqlalchemy.url", "sqlite:///" + os.path.join(tree, DB_FILE))
    return cfg


def schema(tree):
    path = os.path.join(tree, DB_FILE)
    out = {"versions": [], "schema": {}}
    if not os.path.exists(path):
        return out
    con = sqlite3.connect(path)
    try:
        tables = sorted(r[0] for r in con.execute(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'"))
        for t in tables:
            if t == "alembic_version":
                out["versions"] = sorted(r[0] for r in con.execute("select version_num from alembic_version"))
                continue
            columns = [[r[1], r[2], bool(r[3]), r[4]] for r in con.execute('pragma table_info("%s")' % t)]
            indexes = []
            for r in con.execute('pragma index_list("%s")' % t):
                name, unique = r[1], bool(r[2])
                cols = [c[2] for c in con.execute('pragma index_info("%s")' % name)]
                indexes.append([name, unique, cols])
            out["schema"][t] = {"columns": columns, "indexes": sorted(indexes)}
        return out
    finally:
        con.close()


def run_order(tree, first):
    errors = []
    remove_db(tree)
    for target in (first, "heads"):
        try:
            command.upgrade(config(tree), target)
        except Exception as e:  # noqa: BLE001 - every failure is data here
            errors.append("upgrade %s: %s: %s" % (target, type(e).__name__, str(e).splitlines()[0] if str(e) else ""))
            break
    result = {"first": first, "errors": errors}
    result.update(schema(tree))
    remove_db(tree)
    return result


def judge(tree, heads):
    os.chdir(tree)
    return {"tree": tree, "heads": heads, "runs": [run_order(tree, head) for head in heads]}


if __name__ == "__main__":
    serve(judge)
