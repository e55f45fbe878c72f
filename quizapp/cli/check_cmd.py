"""``quizapp [--data-dir DIR] check``: the full check of the progress data, now.

The app checks its database quickly each time it opens (``PRAGMA quick_check``) and fully once a week in
the background; a teacher who wants to know now runs this. It reads the database on a read-only connection
of its own, so it may run while the app is open. The result is recorded in the data folder: when it found
a problem, the app runs the full check at its next start and restores the newest good backup.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from quizapp.cli.main import data_dir_from


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check the progress data fully now (the app does it weekly)",
        description="Run SQLite's full integrity check on the progress database (safe while the app is "
        "open) and record the result in the data folder. Exit 0 when the data is sound, 1 when a problem "
        "is found (the app then restores the newest good backup at its next start) or there is no data.",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from quizapp.services.integrity import check_now, database_path

    data_dir = data_dir_from(args)
    if not database_path(data_dir).is_file():
        print(f"quizapp: there is no progress data in {data_dir} to check", file=sys.stderr)
        return 1
    print(f"Checking the progress data in {data_dir} …", flush=True)
    result = check_now(data_dir)
    if result.ok:
        print(f"The progress data is sound (checked in {result.seconds:.1f} s).")
        return 0
    print(
        f"quizapp: the progress data has a problem: {result.problem}. Close quizapp and open it again: it "
        "will restore the newest good backup (the damaged file is kept beside it).",
        file=sys.stderr,
    )
    return 1
