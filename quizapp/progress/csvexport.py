"""Results as CSV for spreadsheets: one row per answer, plus a learner x module summary next to it.

The one CSV export of quizapp: ``quizapp results export --format csv`` and the teacher area both write it.
UTF-8 with a byte-order mark (so Excel reads Urdu names correctly), numbers written as numbers, times as
ISO-8601 local time (``2024-05-01 10:20:30``). Text that a spreadsheet would run as a formula (starting
with ``=``, ``+``, ``-``, ``@``) is prefixed with an apostrophe. Both files are written to temporary files
and moved into place only when both are complete.

The store knows ids, not the packs' words: a ``CsvLabels`` given by the caller (the teacher services build
one from the packs) adds module titles, question prompts and answers in words, and the student modules to
list in the summary even where nobody has started them.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from quizapp.progress.bundle import atomic_output
from quizapp.progress.errors import StoreError
from quizapp.progress.records import Attempt, Learner, SummaryCell
from quizapp.progress.store import Moment, Store

ATTEMPT_COLUMNS = (
    "answered_at_local",
    "class_name",
    "learner_name",
    "learner_id",
    "pack_id",
    "pack_version",
    "module_id",
    "module_title",
    "quiz_run_id",
    "question_id",
    "question_type",
    "question_prompt",
    "answer",
    "answer_data",
    "outcome",
    "correct",
    "rating",
    "points_earned",
    "points_possible",
    "time_seconds",
    "attempt_id",
)
SUMMARY_COLUMNS = (
    "class_name",
    "learner_name",
    "learner_id",
    "archived",
    "pack_id",
    "module_id",
    "module_title",
    "status",
    "best_score_percent",
    "quiz_runs",
    "answers",
    "last_activity_local",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class CsvLabels(Protocol):
    """What the export says about the packs' content, in the reader's language."""

    def modules(self) -> Sequence[tuple[str, str]]:
        """(pack id, module id) of the modules every learner has a summary row for, in order."""
        ...

    def module_title(self, pack_id: str, module_id: str) -> str: ...

    def question_prompt(self, pack_id: str, module_id: str, question_id: str) -> str: ...

    def answer_text(self, attempt: Attempt) -> str:
        """The answer as a teacher reads it."""
        ...


class PlainLabels:
    """Labels without the packs: no titles or prompts, answers as typed or as compact JSON."""

    def modules(self) -> Sequence[tuple[str, str]]:
        return ()

    def module_title(self, pack_id: str, module_id: str) -> str:
        return ""

    def question_prompt(self, pack_id: str, module_id: str, question_id: str) -> str:
        return ""

    def answer_text(self, attempt: Attempt) -> str:
        try:
            value = json.loads(attempt.answer_json)
        except ValueError:
            return attempt.answer_json
        return value if isinstance(value, str) else attempt.answer_json


@dataclass(frozen=True, slots=True)
class CsvExport:
    """The two files written and how many rows each holds (headings not counted)."""

    answers: Path
    summary: Path
    answer_rows: int
    summary_rows: int


def summary_path_for(out: Path) -> Path:
    """``results.csv`` -> ``results-summary.csv``."""
    return out.with_name(f"{out.stem}-summary{out.suffix or '.csv'}")


def local_time(stamp: str | None) -> str:
    if not stamp:
        return ""
    moment = datetime.fromisoformat(stamp).astimezone()
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _text(value: str | None) -> str:
    if not value:
        return ""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _number(value: float | int | None) -> float | int | str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _learners(store: Store, learner_ids: Collection[str] | None) -> list[Learner]:
    everyone = store.people.list_learners(include_archived=True)
    if learner_ids is None:
        return everyone
    wanted = set(learner_ids)
    return [x for x in everyone if x.id in wanted]


def answer_rows(
    store: Store,
    learners: Sequence[Learner],
    class_names: dict[str, str],
    labels: CsvLabels,
    *,
    since: Moment | None = None,
    until: Moment | None = None,
) -> Iterator[list[Any]]:
    """One row per answer of ``learners`` (in the order given, each oldest first), as ATTEMPT_COLUMNS;
    produced one learner at a time, so a whole school's answers are never held at once."""
    for learner in learners:
        class_name = class_names.get(learner.class_id or "", "")
        for a in store.runs.attempts_for_learner(learner.id, since=since, until=until):
            yield (
                [
                    local_time(a.answered_at),
                    _text(class_name),
                    _text(learner.display_name),
                    learner.id,
                    a.pack_id,
                    a.pack_version,
                    a.module_id,
                    _text(labels.module_title(a.pack_id, a.module_id)),
                    a.quiz_run_id,
                    a.question_id,
                    a.question_type,
                    _text(labels.question_prompt(a.pack_id, a.module_id, a.question_id)),
                    _text(labels.answer_text(a)),
                    _text(a.answer_json),
                    a.outcome,
                    "" if a.correct is None else int(a.correct),
                    a.rating or "",
                    _number(a.points_earned),
                    _number(a.points_possible),
                    _number(round(a.time_ms / 1000, 3)),
                    a.id,
                ]
            )


