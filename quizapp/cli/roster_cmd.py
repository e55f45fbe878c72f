"""``quizapp [--data-dir DIR] roster export|import``: the same classes and learners on every lab computer.

A roster file holds classes and learners with their ids, so a child set up once is the same learner on
every computer and their results can later be brought together with ``quizapp results import``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from quizapp.cli.main import UsageError, data_dir_from
from quizapp.cli.opened import report_open, require_data
from quizapp.progress.errors import StoreError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "roster",
        help="export or import classes and learners (with their ids) to set up other computers",
        description="Copy classes and learners between computers, keeping their ids, so the same child is "
        "the same learner everywhere.",
    )
    actions = parser.add_subparsers(dest="roster_action", title="actions", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        help="write classes and learners to a file",
        description="Write classes and learners (names, ids, language, avatar, text size; no answers) "
        "to FILE as JSON (or a zip for a .zip name). Exit 0 when written, 1 when it could not be.",
    )
    export.add_argument("--out", required=True, metavar="FILE")
    export.add_argument("--class", dest="class_name", metavar="NAME", help="only this class and its learners")
    export.set_defaults(handler=run_export)
    imp = actions.add_parser(
        "import",
        help="add or update classes and learners from a roster file",
        description="Add the classes and learners in FILE, or update them when they are already here (same "
        "id). Learners with the same name and class but a different id are listed, never merged. "
        "Exit 0 when imported, 1 when the file was refused.",
    )
    imp.add_argument("file", metavar="FILE")
    imp.set_defaults(handler=run_import)
    merge = actions.add_parser(
        "merge",
        help="make one learner of two records of the same child",
        description="When an import lists two learners with the same name and class that are the same child, "
        "make them one: OTHER_ID's answers, quiz tries and progress move to KEEP_ID and OTHER_ID is removed "
        "(results files that still hold OTHER_ID add to KEEP_ID from now on). A backup is made first. "
        "Exit 0 when merged, 1 when it could not be.",
    )
    merge.add_argument("keep_id", metavar="KEEP_ID", help="the learner id to keep")
    merge.add_argument("other_id", metavar="OTHER_ID", help="the learner id to merge into it")
    merge.set_defaults(handler=run_merge)


def run_export(args: argparse.Namespace) -> int:
    from quizapp.progress.bundle import export_roster
    from quizapp.progress.store import Store

    out = Path(args.out)
    if out.is_dir():
        raise UsageError(f"--out {out} is a folder; give a file name, for example {out / 'roster.json'}")
    try:
        require_data(data_dir_from(args))
        with Store.open(data_dir_from(args), fallback_read_only=True) as store:
            report_open(store)
            manifest = export_roster(store, out, class_name=args.class_name)
    except StoreError as exc:
        print(f"quizapp: error: {exc}", file=sys.stderr)
        return 1
    counts = manifest["counts"]
    print(f"wrote {out}: {counts['learners']} learner(s) in {counts['classes']} class(es)")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from quizapp.progress.bundle import describe_report, import_roster
    from quizapp.progress.store import Store

    path = Path(args.file)
    if not path.is_file():
        raise UsageError(f"no such file: {path}")
    try:
        with Store.open(data_dir_from(args)) as store:
            report_open(store)
            report = import_roster(store, path)
    except StoreError as exc:
        print(f"quizapp: error: {exc}", file=sys.stderr)
        return 1
    for line in describe_report(report):
        print(line)
    return 0


def run_merge(args: argparse.Namespace) -> int:
    from quizapp.progress.errors import NotFoundError
    from quizapp.progress.store import Store
    from quizapp.services.teacher.roster import merge_learners

    if args.keep_id == args.other_id:
        raise UsageError("KEEP_ID and OTHER_ID are the same learner; give the two different ids")
    try:
        with Store.open(data_dir_from(args)) as store:
            report_open(store)
            try:
                other = store.get_learner(args.other_id)
                kept = merge_learners(store, args.keep_id, args.other_id)
            except NotFoundError as exc:
                print(f"quizapp: error: {exc} Nothing was changed.", file=sys.stderr)
                return 1
            runs = len(store.list_quiz_runs(kept.id))
    except StoreError as exc:
        print(f"quizapp: error: {exc}", file=sys.stderr)
        return 1
    print(
        f"merged {other.display_name!r} ({other.id}) into {kept.display_name!r} ({kept.id}): "
        f"{runs} quiz run(s)."
    )
    return 0
