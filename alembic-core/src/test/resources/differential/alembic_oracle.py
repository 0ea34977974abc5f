"""Differential oracle: loads Alembic migration trees with REAL Alembic and prints what it sees.

Usage: /usr/bin/python3 alembic_oracle.py [TREE_DIR ...]   (or tree dirs one per line on stdin)

Each TREE_DIR holds an ``alembic.ini``. For every tree, one JSON line is printed on stdout (same order as the
input), loaded with ``Config(<tree>/alembic.ini)`` + ``ScriptDirectory.from_config`` + ``script.revision_map``,
all trees in ONE process. The process working directory is the tree while it is loaded, so relative
``script_location`` / ``version_locations`` resolve against the tree (our Java code resolves them against basedir).

Alembic 1.8.1 lists each version directory with raw ``os.listdir``; Alembic >= 1.10 uses ``sorted()``. The Java
implementation follows the newest Alembic, so ``alembic.script.base`` is given an ``os`` whose ``listdir`` is sorted:
heads/bases/... order then matches the newest Alembic exactly.

JSON fields: tree, alembic (version), ok, heads, real_heads, bases, real_bases, branch_points, merge_points
(ids; load order = order of first appearance in the map), head_labels {head: sorted propagated labels},
labels {id: sorted propagated labels} (every revision), warnings [text], duplicates [ids warned twice],
loaded [ids] and loaded_paths [realpaths] of the files Alembic read, in load order (up to the failing file),
files [{path, revision, down_revision, branch_labels, depends_on}] as Python evaluated them (after
util.to_tuple), load_complete (every file was read: a failure, if any, came from building the map),
syntax_errors [file: message] (every candidate file is also compiled, to catch generator bugs even after
Alembic stopped at the first problem), error {kind, class, message} when loading failed.
"""

import json
import os
import re
import sys
import traceback
import warnings

sys.dont_write_bytecode = True

import alembic  # noqa: E402
import alembic.script.base as _script_base  # noqa: E402
from alembic.config import Config  # noqa: E402
from alembic.script import ScriptDirectory  # noqa: E402
from alembic.script.revision import (  # noqa: E402
    CycleDetected,
    DependencyCycleDetected,
    DependencyLoopDetected,
    LoopDetected,
    RevisionError,
)
from alembic import util as alembic_util  # noqa: E402
from alembic.util import CommandError  # noqa: E402


class _SortedListdirOs(object):
    """Stands in for ``os`` inside alembic.script.base: everything delegates, ``listdir`` is sorted (>= 1.10)."""

    def __getattr__(self, name):
        return getattr(os, name)

    @staticmethod
    def listdir(path="."):
        return sorted(os.listdir(path))


_script_base.os = _SortedListdirOs()

_LOADED_IDS = []
_LOADED_PATHS = []
_LOADED_FILES = []
_STATE = {"load_complete": False}
_orig_from_filename = _script_base.Script._from_filename.__func__
_orig_load_revisions = ScriptDirectory._load_revisions


def _tuple(value):
    return [v if isinstance(v, str) else repr(v) for v in alembic_util.to_tuple(value, default=())]


def _recording_from_filename(cls, scriptdir, dir_, filename):
    script = _orig_from_filename(cls, scriptdir, dir_, filename)
    if script is not None:
        _LOADED_IDS.append(script.revision)
        _LOADED_PATHS.append(os.path.realpath(script.path))
        module = script.module
        # what Python evaluated, after util.to_tuple (as RevisionScript holds it)
        _LOADED_FILES.append({
            "path": os.path.realpath(script.path),
            "revision": script.revision,
            "down_revision": _tuple(module.down_revision),
            "branch_labels": _tuple(getattr(module, "branch_labels", None)),
            "depends_on": _tuple(getattr(module, "depends_on", None)),
        })
    return script


def _recording_load_revisions(self):
    for script in _orig_load_revisions(self):
        yield script
    _STATE["load_complete"] = True


_script_base.Script._from_filename = classmethod(_recording_from_filename)
ScriptDirectory._load_revisions = _recording_load_revisions

_CANDIDATE = re.compile(r"(?!\.\#|__init__)(.*\.py)$")
_BRANCH_NAME = re.compile(r"Branch name '(.*)' in revision (.*) already used by revision (.*)$", re.S)
_DUPLICATE = re.compile(r"Revision (.*) is present more than once")
_REFERENCED = re.compile(r"Revision (.*) referenced from .* is not present")