def summary_rows(
    store: Store,
    learners: Sequence[Learner],
    class_names: dict[str, str],
    labels: CsvLabels,
    *,
    since: Moment | None = None,
    until: Moment | None = None,
) -> list[list[Any]]:
    """One row per learner and module, as SUMMARY_COLUMNS: the labels' modules for everyone, plus any other
    module a learner has activity in."""
    summary = store.reports.class_summary(None, since=since, until=until, include_archived=True)
    listed = list(labels.modules())
    rows: list[list[Any]] = []
    for learner in learners:
        keys = listed + sorted(
            {(c.pack_id, c.module_id) for c in summary.cells.values() if c.learner_id == learner.id}
            - set(listed)
        )
        for pack_id, module_id in keys:
            cell: SummaryCell = summary.cell(learner.id, pack_id, module_id)
            rows.append(
                [
                    _text(class_names.get(learner.class_id or "", "")),
                    _text(learner.display_name),
                    learner.id,
                    int(learner.archived),
                    pack_id,
                    module_id,
                    _text(labels.module_title(pack_id, module_id)),
                    cell.status,
                    _number(None if cell.best_score is None else round(cell.best_score, 2)),
                    cell.runs,
                    cell.answers,
                    local_time(cell.last_activity),
                ]
            )
    return rows


def _write(fh_path: Path, columns: tuple[str, ...], rows: Iterable[list[Any]]) -> int:
    """Write the rows as they come; return how many."""
    n = 0
    with fh_path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(row)
            n += 1
    return n


def export_results_csv(
    store: Store,
    out: Path,
    *,
    learner_ids: Collection[str] | None = None,
    since: Moment | None = None,
    until: Moment | None = None,
    labels: CsvLabels | None = None,
) -> CsvExport:
    """Write the answers to ``out`` and the summary to ``<stem>-summary.csv``.

    ``learner_ids`` None means every learner, archived ones too; ``since`` (inclusive) and ``until``
    (exclusive) limit both files to activity in that time. Learners are sorted by class, then name.
    ``StoreError`` with the file name when a file cannot be written (then neither file is changed).
    """
    labels = labels or PlainLabels()
    class_names = {c.id: c.name for c in store.people.list_classes(include_archived=True)}
    learners = sorted(
        _learners(store, learner_ids),
        key=lambda x: (class_names.get(x.class_id or "", "").casefold(), x.display_name.casefold(), x.id),
    )
    answers = answer_rows(store, learners, class_names, labels, since=since, until=until)
    summary = summary_rows(store, learners, class_names, labels, since=since, until=until)
    summary_out = summary_path_for(out)
    target = out  # the file being written or moved into place, for the message
    try:
        with atomic_output(out) as tmp_answers:
            target = summary_out
            with atomic_output(summary_out) as tmp_summary:
                _write(tmp_summary, SUMMARY_COLUMNS, summary)
                target = out
                answer_count = _write(tmp_answers, ATTEMPT_COLUMNS, answers)
                target = summary_out  # moved into place first, then the answers
            target = out
    except OSError as exc:
        raise StoreError(f"Cannot write {target}: {exc.strerror or exc}.") from exc
    return CsvExport(out, summary_out, answer_count, len(summary))
