"""``quizapp export-questions PACK --format gift|csv --out FILE``: questions as GIFT or the CSV template."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from quizapp.cli.main import UsageError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export-questions",
        help="export a pack's questions as GIFT (for Moodle) or as the CSV template",
        description="Write the questions of a pack (folder or .zip) to a GIFT file or to the CSV template "
        "(docs/question-template.csv), which 'quizapp convert' reads back. CSV keeps every question type and "
        "language; GIFT keeps one language and reports what it cannot hold (ordering and scenario questions, "
        "hints, difficulty, points). Exit 0 when questions were exported, 1 when the pack is invalid or none "
        "could be, 2 for usage errors.",
    )
    parser.add_argument("pack", metavar="PACK", help="a pack folder or .zip")
    parser.add_argument("--format", required=True, choices=("gift", "csv"), dest="fmt")
    parser.add_argument("--out", required=True, metavar="FILE")
    parser.add_argument(
        "--language", metavar="LANG", help="GIFT only: the language to write (default: the pack's)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.content.validate import validate_paths  # loaded only when an export runs
    from quizapp.importers.export import export_pack, write_atomic

    source = Path(args.pack)
    out = Path(args.out)
    if not source.exists():
        raise UsageError(f"no such pack: {source}")
    if out.is_dir():
        raise UsageError(f"--out {out} is a folder; give a file name such as questions.{args.fmt}")
    report = validate_paths([source])
    if not report.valid:
        for diagnostic in report.diagnostics.errors:
            print(diagnostic, file=sys.stderr)
        print("the pack is not valid, so nothing was exported", file=sys.stderr)
        return 1
    if len(report.packs) != 1:
        raise UsageError(f"{source} holds {len(report.packs)} packs; give one pack folder or .zip")
    pack = report.packs[0]
    if args.language and args.language not in pack.manifest.languages:
        raise UsageError(
            f"the pack has no '{args.language}' text (its languages: {', '.join(pack.manifest.languages)})"
        )
    if args.language and args.fmt == "csv":
        print("note: --language is ignored for CSV, which holds every language of the pack")
    result = export_pack(pack, args.fmt, args.language)
    for question_id, reason in result.skipped:
        print(f"skipped: '{question_id}': {reason}")
    for question_id, warning in result.warnings:
        print(f"warning: '{question_id}': {warning}")
    if not result.exported:
        print("no question could be exported, so no file was written", file=sys.stderr)
        return 1
    try:
        write_atomic(out, result.text, encoding="utf-8-sig" if args.fmt == "csv" else "utf-8")
    except OSError as exc:
        print(f"cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"exported {len(result.exported)} question(s) to {out}; {len(result.skipped)} not exported")
    return 0
