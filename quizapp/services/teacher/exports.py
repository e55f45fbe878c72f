"""Results as CSV with the packs' words: module titles, question prompts and answers as the teacher reads
them, in the teacher's language.

The CSV itself (columns, UTF-8 with BOM, numbers as numbers, local ISO times, the summary file, writing
atomically) is the store's one export, ``quizapp.progress.csvexport``; this module gives it the labels.
The teacher area and ``quizapp results export --format csv`` both come through here, so they write the
same files.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from quizapp.content.packs import Pack
from quizapp.progress.csvexport import CsvExport, export_results_csv
from quizapp.progress.records import Attempt, Learner
from quizapp.progress.store import Moment, Store
from quizapp.services.teacher.reports import AnswerWords, PackIndex, describe_answer


class PackLabels:
    """``CsvLabels`` from the packs: every student module, titles, prompts and answers in words."""

    def __init__(self, packs: Sequence[Pack], language: str, words: AnswerWords | None = None) -> None:
        self._index = PackIndex(packs)
        self._language = language
        self._words = words or AnswerWords()

    def modules(self) -> Sequence[tuple[str, str]]:
        return [
            (pack.id, module.id)
            for pack in self._index.packs
            for module in pack.modules
            if module.audience == "students"
        ]

    def module_title(self, pack_id: str, module_id: str) -> str:
        return self._index.module_title(pack_id, module_id, self._language)

    def question_prompt(self, pack_id: str, module_id: str, question_id: str) -> str:
        return self._index.question_prompt(pack_id, module_id, question_id, self._language)

    def answer_text(self, attempt: Attempt) -> str:
        question = self._index.question(attempt.pack_id, attempt.module_id, attempt.question_id)
        default = self._index.default_language(attempt.pack_id)
        return describe_answer(question, attempt.answer, self._language, default, self._words)


def save_results_csv(
    path: Path,
    store: Store,
    packs: Sequence[Pack],
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
        labels=PackLabels(packs, language, words),
    )
