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
from quizapp.services.records import StoreError


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
        "to FILE as JSON (or a zip for a .zip name), or as a class list spreadsheet for a .csv name (roll "
        "number, name, father's name, class, age group, id). Exit 0 when written, 1 when it could not be.",
    )
    export.add_argument("--out", required=True, metavar="FILE")
    export.add_argument("--class", dest="class_name", metavar="NAME", help="only this class and its learners")
    export.set_defaults(handler=run_export)
    imp = actions.add_parser(
        "import",
        help="add or update classes and learners from a roster file",
        description="Add the classes and learners in FILE. A quizapp roster (.json or .zip) adds or updates "
        "them by id; learners with the same name and class but a different id are listed, never merged. "
        "A school's class register (.csv in any common encoding, Excel's Unicode Text .txt, or .xlsx) is "
        "read with its columns guessed from English or Urdu headers (Roll No, Student Name, Father Name, "
        "Class, Age; نمبر شمار, نام طالب علم, ولدیت, کلاس); --preview shows what would be added and "
        "writes nothing. Exit 0 when imported (or previewed), 1 when the file was refused.",
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument(
        "--preview", action="store_true", help="show the columns found and the learners; add nobody"
    )
    imp.add_argument(
        "--columns",
        metavar="MAP",
        help="correct the guessed columns of a register, e.g. 'name=2,father_name=3,roll_number=1' "
        "(numbers count from 1) or 'name=Student Name'",
    )
    imp.add_argument(
        "--class",
        dest="class_name",
        metavar="NAME",
        help="the class for a register's learners whose row names no class (made when missing)",
    )
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
    from quizapp.services.records import Store
    from quizapp.services.transfer import export_roster

    out = Path(args.out)
    if out.is_dir():
        raise UsageError(f"--out {out} is a folder; give a file name, for example {out / 'roster.json'}")
    if out.suffix.lower() == ".csv":
        return _export_csv(args, out)
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


def _export_csv(args: argparse.Namespace, out: Path) -> int:
    from quizapp.services.records import Store
    from quizapp.services.teacher.class_list import RegisterError, write_register_csv
    from quizapp.services.teacher.roster import register_rows

    try:
        with Store.open(data_dir_from(args), fallback_read_only=True) as store:
            report_open(store)
            rows = register_rows(store, args.class_name)
        write_register_csv(out, rows)
    except (StoreError, RegisterError, ValueError) as exc:
        print(f"quizapp: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"quizapp: error: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    classes = len({r[3] for r in rows})
    print(f"wrote {out}: {len(rows)} learner(s) in {classes} class(es), as a class list spreadsheet")
    return 0


_REASONS = {
    "no_name": "no name",
    "too_long": "longer than 60 letters",
    "repeated": "listed twice",
    "bad_age": "the age is not a number or age group; added without one",
}
_FIELD_WORDS = {
    "name": "name",
    "father_name": "father's name",
    "roll_number": "roll number",
    "class_name": "class",
    "age_band": "age group",
}


def _import_register(args: argparse.Namespace, path: Path) -> int:
    """A school's register: show the columns found and the learners, then (without --preview) add them."""
    from quizapp.services.records import Store
    from quizapp.services.teacher.class_list import (
        RegisterError,
        parse_mapping,
        read_register,
        register_entries,
    )
    from quizapp.services.teacher.roster import add_entries, class_named

    try:
        register = read_register(path)
        mapping = parse_mapping(args.columns, register) if args.columns else register.mapping
    except RegisterError as exc:
        print(f"quizapp: error: {exc}", file=sys.stderr)
        return 1
    found = f"{register.encoding or 'xlsx'}" + (
        f", separated by {'tab' if register.delimiter == chr(9) else repr(register.delimiter)}"
        if register.delimiter
        else ""
    )
    print(f"{path.name}: {len(register.rows)} row(s) ({found})")
    if register.skipped_above:
        print(f"  {register.skipped_above} title row(s) above the column names skipped")
    for column in range(register.width):
        header = register.header[column] if column < len(register.header) else ""
        what = _FIELD_WORDS.get(mapping.get(column, ""), "not used")
        print(f"  column {column + 1} {header!r}: {what}")
    if "name" not in mapping.values():
        print(
            "quizapp: error: no column holds the names; give it with --columns name=N. Nothing was added.",
            file=sys.stderr,
        )
        return 1
    entries = register_entries(register, mapping)
    for entry in entries.entries:
        details = ", ".join(
            f"{_FIELD_WORDS[f]} {getattr(entry, f)}"
            for f in ("roll_number", "father_name", "class_name", "age_band")
            if getattr(entry, f)
        )
        print(f"  line {entry.line}: {entry.name}" + (f" ({details})" if details else ""))
    for line, text, reason in entries.skipped:
        print(f"  line {line}: {text!r} left out ({_REASONS.get(reason, reason)})")
    if args.preview:
        print(f"preview: {len(entries.entries)} learner(s) would be added; nothing was written")
        return 0
    try:
        with Store.open(data_dir_from(args)) as store:
            report_open(store)
            class_id = None
            if args.class_name:
                class_id = class_named(store, args.class_name)[1]
            result = add_entries(
                store, entries.entries, class_id=class_id, language=store.settings.default_language
            )
    except StoreError as exc:
        print(f"quizapp: error: {exc}", file=sys.stderr)
        return 1
    print(
        f"added {len(result.added)} learner(s)"
        + (f"; new class(es): {', '.join(result.new_classes)}" if result.new_classes else "")
    )
    for name in result.already_there:
        print(f"  already here: {name}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from quizapp.services.records import Store
    from quizapp.services.transfer import describe_report, import_roster

    path = Path(args.file)
    if not path.is_file():
        raise UsageError(f"no such file: {path}")
    if path.suffix.lower() not in (".json", ".zip"):
        return _import_register(args, path)
    if args.preview or args.columns:
        raise UsageError("--preview and --columns are for class registers (.csv, .txt, .xlsx)")
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
    from quizapp.services.records import NotFoundError, Store
    from quizapp.services.teacher.roster import merge_learners

    if args.keep_id == args.other_id:
        raise UsageError("KEEP_ID and OTHER_ID are the same learner; give the two different ids")
    try:
        with Store.open(data_dir_from(args)) as store:
            report_open(store)
            try:
                other = store.people.get_learner(args.other_id)
                kept = merge_learners(store, args.keep_id, args.other_id)
            except NotFoundError as exc:
                print(f"quizapp: error: {exc} Nothing was changed.", file=sys.stderr)
                return 1
            runs = len(store.runs.list_quiz_runs(kept.id))
    except StoreError as exc:
        print(f"quizapp: error: {exc}", file=sys.stderr)
        return 1
    print(
        f"merged {other.display_name!r} ({other.id}) into {kept.display_name!r} ({kept.id}): "
        f"{runs} quiz run(s)."
    )
    return 0
