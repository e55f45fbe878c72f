"""``quizapp [--data-dir DIR] screenshots --out DIR [--lang en|ur] [--size WxH]``: every screen to PNG."""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from quizapp.cli.main import UsageError

LANGUAGES = ("en", "ur")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "screenshots",
        help="render every screen to PNG files with example data",
        description="Render the learner picker, new learner, home, lesson, each question type before and "
        "after Check, help card, results and the teacher screens to PNG files named after the screen. "
        "Uses a temporary data folder with example data (or --data-dir when given).",
    )
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the PNG files")
    parser.add_argument(
        "--lang", default="en", choices=LANGUAGES, help="language of the screens (default en)"
    )
    parser.add_argument("--size", default="1024x600", metavar="WxH", help="window size (default 1024x600)")
    parser.add_argument(
        "--from-screen",
        action="store_true",
        help="show each screen in the real window on this computer's display and take the picture from "
        "the screen (needs a display: X11, Windows or macOS; same file names)",
    )
    parser.set_defaults(handler=run)


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{3,4})\s*[xX×]\s*(\d{3,4})\s*", text)
    if not match:
        raise UsageError(f"--size '{text}' should look like 1024x600")
    width, height = int(match.group(1)), int(match.group(2))
    if width < 640 or height < 480:
        raise UsageError(f"--size '{text}' is too small; the app needs at least 640x480")
    return width, height


def run(args: argparse.Namespace) -> int:
    size = parse_size(args.size)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out '{out}' is a file; give a folder")
    if args.from_screen:
        if os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal"):
            raise UsageError("--from-screen needs a display; QT_QPA_PLATFORM is set to draw off the screen")
        if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
            raise UsageError("--from-screen needs a display (set DISPLAY, for example run it under Xvfb)")
    else:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from quizapp.ui.screenshots import render_screens

    options = {"language": args.lang, "size": size, "from_screen": args.from_screen}
    if args.data_dir:
        from quizapp.cli.main import data_dir_from

        saved = render_screens(data_dir_from(args), out, **options)
    else:
        with tempfile.TemporaryDirectory(prefix="quizapp-screens-") as tmp:
            saved = render_screens(Path(tmp), out, **options)
    for path in saved:
        print(path)
    print(f"{len(saved)} screen(s) saved in {out}")
    return 0 if saved else 1
