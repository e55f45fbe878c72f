"""``quizapp packs install|list|remove|enable|disable``: manage the question packs of a data folder."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizapp.cli.main import data_dir_from
from quizapp.cli.opened import report_open
from quizapp.paths import builtin_packs_dir
from quizapp.services.records import StoreError

if TYPE_CHECKING:  # the pack model loads pydantic: import it when a packs command runs, not at start-up
    from quizapp.services.teacher.packs import PackInfo, PackListing, PackManager


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "packs",
        help="install, list and remove question packs",
        description="Manage the question packs of this data folder. Packs are checked before they are "
        "installed; a pack with errors is never installed.",
    )
    sub = parser.add_subparsers(dest="packs_command", metavar="ACTION", required=True)

    install = sub.add_parser(
        "install",
        help="check and install packs from folders or .zip files",
        description="Check and install each pack (a folder holding pack.yaml, or a .zip of one). A newer "
        "version replaces the installed one and keeps learners' progress. Exit 0 when every pack was "
        "installed, 1 when any was refused.",
    )
    install.add_argument("paths", nargs="+", metavar="PATH")
    install.add_argument("--force", action="store_true", help="install even an older version than installed")
    install.add_argument(
        "--replace-built-in",
        dest="replace_builtin",
        action="store_true",
        help="allow a pack whose id is a built-in pack's id to take that pack's place for every learner",
    )
    install.set_defaults(handler=run_install)

    listing = sub.add_parser(
        "list",
        help="list the packs (built-in and installed) and any broken ones",
        description="List every pack with version, authors, languages, review status, modules and "
        "questions, and every pack folder that cannot be used, with why.",
    )
    listing.add_argument("--json", action="store_true", help="print one JSON object")
    listing.set_defaults(handler=run_list)

    remove = sub.add_parser(
        "remove",
        help="remove an installed pack or any folder under packs/ (learners' answers are kept)",
        description="Remove an installed pack, named by its id or by its folder's name; a folder under "
        "packs/ that is not a usable pack (see 'packs list') is removed by its name. Built-in packs cannot "
        "be removed; use 'disable' instead.",
    )
    remove.add_argument("pack_id", metavar="ID_OR_FOLDER")
    remove.set_defaults(handler=run_remove)

    for name, on in (("enable", True), ("disable", False)):
        toggle = sub.add_parser(
            name,
            help=f"{name} a pack for every class",
            description=f"{name.capitalize()} a pack for every class (learners "
            f"{'see' if on else 'no longer see'} its modules).",
        )
        toggle.add_argument("pack_id", metavar="ID")
        toggle.set_defaults(handler=run_enable if on else run_disable)


@contextmanager
def _manager(args: argparse.Namespace, *, fallback_read_only: bool = False) -> Iterator[PackManager]:
    """The pack manager on this data folder; ``fallback_read_only`` lets a command that only reads work while
    the app is open."""
    from quizapp.services.records import Store
    from quizapp.services.teacher.packs import PackManager

    data_dir = data_dir_from(args)
    with Store.open(data_dir, fallback_read_only=fallback_read_only) as store:
        report_open(store)
        yield PackManager(store, data_dir, builtin_packs_dir())


def _fail(message: str) -> int:
    print(f"quizapp: {message}", file=sys.stderr)
    return 1


def _describe(info: PackInfo) -> str:
    modules = len(info.modules)
    return (
        f"{info.id} {info.version} ({modules} module{'s' if modules != 1 else ''}, "
        f"{info.question_count} question{'s' if info.question_count != 1 else ''})"
    )


def run_install(args: argparse.Namespace) -> int:
    from quizapp.services.teacher.packs import InstallOutcome, PackError

    failed = 0
    try:
        with _manager(args) as manager:
            for raw in args.paths:
                path = Path(raw)
                try:
                    result = manager.install(path, force=args.force, replace_builtin=args.replace_builtin)
                except PackError as exc:
                    failed += 1
                    for diagnostic in exc.diagnostics:
                        print(diagnostic, file=sys.stderr)
                    print(f"quizapp: {raw}: {exc}", file=sys.stderr)
                    continue
                verb = {
                    InstallOutcome.INSTALLED: "Installed",
                    InstallOutcome.UPDATED: "Updated",
                    InstallOutcome.REINSTALLED: "Installed again",
                    InstallOutcome.DOWNGRADED: "Replaced with an older version:",
                }[result.outcome]
                changed = result.outcome in (InstallOutcome.UPDATED, InstallOutcome.DOWNGRADED)
                since = f" (was {result.previous_version})" if changed else ""
                for diagnostic in result.warnings:
                    print(diagnostic)
                print(f"{verb} {_describe(result.pack)}{since}")
    except StoreError as exc:
        return _fail(str(exc))
    return 1 if failed else 0


def _as_dict(info: PackInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "version": info.version,
        "title": dict(info.title),
        "authors": list(info.authors),
        "languages": list(info.languages),
        "default_language": info.default_language,
        "review_status": info.review_status,
        "builtin": info.builtin,
        "enabled": info.enabled,
        "overrides_builtin": info.overrides_builtin,
        "folder": str(info.folder),
        "modules": [
            {"id": m.id, "title": dict(m.title), "age_band": m.age_band, "questions": m.questions}
            for m in info.modules
        ],
        "questions": info.question_count,
    }


def _print_listing(listing: PackListing) -> None:
    from quizapp.content.text import language_name

    if not listing.packs:
        print("No packs.")
    for info in listing.packs:
        title = info.title.get_text("en", info.default_language)
        where = "built-in" if info.builtin else "installed"
        if info.overrides_builtin:
            where = "installed, replaces the built-in one"
        state = "on" if info.enabled else "OFF"
        print(f"{info.id} {info.version}  {title}  [{where}; {state}]")
        print(f"    authors: {', '.join(info.authors)}")
        languages = ", ".join(
            f"{language_name(lang)} ({info.review_status.get(lang, 'not reviewed')})"
            for lang in info.languages
        )
        print(f"    languages: {languages}")
        print(f"    {len(info.modules)} module(s), {info.question_count} question(s):")
        for module in info.modules:
            print(
                f"      - {module.id}: {module.title.get_text('en', info.default_language)} "
                f"(ages {module.age_band}, {module.questions} question(s))"
            )
    for broken in listing.broken:
        kind = "built-in" if broken.builtin else "installed"
        print(f"BROKEN ({kind}) {broken.folder}: learners do not see it")
        for diagnostic in broken.diagnostics:
            print(f"    {diagnostic}")


def run_list(args: argparse.Namespace) -> int:
    try:
        with _manager(args, fallback_read_only=True) as manager:
            listing = manager.list_packs()
    except StoreError as exc:
        return _fail(str(exc))
    if args.json:
        data = {
            "packs": [_as_dict(p) for p in listing.packs],
            "broken": [
                {
                    "folder": str(b.folder),
                    "builtin": b.builtin,
                    "errors": [d.as_dict() for d in b.diagnostics],
                }
                for b in listing.broken
            ],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _print_listing(listing)
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from quizapp.services.teacher.packs import PackError

    try:
        with _manager(args) as manager:
            restored = manager.remove(args.pack_id)
    except PackError as exc:
        return _fail(str(exc))
    except StoreError as exc:
        return _fail(str(exc))
    print(f"Removed {args.pack_id}; learners' answers to it are kept.")
    if restored is not None:
        print(f"The built-in {_describe(restored)} is used again.")
    return 0


def _toggle(args: argparse.Namespace, enabled: bool) -> int:
    from quizapp.services.teacher.packs import PackError, PackErrorKind

    try:
        with _manager(args) as manager:
            manager.set_enabled(args.pack_id, enabled)
    except PackError as exc:
        if exc.kind is PackErrorKind.NOT_INSTALLED:
            return _fail(f"'{args.pack_id}' is not a pack here; 'quizapp packs list' shows the packs")
        return _fail(str(exc))
    except StoreError as exc:
        return _fail(str(exc))
    print(f"{args.pack_id} is now {'on' if enabled else 'off'} for every class.")
    return 0


def run_enable(args: argparse.Namespace) -> int:
    return _toggle(args, True)


def run_disable(args: argparse.Namespace) -> int:
    return _toggle(args, False)
