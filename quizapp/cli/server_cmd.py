"""``quizapp [--database URL] server check|init|backup``: a school's PostgreSQL server for every lab PC.

The URL comes from ``--database``, ``QUIZAPP_DATABASE`` or ``[database] url`` in quizapp.ini (see
docs/data.md, "A school server"). Passwords are never printed: they are shown as ``***``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from quizapp.cli.main import data_dir_from


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "server",
        help="use a school's PostgreSQL server for every lab PC (check, init, sync, backup)",
        description="Check or set up the school's database server named by --database, QUIZAPP_DATABASE "
        "or [database] url in quizapp.ini.",
    )
    commands = parser.add_subparsers(dest="server_command", metavar="SUBCOMMAND", required=True)
    check = commands.add_parser(
        "check",
        help="connect to the server and show its version, quizapp's schema version and the counts",
        description="Connect (changing nothing) and show the server's version, the schema version and how "
        "many learners, answers... it holds. Exit 0 when the server is ready for the lab PCs, 1 otherwise.",
    )
    check.set_defaults(handler=run_check)
    init = commands.add_parser(
        "init",
        help="create (or upgrade) quizapp's tables on the server and print the quizapp.ini lines for lab PCs",
        description="Create or upgrade quizapp's schema on the server (safe to run again), then print the "
        "lines to put in quizapp.ini next to quizapp on each lab PC.",
    )
    init.set_defaults(handler=run_init)
    sync = commands.add_parser(
        "sync",
        help="send what this lab PC recorded while the server was out of reach, and bring the roster back",
        description="Send the answers, quiz tries and progress this computer kept in its own copy while it "
        "could not reach the server (only what the server has not taken yet; safe to run again, and after "
        "a sync that was cut short), then bring the server's learners, classes and school settings to this "
        "computer's copy. The app does this by itself every few minutes; quizapp must be closed here.",
    )
    sync.set_defaults(handler=run_sync)
    backup = commands.add_parser(
        "backup",
        help="back up the server's database to a file (pg_dump when installed, else a results bundle)",
        description="Write a backup of the server's database to FILE. With pg_dump installed (it comes with "
        "PostgreSQL) this is the whole database in pg_dump's custom format: restore it with pg_restore. "
        "Without pg_dump, or with --bundle, it is a results bundle (classes, learners, runs, answers, "
        "progress; not settings or the PIN) that 'quizapp results import' reads on any PC.",
    )
    backup.add_argument("--out", required=True, metavar="FILE", help="the file to write (e.g. school.dump)")
    backup.add_argument(
        "--bundle", action="store_true", help="write a results bundle even when pg_dump is installed"
    )
    backup.set_defaults(handler=run_backup)


def run_check(args: argparse.Namespace) -> int:
    from quizapp.services.records import StoreError
    from quizapp.services.server import check_server, server_url

    try:
        server = server_url(getattr(args, "database", None))
        print(f"Connecting to {server.masked()} …", flush=True)
        status = check_server(server)
    except StoreError as exc:
        print(f"quizapp: {exc}", file=sys.stderr)
        return 1
    print(f"Server: PostgreSQL {status.server_version}")
    if status.schema_version == 0:
        print("quizapp's tables are not there yet: run 'quizapp server init'.")
        return 1
    print(f"Schema version: {status.schema_version} (this quizapp: {status.supported_version})")
    if status.schema_version < status.supported_version:
        print("The schema is older than this quizapp: run 'quizapp server init' to upgrade it.")
        return 1
    if status.schema_version > status.supported_version:
        print("The schema is newer than this quizapp: install the newer quizapp on this computer.")
        return 1
    for table in ("classes", "learners", "quiz_runs", "attempts", "packs"):
        print(f"  {table}: {status.counts.get(table, 0)}")
    print("The server is ready for the lab PCs.")
    return 0


def run_init(args: argparse.Namespace) -> int:
    from quizapp.services.records import StoreError
    from quizapp.services.server import ini_lines, init_server, server_url

    try:
        server = server_url(getattr(args, "database", None))
        with init_server(server, data_dir_from(args)) as store:
            report = store.open_report
    except StoreError as exc:
        print(f"quizapp: {exc}", file=sys.stderr)
        return 1
    if report.created:
        print(f"Created quizapp's tables (schema version {report.schema_version}) on {server.masked()}.")
    elif report.migrated_from:
        print(f"Upgraded quizapp's tables from version {report.migrated_from} to {report.schema_version}.")
    else:
        print(f"quizapp's tables on {server.masked()} are ready (schema version {report.schema_version}).")
    print("\nPut these lines in quizapp.ini next to quizapp on each lab PC:\n")
    print(ini_lines(server))
    if server.password:
        print(
            "\nThe password is shown as ***. Rather than writing it in quizapp.ini, put it on the first line "
            "of a file only the lab PCs' accounts can read and add ?password_file=PATH to the URL."
        )
    return 0


def run_sync(args: argparse.Namespace) -> int:
    from quizapp.paths import resolve_database
    from quizapp.services.records import StoreError
    from quizapp.services.server import server_url
    from quizapp.services.sync import sync_now

    try:
        server = server_url(getattr(args, "database", None))
        print(f"Syncing this computer's copy with {server.masked()} …", flush=True)
        report = sync_now(data_dir_from(args), getattr(args, "database", None) or resolve_database() or "")
    except StoreError as exc:
        print(f"quizapp: {exc}", file=sys.stderr)
        print("quizapp: nothing was lost: this computer's copy keeps it until a sync works.", file=sys.stderr)
        return 1
    for line in report.lines():
        print(line)
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quizapp.services.records import StoreError
    from quizapp.services.server import backup_server, server_url

    try:
        server = server_url(getattr(args, "database", None))
        print(f"Backing up {server.masked()} …", flush=True)
        done = backup_server(server, Path(args.out), data_dir_from(args), bundle_only=args.bundle)
    except StoreError as exc:
        print(f"quizapp: {exc}", file=sys.stderr)
        return 1
    size = f"{done.size / 1e6:.1f} MB" if done.size >= 100_000 else f"{done.size} bytes"
    if done.method == "pg_dump":
        print(f"Wrote {done.path} ({size}) with pg_dump: the whole database.")
        print(f"Restore it into an empty database with: pg_restore --dbname=DATABASE {done.path}")
        return 0
    if done.pg_dump_problem and not args.bundle:
        print(f"pg_dump was not used: {done.pg_dump_problem}.", file=sys.stderr)
    print(f"Wrote {done.path} ({size}): a results bundle of every class, learner, run, answer and progress.")
    print(
        "It does not hold settings or the teacher PIN; install pg_dump (it comes with PostgreSQL) for a full "
        "backup. Read it back with: quizapp results import FILE"
    )
    return 0
