"""Results as CSV (one row per answer) and reading lists of learner names from files.

Files are written to a temporary file next to the target and moved into place, so a full USB stick or
a pulled-out cable never leaves half a file behind. CSV is UTF-8 with a byte-order mark so spreadsheet
programs show Urdu names correctly.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from quizapp.content.packs import Pack
from quizapp.progress.records import Attempt, Learner, SchoolClass
from quizapp.services.teacher.reports import AnswerWords, Moment, PackIndex, describe_answer, outcome_of

MAX_NAME_LENGTH = 60

CSV_COLUMNS = (
    "learner",
    "learner_id",
    "class",
    "pack",
    "module",
    "module_title",
    "question",
    "question_prompt",
    "question_type",
    "answer",
    "outcome",
    "points_earned",
    "points_possible",
    "seconds",
    "answered_at",
    "quiz_run_id",
)


class ExportStore(Protocol):
    def get_learner(self, learner_id: str) -> Learner: ...

    def list_learners(
        self, class_id: str | None = None, *, include_archived: bool = False
    ) -> list[Learner]: ...

    def list_classes(self, *, include_archived: bool = False) -> list[SchoolClass]: ...

    def attempts_for_learner(
        self,
        learner_id: str,
        *,
        pack_id: str | None = None,
        module_id: str | None = None,
        since: Moment | None = None,
        until: Moment | None = None,
    ) -> list[Attempt]: ...


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and ``os.replace``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def results_csv(
    store: ExportStore,
    packs: Sequence[Pack],
    learners: Iterable[Learner],
    *,
    language: str = "en",
    words: AnswerWords | None = None,
    since: Moment | None = None,
    until: Moment | None = None,
) -> tuple[str, int]:
    """Every answer of the learners given, one row each; returns the CSV text and the number of rows."""
    words = words or AnswerWords()
    index = PackIndex(packs)
    class_names = {c.id: c.name for c in store.list_classes(include_archived=True)}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    rows = 0
    for learner in learners:
        for attempt in store.attempts_for_learner(learner.id, since=since, until=until):
            question = index.question(attempt.pack_id, attempt.module_id, attempt.question_id)
            default = index.default_language(attempt.pack_id)
            writer.writerow(
                (
                    learner.display_name,
                    learner.id,
                    class_names.get(learner.class_id or "", ""),
                    attempt.pack_id,
                    attempt.module_id,
                    index.module_title(attempt.pack_id, attempt.module_id, language),
                    attempt.question_id,
                    index.question_prompt(attempt.pack_id, attempt.module_id, attempt.question_id, language),
                    attempt.question_type,
                    describe_answer(question, attempt.answer, language, default, words),
                    outcome_of(attempt),
                    f"{attempt.points_earned:g}",
                    f"{attempt.points_possible:g}",
                    f"{attempt.time_ms / 1000:.1f}",
                    attempt.answered_at,
                    attempt.quiz_run_id,
                )
            )
            rows += 1
    return buffer.getvalue(), rows


def save_results_csv(
    path: Path,
    store: ExportStore,
    packs: Sequence[Pack],
    learners: Iterable[Learner],
    **options: object,
) -> int:
    """Write the results CSV to ``path`` (atomically); returns the number of answers written."""
    text, rows = results_csv(store, packs, learners, **options)  # type: ignore[arg-type]
    write_atomic(Path(path), text.encode("utf-8-sig"))
    return rows


# ------------------------------------------------------------------------------------------- names
@dataclass(slots=True)
class NameList:
    """Names read from a file, and the lines that were left out with why."""

    names: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)  # (line, text, reason code)


_HEADER_WORDS = {
    "name",
    "names",
    "learner",
    "learners",
    "student",
    "students",
    "pupil",
    "display_name",
    "نام",
}


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(
            "the file is not UTF-8 text; save it again as 'CSV UTF-8' (or UTF-8 text) and try again"
        ) from exc


def read_names(path: Path) -> NameList:
    """Learner names from a .csv (the column headed 'name', else the first column) or a .txt file (one name
    a line). Raises ``ValueError`` with a readable message when the file cannot be read."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValueError(f"the file cannot be read: {exc.strerror or exc}") from exc
    text = _decode(data)
    result = NameList()
    seen: set[str] = set()
    rows: list[list[str]]
    if Path(path).suffix.lower() == ".csv":
        try:
            dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        rows = list(csv.reader(io.StringIO(text), dialect))
    else:
        rows = [[line] for line in text.splitlines()]
    column = 0
    start = 0
    if rows:
        header = [cell.strip().casefold() for cell in rows[0]]
        for position, cell in enumerate(header):
            if cell in _HEADER_WORDS:
                column, start = position, 1
                break
    for number, cells in enumerate(rows[start:], start + 1):
        raw = cells[column] if column < len(cells) else ""
        name = " ".join(raw.split())
        if not name:
            continue
        if len(name) > MAX_NAME_LENGTH:
            result.skipped.append((number, name, "too_long"))
            continue
        key = name.casefold()
        if key in seen:
            result.skipped.append((number, name, "repeated"))
            continue
        seen.add(key)
        result.names.append(name)
    return result
