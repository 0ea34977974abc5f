"""Runs real Alembic for MergeFileAlembicJudgeTest: one process, many jobs, a fixed create date per job.

usage: python3 alembic_merge_judge.py jobs.json results.json

A job is either
  {"kind": "merge", "date": ISO, "argv": [...]}   -> alembic.config.main(argv) with
      ScriptDirectory._generate_create_date patched to return datetime.fromisoformat(ISO)
  {"kind": "mako", "template": path, "out": path, "encoding": enc, "date": ISO, "rev_id": str,
   "parents": [...], "branch_label": str|None, "message": str|None, "main_options": {...}}
      -> alembic.util.template_to_file with exactly the arguments generate_revision passes
         (config = an object whose get_main_option reads main_options, as in Alembic >= 1.9.4)
The result per job is {"ok": bool, "error": str}.
"""
import datetime
import io
import json
import sys
import traceback
from contextlib import redirect_stderr, redirect_stdout

from alembic import util
from alembic.config import main
from alembic.script import base, revision


class FakeConfig:
    def __init__(self, options):
        self.options = options

    def get_main_option(self, name, default=None):
        return self.options.get(name, default)


def run(job):
    fixed = datetime.datetime.fromisoformat(job["date"])
    if job["kind"] == "merge":
        base.ScriptDirectory._generate_create_date = lambda self: fixed
        out = io.StringIO()
        try:
            with redirect_stdout(out), redirect_stderr(out):
                main(argv=job["argv"], prog="alembic")
        except SystemExit as e:
            if e.code not in (None, 0):
                return {"ok": False, "error": "exit %s: %s" % (e.code, out.getvalue())}
        return {"ok": True, "error": out.getvalue()}
    util.template_to_file(
        job["template"],
        job["out"],
        job["encoding"],
        up_revision=str(job["rev_id"]),
        down_revision=revision.tuple_rev_as_scalar(tuple(job["parents"])),
        branch_labels=util.to_tuple(job["branch_label"]),
        depends_on=revision.tuple_rev_as_scalar(None),
        create_date=fixed,
        comma=util.format_as_comma,
        message=job["message"] if job["message"] is not None else "empty message",
        config=FakeConfig(job["main_options"]),
    )
    return {"ok": True, "error": ""}


def main_(jobs_file, results_file):
    with open(jobs_file, encoding="utf-8") as f:
        jobs = json.load(f)
    results = []
    for job in jobs:
        try:
            results.append(run(job))
        except BaseException:  # noqa: B036 - report everything to the Java side
            results.append({"ok": False, "error": traceback.format_exc()})
    with open(results_file, "w", encoding="utf-8") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main_(sys.argv[1], sys.argv[2])
