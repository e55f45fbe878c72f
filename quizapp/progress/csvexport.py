"""Results as CSV for spreadsheets: one row per answer, plus a learner x module summary next to it.

UTF-8 with a byte-order mark (so Excel reads Urdu names correctly), numbers written as numbers, times as
ISO-8601 local time (``2024-05-01 10:20:30``). Text that a spreadsheet would run as a formula (starting
with ``=``, ``+``, ``-``, ``@``) is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from quizapp.progress.bundle import atomic_output
from quizapp.progress.errors import StoreError
from quizapp.progress.records import Learner
from quizapp.progress.store import Store

ATTEMPT_COLUMNS = (
    "answered_at_local",
    "class_name",
    "learner_name",
    "learner_id",
    "pack_id",
    "pack_version",
    "module_id",
    "quiz_run_id",
    "question_id",
    "question_type",
    "answer",
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
    "status",
    "best_score_percent",
    "quiz_runs",
    "answers",
    "last_activity_local",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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


def _answer_text(answer_json: str) -> str:
    """A typed or chosen text as itself; lists and other answers as compact JSON."""
    try:
        value = json.loads(answer_json)
    except ValueError:
        return _text(answer_json)
    return _text(value if isinstance(value, str) else answer_json)


def _number(value: float | int | None) -> float | int | str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _write(out: Path, columns: tuple[str, ...], rows: list[list[Any]]) -> None:
    try:
        with atomic_output(out) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(columns)
            writer.writerows(rows)
    except OSError as exc:
        raise StoreError(f"Cannot write {out}: {exc.strerror or exc}.") from exc


def export_results_csv(store: Store, out: Path) -> tuple[Path, Path]:
    """Write the answers to ``out`` and the summary to ``<stem>-summary.csv``; return both paths."""
    snapshot = store.export_snapshot()
    class_names = {c["id"]: c["name"] for c in snapshot["classes"]}
    learners = {x["id"]: x for x in snapshot["learners"]}

    def class_of(learner_id: str) -> str:
        cid = learners[learner_id]["class_id"]
        return class_names.get(cid, "") if cid else ""

    def order(a: dict[str, Any]) -> tuple[str, str, str, str]:
        name = learners[a["learner_id"]]["display_name"]
        return class_of(a["learner_id"]).casefold(), name.casefold(), a["answered_at"], a["id"]

    attempts = sorted(snapshot["attempts"], key=order)
    rows: list[list[Any]] = []
    for a in attempts:
        correct = "" if a["correct"] is None else int(a["correct"])
        rows.append(
            [
                local_time(a["answered_at"]),
                _text(class_of(a["learner_id"])),
                _text(learners[a["learner_id"]]["display_name"]),
                a["learner_id"],
                a["pack_id"],
                a["pack_version"],
                a["module_id"],
                a["quiz_run_id"],
                a["question_id"],
                a["question_type"],
                _answer_text(a["answer_json"]),
                correct,
                a["rating"] or "",
                _number(a["points_earned"]),
                _number(a["points_possible"]),
                _number(round(a["time_ms"] / 1000, 3)),
                a["id"],
            ]
        )
    summary = store.class_summary(None, include_archived=True)
    by_id: dict[str, Learner] = {x.id: x for x in summary.learners}
    summary_rows: list[list[Any]] = []
    for cell in summary.cells.values():
        learner = by_id.get(cell.learner_id)
        if learner is None:
            continue
        summary_rows.append(
            [
                _text(class_of(learner.id)),
                _text(learner.display_name),
                learner.id,
                int(learner.archived),
                cell.pack_id,
                cell.module_id,
                cell.status,
                _number(None if cell.best_score is None else round(cell.best_score, 2)),
                cell.runs,
                cell.answers,
                local_time(cell.last_activity),
            ]
        )
    summary_rows.sort(key=lambda r: (str(r[0]).casefold(), str(r[1]).casefold(), r[2], r[4], r[5]))
    summary_out = summary_path_for(out)
    _write(out, ATTEMPT_COLUMNS, rows)
    _write(summary_out, SUMMARY_COLUMNS, summary_rows)
    return out, summary_out
