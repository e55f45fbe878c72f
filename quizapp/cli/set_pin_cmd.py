"""``quizapp [--data-dir DIR] set-pin``: set or reset the teacher PIN (the way back in after forgetting it).

The PIN is read from standard input, never from the command line (where other users of the computer and
the shell history could see it): asked twice with hidden typing at a terminal, else one line is read.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from quizapp.cli.main import data_dir_from
from quizapp.cli.opened import report_open
from quizapp.services.records import StoreError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "set-pin",
        help="set or reset the teacher PIN (read from standard input)",
        description="Set or reset the teacher PIN that guards the teacher area. At a terminal you are asked "
        "for the PIN twice (the digits are not shown); otherwise the first line of standard input is the "
        "PIN. Use this when the PIN is forgotten: it also clears any wait after wrong tries. "
        "For a whole lab: run 'set-pin --print-hash' once and 'set-pin --hash HASH' on every computer "
        "(or in the install script), so the PIN itself is written nowhere. A PIN that is easy to guess "
        "(1234, 0000, a year) is set with a warning. "
        "Exit 0 when set, 1 when the PIN is not acceptable or the data cannot be changed.",
    )
    how = parser.add_mutually_exclusive_group()
    how.add_argument(
        "--print-hash",
        action="store_true",
        help="read the PIN and print its salted hash for --hash; change nothing",
    )
    how.add_argument("--hash", metavar="HASH", help="set the PIN from a hash printed by --print-hash")
    parser.set_defaults(handler=run)


def _read_pin() -> tuple[str, str | None] | None:
    """The PIN and its repetition (None when read from a pipe), or None when nothing was given."""
    if sys.stdin is not None and sys.stdin.isatty():
        pin = getpass.getpass("New teacher PIN (4 to 12 digits): ")
        repeated = getpass.getpass("Type the same PIN again: ")
        return pin.strip(), repeated.strip()
    if sys.stdin is None:
        return None
    line = sys.stdin.readline()
    if not line:
        return None
    return line.strip(), None


def run(args: argparse.Namespace) -> int:
    from quizapp.services.teacher.pin import (  # loaded only when the command runs
        InvalidPinError,
        TeacherPin,
        hash_pin,
        pin_problem,
        pin_problem_text,
        pin_weakness,
        pin_weakness_text,
    )

    if args.hash:
        return _set_hash(args, args.hash.strip())
    read = _read_pin()
    if read is None:
        print("quizapp: no PIN was given on standard input; nothing was changed", file=sys.stderr)
        return 1
    pin, repeated = read
    problem = pin_problem(pin, repeated)
    if problem is not None:
        print(f"quizapp: {pin_problem_text(problem)} Nothing was changed.", file=sys.stderr)
        return 1
    weakness = pin_weakness(pin)
    if weakness is not None:
        print(f"quizapp: warning: {pin_weakness_text(weakness)} Consider another.", file=sys.stderr)
    if args.print_hash:
        print(hash_pin(pin))
        return 0
    from quizapp.services.records import Store

    data_dir = data_dir_from(args)
    try:
        with Store.open(data_dir) as store:
            report_open(store)
            TeacherPin(store).set_pin(pin, repeated)
    except InvalidPinError as exc:  # pragma: no cover - checked above
        print(f"quizapp: {exc} Nothing was changed.", file=sys.stderr)
        return 1
    except StoreError as exc:
        print(f"quizapp: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"quizapp: cannot use the data folder {data_dir}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"The teacher PIN was set for {data_dir}.")
    return 0


def _set_hash(args: argparse.Namespace, stored: str) -> int:
    from quizapp.services.records import Store
    from quizapp.services.teacher.pin import TeacherPin

    data_dir = data_dir_from(args)
    try:
        with Store.open(data_dir) as store:
            report_open(store)
            TeacherPin(store).set_hash(stored)
    except ValueError as exc:
        print(f"quizapp: --hash: {exc}. Nothing was changed.", file=sys.stderr)
        return 1
    except StoreError as exc:
        print(f"quizapp: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"quizapp: cannot use the data folder {data_dir}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"The teacher PIN was set for {data_dir}.")
    return 0
