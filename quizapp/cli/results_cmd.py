"""``quizapp [--data-dir DIR] results export|import``: move learners' results between computers.

``export --out FILE`` writes one results file (zip, or plain JSON for ``.json``) or, with ``--format csv``
or a ``.csv`` name, a spreadsheet of answers plus ``<name>-summary.csv``. ``import FILE...`` merges results
files; each is all-or-nothing and importing the same file twice changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizapp.cli.main import UsageError, data_dir_from
from quizapp.cli.opened import report_open, require_data
from quizapp.cli.results_measures import register_measures
from quizapp.services.records import StoreError

if TYPE_CHECKING:
    from quizapp.services.records import Store
    from quizapp.services.transfer import CsvExport


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "results",
        help="export learners' results to a file, or import results files from other computers",
        description="Export every learner's results from this computer, or merge results files exported on "
        "other computers into this one.",
    )
    actions = parser.add_subparsers(dest="results_action", title="actions", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        help="write all classes, learners, answers and progress to one file",
        description="Write all classes, learners, answers and module progress to FILE: a zip file (the "
        "default), plain JSON (--format json or a .json name), or CSV for spreadsheets (--format csv or a "
        ".csv name; answers in words with module titles from the packs, the same file the teacher area "
        "saves; a second file NAME-summary.csv holds one row per learner and module). "
        "Works while quizapp is open. Exit 0 when written, 1 when it could not be.",
    )
    export.add_argument(
        "--out", required=True, metavar="FILE", help="the file to write (replaced if it exists)"
    )
    export.add_argument(
        "--format",
        choices=("zip", "json", "csv"),
        help="default: from FILE's extension (.json, .csv, else zip)",
    )
    export.set_defaults(handler=run_export)
    imp = actions.add_parser(
        "import",
        help="merge results files from other computers into this one",
        description="Merge results files into this computer's data. Records with the same id are the same "
        "record, so importing a file twice changes nothing. A damaged or edited file is refused as a whole. "
        "Learners with the same name and class but different ids are listed for you to check; they are "
        "never merged. A backup is made first. Exit 0 when every file was imported, 1 otherwise.",
    )
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.set_defaults(handler=run_import)
    register_measures(actions)


def export_format(out: Path, requested: str | None) -> str:
    if requested:
        return requested
    suffix = out.suffix.lower()
    return {".json": "json", ".csv": "csv"}.get(suffix, "zip")


def run_export(args: argparse.Namespace) -> int:
    from quizapp.services.records import Store
    from quizapp.services.transfer import export_results

    out = Path(args.out)
    if out.is_dir():
        raise UsageError(f"--out {out} is a folder; give a file name, for example {out / 'results.zip'}")
    fmt = export_format(out, args.format)
    try:
        require_data(data_dir_from(args))
        with Store.open(data_dir_from(args), fallback_read_only=True) as store:
            report_open(store)
            if fmt == "csv":
                saved = _export_csv(store, out)
                print(f"wrote {saved.answers} ({saved.answer_rows} answer(s)) and {saved.summary}")
            else:
                manifest = export_results(store, out, fmt="json" if fmt == "json" else "zip")
                counts = manifest["counts"]
                print(
                    f"wrote {out}: {counts['learners']} learner(s) in {counts['classes']} class(es), "
                    f"{counts['attempts']} answer(s), {counts['quiz_runs']} quiz run(s)"
                )
    except StoreError as exc:
        print(f"quizapp: error: {exc}", file=sys.stderr)
        return 1
    return 0


def _export_csv(store: Store, out: Path) -> CsvExport:
    """The teacher area's CSV: module titles, prompts and answers in words from the packs found here."""
    from quizapp.paths import builtin_packs_dir
    from quizapp.services.library import PackLibrary
    from quizapp.services.teacher.exports import save_results_csv

    packs = PackLibrary(builtin_packs_dir(), store.data_dir / "packs").packs
    return save_results_csv(out, store, packs, language=store.settings.default_language)


def run_import(args: argparse.Namespace) -> int:
    from quizapp.services.records import Store
    from quizapp.services.transfer import describe_report, import_results

    paths = [Path(f) for f in args.files]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise UsageError(f"no such file: {missing[0]}")
    try:
        with Store.open(data_dir_from(args)) as store:
            report_open(store)
            store.backup_now()
            outcomes = import_results(store, paths)
            missing_packs = _missing_packs(store, data_dir_from(args))
    except StoreError as exc:
        print(f"quizapp: error: {exc}", file=sys.stderr)
        return 1
    failed = 0
    for outcome in outcomes:
        if outcome.report is not None:
            for line in describe_report(outcome.report):
                print(line)
        else:
            failed += 1
            print(f"quizapp: error: {outcome.error}", file=sys.stderr)
    for pack_id, title in sorted(missing_packs.items()):
        print(
            f"pack not installed here: {title!r} ({pack_id}); its results show with the titles the file "
            "carried. Install the pack to see its lessons and questions."
        )
    return 1 if failed else 0


def _missing_packs(store: Any, data_dir: Path) -> dict[str, str]:
    """Packs with results here (by the words results files brought) that this computer does not have."""
    from quizapp.paths import builtin_packs_dir
    from quizapp.services.library import PackLibrary
    from quizapp.services.transfer import missing_packs

    library = PackLibrary(builtin_packs_dir(), data_dir / "packs")
    return missing_packs(store, [pack.id for pack in library.packs])
