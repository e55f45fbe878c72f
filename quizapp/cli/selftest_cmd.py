"""``quizapp [--data-dir DIR] selftest``: run a scripted student journey headless; one JSON line last."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from quizapp.paths import ENV_DATA_DIR


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "selftest",
        help="run a scripted student journey without a screen and check what was stored",
        description="Create a learner, read a lesson, answer every question type, close and reopen the app "
        "mid-quiz, finish the module and check the stored results. Uses --data-dir (or $"
        f"{ENV_DATA_DIR}) when given, else a temporary folder. Prints one JSON line last; exit 0 when all "
        "went as expected, 1 otherwise.",
    )
    parser.add_argument(
        "--lang", default="en", choices=("en", "ur"), help="the learner's language (default en)"
    )
    parser.add_argument(
        "--switch-language",
        action="store_true",
        help="make the learner in English, switch to Urdu on the home screen before the quiz and answer "
        "in Urdu",
    )
    parser.set_defaults(handler=run)


def selftest_data_dir(args: argparse.Namespace) -> Path | None:
    """The folder given with --data-dir or the environment; None means a temporary folder."""
    if getattr(args, "data_dir", None) or os.environ.get(ENV_DATA_DIR, "").strip():
        from quizapp.cli.main import data_dir_from

        return data_dir_from(args)
    return None


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from quizapp.ui.selftest import run_selftest

    summary = run_selftest(selftest_data_dir(args), language=args.lang, switch_language=args.switch_language)
    print(json.dumps(summary, ensure_ascii=False, sort_keys=True), flush=True)
    return 0 if summary.get("ok") else 1
