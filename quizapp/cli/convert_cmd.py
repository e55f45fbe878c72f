"""``quizapp convert INPUT... --out PACK_DIR``: question banks (CSV, Aiken, GIFT, Moodle XML) into a pack."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, get_args

from quizapp.cli.main import UsageError
from quizapp.content.vocab import AgeBand
from quizapp.importers.detect import SUPPORTED, is_supported
from quizapp.importers.ids import is_slug
from quizapp.importers.phrases import SUPPORTED_LANGUAGES


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "convert",
        help="turn question banks (CSV, Aiken, GIFT, Moodle XML) into a pack",
        description=f"Convert question banks into a pack folder. Reads {SUPPORTED}. Every question is "
        "reported as converted or skipped (with file, line and reason), and every change as a warning. "
        "Exit 0 when questions were converted, 1 when none could be or the pack would be invalid, "
        "2 for usage errors. See docs/importing.md.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="question bank files")
    parser.add_argument("--out", required=True, metavar="PACK_DIR", help="the pack folder to write")
    parser.add_argument("--id", dest="pack_id", metavar="ID", help="the pack's id (default: from the title)")
    parser.add_argument("--title", metavar="T", help="the pack's title (default: from the files)")
    parser.add_argument(
        "--language",
        default="en",
        choices=SUPPORTED_LANGUAGES,
        help="the language the questions are written in (default: en); "
        "CSV columns such as prompt_ur name their own language",
    )
    parser.add_argument(
        "--age-band", default="11-13", choices=get_args(AgeBand), help="learners' age (default: 11-13)"
    )
    parser.add_argument(
        "--author", action="append", metavar="NAME", help="an author of the questions (repeatable)"
    )
    parser.add_argument("--licence", metavar="LICENCE", help="such as CC-BY-4.0 (default: unknown)")
    parser.add_argument("--force", action="store_true", help="replace PACK_DIR even if it is not empty")
    parser.add_argument(
        "--dry-run", action="store_true", help="report what would be converted; write nothing"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of lines")
    parser.set_defaults(handler=run)


def _check_inputs(paths: list[Path]) -> None:
    for path in paths:
        if not path.exists():
            raise UsageError(f"no such file: {path}")
        if path.is_dir():
            raise UsageError(f"{path} is a folder; give the question bank files inside it")
        if not is_supported(path):
            raise UsageError(f"cannot read '{path.name}': quizapp reads {SUPPORTED}")


def run(args: argparse.Namespace) -> int:
    # Imported here: the validation library is loaded only when a conversion runs.
    from quizapp.importers import PackOptions, WriteProblem, check_target, convert_files, write_pack
    from quizapp.importers.pack_writer import DEFAULT_AUTHOR, DEFAULT_LICENCE

    paths = [Path(p) for p in args.inputs]
    _check_inputs(paths)
    if args.pack_id is not None and not is_slug(args.pack_id):
        raise UsageError(
            f"--id '{args.pack_id}' is not a valid id: use lower-case letters, digits, '-' and '_'"
        )
    out = Path(args.out)
    if not args.dry_run:
        try:
            check_target(out, force=args.force)
        except WriteProblem as exc:
            raise UsageError(str(exc)) from exc
    report = convert_files(paths, language=args.language)
    output: dict[str, Any] = report.as_dict()
    if not args.json:
        for entry in report.entries():
            print(entry)
        print(report.summary())
    if not report.ok:
        return _finish(args, output, 1, "nothing could be converted, so no pack was written")
    if args.dry_run:
        return _finish(args, output, 0, "dry run: no pack was written")
    options = PackOptions(
        pack_id=args.pack_id,
        title=args.title,
        authors=args.author or [DEFAULT_AUTHOR],
        licence=args.licence or DEFAULT_LICENCE,
        age_band=args.age_band,
    )
    try:
        result = write_pack(report, out, options, force=args.force)
    except WriteProblem as exc:
        return _finish(args, output, 1, str(exc))
    output["pack"] = {
        "path": str(out),
        "written": result.written,
        "errors": result.errors,
        "warnings": result.warnings,
        "notes": result.notes,
    }
    if not args.json:
        for line in [*result.errors, *result.warnings]:
            print(line)
    if not result.written:
        return _finish(
            args, output, 1, "the pack would not be valid (see the errors above), so nothing was written"
        )
    if not args.json:
        for note in result.notes:
            print(f"to do: {note}")
        print(
            f"wrote the pack to {out}: {len(report.modules)} module(s), {len(report.converted)} question(s)"
        )
    return _finish(args, output, 0, None)


def _finish(args: argparse.Namespace, output: dict[str, Any], code: int, message: str | None) -> int:
    if args.json:
        output["message"] = message
        output["exit_code"] = code
        print(json.dumps(output, ensure_ascii=False))
    elif message:
        print(message, file=sys.stderr if code else sys.stdout)
    return code
