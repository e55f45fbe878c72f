"""``quizapp validate PATH...``: check packs and module files."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check question packs and module files",
        description="Check module files, pack folders, pack .zip files or folders holding several packs. "
        "Exit 0 when valid, 1 when anything is invalid, 2 for usage errors.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of lines")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.content.validate import validate_paths  # pydantic is imported only when needed

    report = validate_paths([Path(p) for p in args.paths])
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        for diagnostic in report.lines():
            print(diagnostic)
        summary = report.as_dict()
        counts = (
            f"{summary['packs']} pack(s), {summary['modules']} module(s), {summary['questions']} question(s)"
        )
        problems = f"{len(summary['errors'])} error(s), {len(summary['warnings'])} warning(s)"
        if report.valid:
            print(f"valid: {counts}; {problems}")
        else:
            # A pack with one mistake is not counted at all: say so, or "0 pack(s)" reads as "all was lost".
            print(
                f"INVALID: {problems}. Fix the lines marked 'error' above and run quizapp validate again; "
                f"nothing in the files was changed. Passed the check: {counts}."
            )
    return 0 if report.valid else 1
