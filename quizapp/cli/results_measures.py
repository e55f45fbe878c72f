"""``quizapp results gain|analysis|summary --out FILE.csv``: did the modules make anyone safer?

``gain`` writes per class and module the learners with both check runs, mean before and after, the gain and
the normalised gain; ``analysis`` writes each quiz question's facility, discrimination and options chosen;
``summary`` writes counts, means and gains by class, age band and module with no names or ids, for a programme
to combine schools. Each works on an empty data folder (a header only).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from quizapp.cli.main import UsageError, data_dir_from
from quizapp.cli.opened import report_open
from quizapp.services.records import StoreError


def register_measures(actions: Any) -> None:
    gain = actions.add_parser(
        "gain",
        help="learning gain per class and module (check questions before and after), as CSV",
        description="Write one row per class and module: learners who answered the check questions both "
        "before the lesson and after the quiz, mean score before (pre) and after (post), gain and normalised "
        "gain ((post - pre) / (100 - pre)). Exit 0 when written.",
    )
    gain.add_argument("--out", required=True, metavar="FILE", help="the CSV file to write")
    gain.add_argument("--class", dest="class_name", metavar="NAME", help="only this class")
    gain.set_defaults(handler=run_gain)
    analysis = actions.add_parser(
        "analysis",
        help="item analysis of quiz questions (facility, discrimination, options chosen), as CSV",
        description="Write one row per quiz question answered, from each learner's first finished go at the "
        "module: facility (mean score, percent), discrimination (correlation with the rest of the quiz; "
        "'poor discrimination' below 0.2) and how often each option was chosen. Exit 0 when written.",
    )
    analysis.add_argument("--out", required=True, metavar="FILE", help="the CSV file to write")
    analysis.add_argument("--class", dest="class_name", metavar="NAME", help="only this class")
    analysis.set_defaults(handler=run_analysis)
    summary = actions.add_parser(
        "summary",
        help="counts, means and gains by class, age band and module, with no names or ids, as CSV",
        description="Write counts, mean scores and learning gains by class, age band and module, with no "
        "learner names or ids, so results from many schools can be combined. Exit 0 when written.",
    )
    summary.add_argument("--out", required=True, metavar="FILE", help="the CSV file to write")
    summary.add_argument(
        "--no-school", action="store_true", help="leave the school name (from the teacher settings) out"
    )
    summary.add_argument(
        "--min-group",
        type=int,
        metavar="N",
        help="leave out figures drawn from fewer than N learners, so no child can be picked out by class "
        "and age (default 5; 1 leaves nothing out)",
    )
    summary.set_defaults(handler=run_summary)


def _out(args: argparse.Namespace) -> Path:
    out = Path(args.out)
    if out.is_dir():
        raise UsageError(f"--out {out} is a folder; give a file name, for example {out / 'results.csv'}")
    return out


def _class_id(store: Any, name: str | None) -> str | None:
    if name is None:
        return None
    found = store.people.find_class(name)
    if found is None:
        names = ", ".join(c.name for c in store.people.list_classes()) or "none yet"
        raise UsageError(f"there is no class called {name!r} (classes: {names})")
    return str(found.id)


def run_gain(args: argparse.Namespace) -> int:
    from quizapp.services.records import Store
    from quizapp.services.teacher.measures import learning_gain, write_gain_csv

    out = _out(args)
    try:
        with Store.open(data_dir_from(args), fallback_read_only=True) as store:
            report_open(store)
            rows = write_gain_csv(out, learning_gain(store, _class_id(store, args.class_name)))
    except StoreError as exc:
        print(f"quizapp: error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {out}: {rows} class and module row(s)")
    return 0


def run_analysis(args: argparse.Namespace) -> int:
    from quizapp.paths import builtin_packs_dir
    from quizapp.services.library import PackLibrary
    from quizapp.services.records import Store
    from quizapp.services.teacher.measures import item_analysis, write_analysis_csv

    out = _out(args)
    try:
        with Store.open(data_dir_from(args), fallback_read_only=True) as store:
            report_open(store)
            packs = PackLibrary(builtin_packs_dir(), store.data_dir / "packs").packs
            stats = item_analysis(store, packs, _class_id(store, args.class_name))
            rows = write_analysis_csv(out, stats)
    except StoreError as exc:
        print(f"quizapp: error: {exc}", file=sys.stderr)
        return 1
    poor = [s for s in stats if s.poor]
    print(f"wrote {out}: {rows} question(s), {len(poor)} with poor discrimination")
    for s in poor:
        print(
            f"  check the wording of {s.pack_id}/{s.module_id}/{s.question_id}: "
            f"discrimination {s.discrimination}"
        )
    return 0


def run_summary(args: argparse.Namespace) -> int:
    from quizapp.services.records import Store
    from quizapp.services.teacher.measures import MIN_GROUP, programme_summary, write_summary_csv

    out = _out(args)
    try:
        with Store.open(data_dir_from(args), fallback_read_only=True) as store:
            report_open(store)
            smallest = MIN_GROUP if args.min_group is None else max(1, args.min_group)
            summary = programme_summary(store, min_group=smallest)
            rows = write_summary_csv(out, summary, with_school=not args.no_school)
    except StoreError as exc:
        print(f"quizapp: error: {exc}", file=sys.stderr)
        return 1
    withheld = sum(1 for row in summary if row.note)
    print(
        f"wrote {out}: {rows} row(s), no names or ids"
        + (f"; figures of {withheld} small group(s) left out (see the note column)" if withheld else "")
    )
    return 0
