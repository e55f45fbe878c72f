"""Results as CSV with the packs' words: module titles, question prompts and answers as the teacher reads
them, in the teacher's language.

The CSV itself (columns, UTF-8 with BOM, numbers as numbers, local ISO times, the summary file, writing
atomically) is the store's one export, ``quizapp.progress.csvexport``; this module gives it the labels.
The teacher area and ``quizapp results export --format csv`` both come through here, so they write the
same files.
"""

from __future__ import annotations

import csv
import errno
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from quizapp.progress import module_titles
from quizapp.progress.csvexport import CsvExport, export_results_csv
from quizapp.progress.module_titles import Catalogue
from quizapp.progress.records import Attempt, Learner
from quizapp.progress.store import Moment, Store
from quizapp.services.teacher.reports import (
    AnswerWords,
    PackIndex,
    PackSource,
    ResultsGrid,
    module_headings,
)


class PackLabels:
    """``CsvLabels`` from the packs: every student module, titles, prompts and answers in words."""

    def __init__(
        self,
        packs: Sequence[PackSource],
        language: str,
        words: AnswerWords | None = None,
        catalogue: Catalogue | None = None,
    ) -> None:
        self._index = PackIndex(packs, catalogue)
        self._language = language
        self._words = words or AnswerWords()

    def modules(self) -> Sequence[tuple[str, str]]:
        return [
            (pack.id, module.id)
            for pack in self._index.packs
            for module in module_headings(pack)
            if module.audience == "students"
        ]

    def module_title(self, pack_id: str, module_id: str) -> str:
        return self._index.module_title(pack_id, module_id, self._language)

    def question_prompt(self, pack_id: str, module_id: str, question_id: str) -> str:
        return self._index.question_prompt(pack_id, module_id, question_id, self._language)

    def answer_text(self, attempt: Attempt) -> str:
        return self._index.answer_text(
            attempt.pack_id,
            attempt.module_id,
            attempt.question_id,
            attempt.answer,
            self._language,
            self._words,
        )


def save_results_csv(
    path: Path,
    store: Store,
    packs: Sequence[PackSource],
    learners: Iterable[Learner] | None = None,
    *,
    language: str = "en",
    words: AnswerWords | None = None,
    since: Moment | None = None,
    until: Moment | None = None,
) -> CsvExport:
    """Write the answers of ``learners`` (everyone when None) to ``path`` and the learner x module summary
    to ``<name>-summary.csv``; ``StoreError`` says which file could not be written."""
    ids = None if learners is None else {learner.id for learner in learners}
    return export_results_csv(
        store,
        Path(path),
        learner_ids=ids,
        since=since,
        until=until,
        labels=PackLabels(packs, language, words, module_titles.catalogue(store)),
    )


# ------------------------------------------------------------------------------------------ wide CSV
def write_csv(out: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """A spreadsheet-ready CSV (UTF-8 with a byte-order mark, so Excel shows Urdu): written to a temporary
    file next to ``out``, flushed to disk, then renamed over it, so no half-written file is ever left.
    ``OSError`` when it cannot be written."""
    out = Path(out)
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, f"the folder {parent} does not exist", str(parent))
    fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(name, out)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


@dataclass(frozen=True, slots=True)
class WideHeadings:
    """The first columns' headings, in the teacher's language."""

    learner: str = "Learner"
    father_name: str = "Father's name"
    roll_number: str = "Roll number"
    class_name: str = "Class"
    passed: str = "Modules passed"


def save_wide_csv(
    path: Path,
    grid: ResultsGrid,
    *,
    class_names: Mapping[str, str],
    language: str = "en",
    headings: WideHeadings | None = None,
) -> int:
    """One row per learner and a column per module (as Moodle's grades export): the best score in percent
    (empty when the module was not started), then the number of modules passed. Returns the rows written."""
    words = headings or WideHeadings()
    header = [words.learner, words.father_name, words.roll_number, words.class_name]
    header += [column.title_in(language) for column in grid.columns]
    header.append(words.passed)
    rows = []
    for row in grid.rows:
        learner = row.learner
        cells: list[object] = [
            learner.display_name,
            learner.father_name,
            learner.roll_number,
            class_names.get(learner.class_id or "", ""),
        ]
        cells += [
            "" if cell.status == "not_started" or cell.best_score is None else round(cell.best_score, 1)
            for cell in row.cells
        ]
        cells.append(row.passed)
        rows.append(cells)
    write_csv(path, header, rows)
    return len(rows)