def _classify(exc, warning_texts):
    """Maps an Alembic exception to our DiagnosticCode id (kebab case)."""
    msg = str(exc)
    if isinstance(exc, KeyError):
        key = exc.args[0] if exc.args else None
        frames = [f.name for f in traceback.extract_tb(exc.__traceback__)]
        referenced = any(_REFERENCED.match(w) and _REFERENCED.match(w).group(1) == key for w in warning_texts)
        if "_add_depends_on" in frames:
            return "missing-dependency"
        if referenced or "_revision_map" in frames:
            return "missing-parent"
        return "unmapped-key-error"
    # most specific first: DependencyLoopDetected is both a DependencyCycleDetected and a LoopDetected
    if isinstance(exc, DependencyLoopDetected):
        return "dependency-self-loop"
    if isinstance(exc, LoopDetected):
        return "self-loop"
    if isinstance(exc, DependencyCycleDetected):
        return "dependency-cycle"
    if isinstance(exc, CycleDetected):
        return "cycle"
    if isinstance(exc, RevisionError):
        m = _BRANCH_NAME.match(msg)
        if m:
            return "branch-label-is-revision" if m.group(1) in _LOADED_IDS else "duplicate-branch-label"
        if msg.startswith("Character(s)"):
            return "illegal-revision-chars"
        if msg.startswith("Dependency resolution failed; broken map"):
            # a down_revision naming a branch label: the label key resolves to a revision with another id
            return "missing-parent"
        return "unmapped-revision-error"
    if isinstance(exc, CommandError):
        if msg.startswith("Could not determine revision id"):
            return "missing-revision"
        return "unmapped-command-error"
    if isinstance(exc, AttributeError) and "down_revision" in msg:
        return "missing-down-revision-attribute"
    return "unmapped-" + type(exc).__name__


def _version_dirs(script):
    try:
        return [d for d in script._version_locations if os.path.isdir(d)]
    except Exception:  # pragma: no cover - diagnostics only
        return []


def _syntax_errors(dirs):
    errors = []
    for d in dirs:
        for name in sorted(os.listdir(d)):
            path = os.path.join(d, name)
            if not _CANDIDATE.match(name) or not os.path.isfile(path):
                continue
            with open(path, "rb") as fh:
                source = fh.read()
            try:
                compile(source, path, "exec", dont_inherit=True)
            except (SyntaxError, ValueError) as e:
                errors.append("%s: %s" % (name, e))
    return errors


def load_tree(tree):
    tree = os.path.abspath(tree)
    result = {"tree": tree, "alembic": alembic.__version__, "ok": False}
    del _LOADED_IDS[:]
    del _LOADED_PATHS[:]
    del _LOADED_FILES[:]
    _STATE["load_complete"] = False
    warning_texts = []
    script = None
    os.chdir(tree)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            cfg = Config(os.path.join(tree, "alembic.ini"))
            script = ScriptDirectory.from_config(cfg)
            rmap = script.revision_map
            heads = list(rmap.heads)
            by_key = rmap._revision_map
            ids = [k for k, v in by_key.items() if v is not None and isinstance(k, str) and k == v.revision]
            result.update(
                ok=True,
                heads=heads,
                real_heads=list(rmap._real_heads),
                bases=list(rmap.bases),
                real_bases=list(rmap._real_bases),
                branch_points=[i for i in ids if by_key[i].is_branch_point],
                merge_points=[i for i in ids if by_key[i].is_merge_point],
                head_labels={h: sorted(by_key[h].branch_labels) for h in heads},
                labels={i: sorted(by_key[i].branch_labels) for i in ids},
            )
        except Exception as exc:  # noqa: BLE001 - every failure is data here
            warning_texts = [str(w.message) for w in caught]
            result["error"] = {
                "kind": _classify(exc, warning_texts),
                "class": type(exc).__name__,
                "message": str(exc) if not isinstance(exc, KeyError) else repr(exc.args[0] if exc.args else None),
            }
        warning_texts = [str(w.message) for w in caught]
    result["warnings"] = warning_texts
    result["duplicates"] = [m.group(1) for m in (_DUPLICATE.match(w) for w in warning_texts) if m]
    result["loaded"] = list(_LOADED_IDS)
    result["loaded_paths"] = list(_LOADED_PATHS)
    result["files"] = list(_LOADED_FILES)
    result["load_complete"] = _STATE["load_complete"]
    result["syntax_errors"] = _syntax_errors(_version_dirs(script)) if script is not None else []
    return result


def main(argv):
    trees = argv[1:]
    if not trees:
        trees = [line.strip() for line in sys.stdin if line.strip()]
    trees = [os.path.abspath(t) for t in trees]
    out = sys.stdout
    # revision modules run at import; anything they print must not corrupt the JSON stream
    sys.stdout = sys.stderr
    start = os.getcwd()
    try:
        for tree in trees:
            try:
                res = load_tree(tree)
            except Exception as exc:  # noqa: BLE001 - the oracle itself failed on this tree
                res = {"tree": os.path.abspath(tree), "ok": False,
                       "error": {"kind": "oracle-failure", "class": type(exc).__name__,
                                 "message": traceback.format_exc()}}
            out.write(json.dumps(res, sort_keys=True) + "\n")
            out.flush()
    finally:
        os.chdir(start)
        sys.stdout = out
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
