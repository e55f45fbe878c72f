"""``quizapp [--data-dir DIR] COMMAND ...``; with no command the app opens."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from quizapp import __version__
from quizapp.paths import ENV_DATA_DIR, ENV_DATABASE, resolve_data_dir

# Each module here defines ``register(subparsers)``; its parsers set ``handler(args) -> int``.
COMMAND_MODULES = [
    "quizapp.cli.validate_cmd",
    "quizapp.cli.packs_cmd",
    "quizapp.cli.set_pin_cmd",
    "quizapp.cli.results_cmd",
    "quizapp.cli.roster_cmd",
    "quizapp.cli.convert_cmd",
    "quizapp.cli.export_questions_cmd",
    "quizapp.cli.selftest_cmd",
    "quizapp.cli.screenshots_cmd",
    "quizapp.cli.check_cmd",
    "quizapp.cli.server_cmd",
]


class UsageError(Exception):
    """A command was called wrongly; exit code 2."""


def _base_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quizapp",
        description="Online-safety lessons and quizzes for schools. With no command, the app opens.",
    )
    parser.add_argument("--version", action="version", version=f"quizapp {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"where learners' progress and settings live (also ${ENV_DATA_DIR}; "
        "default: this user's data folder)",
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help=f"a school's PostgreSQL server, e.g. postgresql://quizapp@server/quizapp?password_file=FILE "
        f"(also ${ENV_DATABASE} or [database] url in quizapp.ini; default: the SQLite file in the data "
        "folder)",
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _base_parser()
    subparsers = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def _opens_app(argv: Sequence[str]) -> bool:
    """True when the arguments name no command (only ``--data-dir``): the app opens.

    The command modules are then not imported at all, which keeps them off the path to the first window.
    """
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token in ("--data-dir", "--database") and rest:
            rest.pop(0)
        elif not token.startswith(("--data-dir=", "--database=")):
            return False
    return True


def data_dir_from(args: argparse.Namespace) -> Path:
    return resolve_data_dir(getattr(args, "data_dir", None))


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = _base_parser() if _opens_app(arguments) else build_parser()
    args = parser.parse_args(arguments)
    if getattr(args, "database", None):
        os.environ[ENV_DATABASE] = args.database  # every store this command opens (and its children) uses it
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from quizapp.cli.gui_cmd import open_app

            return open_app(args)
        return int(handler(args))
    except UsageError as exc:
        print(f"quizapp: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (for example `quizapp packs list | head`): stop quietly.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
