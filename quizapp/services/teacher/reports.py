"""What the teacher reads about results: the class grid, one learner's answers and per-question figures.

Everything here is plain data built from the progress store and the packs; the app and the printed
reports turn it into words in the teacher's language.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from quizapp.content import qtypes
from quizapp.content.models import AnyQuestion, Module
from quizapp.content.packs import Pack
from quizapp.content.qtypes.base import AnswerWords as AnswerWords
from quizapp.content.richtext import to_plain
from quizapp.content.text import LText
from quizapp.progress import module_titles
from quizapp.progress.module_titles import Catalogue
from quizapp.progress.records import (
    Attempt,
    Learner,
    ModuleProgress,
    Outcome,
    QuestionStat,
    QuizRun,
    Status,
    SummaryCell,
    to_utc_iso,
)
from quizapp.progress.store import Moment, Store
from quizapp.services.library import CataloguePack

# ------------------------------------------------------------------------------------------- finding
PackSource = Pack | CataloguePack
"""A whole pack, or a pack of the catalogue: its titles and counts from the catalogue's cache, a module's
questions read from its file only when one is asked for (a teacher page listing titles reads no module)."""


@dataclass(frozen=True, slots=True)
class ModuleHeading:
    """What a list or a grid column shows about a module (no question is read for it)."""

    id: str
    title: LText
    audience: str
    questions: int


def module_headings(pack: PackSource) -> list[ModuleHeading]:
    """A pack's modules in order, from the catalogue's cache when the pack comes from it."""
    if isinstance(pack, CataloguePack):
        return [ModuleHeading(m.id, m.title_text, m.audience, m.questions) for m in pack.facts.modules]
    return [ModuleHeading(m.id, m.title, m.audience, len(m.quiz.questions)) for m in pack.modules]


class PackIndex:
    """Packs by id, with lookups of modules and questions by their ids. Titles come from the catalogue's
    cache; a module is read (once) only when one of its questions or options is asked for. ``catalogue``
    (the words results files brought, see ``progress.module_titles``) names modules, questions and options
    of packs that are not installed here."""

    def __init__(self, packs: Iterable[PackSource], catalogue: Catalogue | None = None) -> None:
        self.packs = list(packs)
        self._by_id = {p.id: p for p in self.packs}
        self._headings: dict[str, dict[str, ModuleHeading]] = {}
        self._words = catalogue or {}

    def pack(self, pack_id: str) -> PackSource | None:
        return self._by_id.get(pack_id)

    def heading(self, pack_id: str, module_id: str) -> ModuleHeading | None:
        """A module's title and question count, without reading the module."""
        pack = self._by_id.get(pack_id)
        if pack is None:
            return None
        if pack_id not in self._headings:
            self._headings[pack_id] = {h.id: h for h in module_headings(pack)}
        return self._headings[pack_id].get(module_id)

    def module(self, pack_id: str, module_id: str) -> Module | None:
        """The whole module (its questions read from its file the first time)."""
        pack = self._by_id.get(pack_id)
        return None if pack is None else pack.module(module_id)

    def question(self, pack_id: str, module_id: str, question_id: str) -> AnyQuestion | None:
        module = self.module(pack_id, module_id)
        if module is None:
            return None
        return next((q for q in module.quiz.questions if q.id == question_id), None)

    def default_language(self, pack_id: str) -> str:
        pack = self._by_id.get(pack_id)
        if pack is None:
            return str(self._words.get(pack_id, {}).get("default_language", "en"))
        return pack.default_language

    def _remembered(self, pack_id: str, module_id: str) -> dict[str, Any]:
        found = self._words.get(pack_id, {}).get("modules", {}).get(module_id)
        return found if isinstance(found, dict) else {}

    def _pick(self, texts: Any, language: str, pack_id: str) -> str:
        if not isinstance(texts, dict) or not texts:
            return ""
        default = self.default_language(pack_id)
        return str(texts.get(language) or texts.get(default) or next(iter(texts.values())))

    def module_title_text(self, pack_id: str, module_id: str) -> LText | None:
        """A module's title: from its pack, else as a results file brought it, else None."""
        heading = self.heading(pack_id, module_id)
        if heading is not None:
            return heading.title
        titles = self._remembered(pack_id, module_id).get("title")
        return LText(titles) if isinstance(titles, dict) and titles else None

    def module_title(self, pack_id: str, module_id: str, language: str) -> str:
        heading = self.heading(pack_id, module_id)
        if heading is None:
            return (
                self._pick(self._remembered(pack_id, module_id).get("title"), language, pack_id) or module_id
            )
        return heading.title.get_text(language, self.default_language(pack_id))

    def question_prompt(self, pack_id: str, module_id: str, question_id: str, language: str) -> str:
        question = self.question(pack_id, module_id, question_id)
        if question is None:
            remembered = self._remembered(pack_id, module_id).get("questions", {}).get(question_id, {})
            return self._pick(remembered.get("prompt"), language, pack_id) or question_id
        return to_plain(question.prompt.get_text(language, self.default_language(pack_id)))

    def answer_text(
        self, pack_id: str, module_id: str, question_id: str, answer: Any, language: str, words: AnswerWords
    ) -> str:
        """A learner's answer in words: from the pack, else with the option texts a results file brought."""
        question = self.question(pack_id, module_id, question_id)
        default = self.default_language(pack_id)
        if question is not None:
            return describe_answer(question, answer, language, default, words)
        remembered = self._remembered(pack_id, module_id).get("questions", {}).get(question_id, {})
        options = remembered.get("options") or {}
        value = _unwrap_answer(answer)
        if isinstance(value, bool) or (isinstance(value, str) and value.lower() in ("true", "false")):
            truth = value if isinstance(value, bool) else value.lower() == "true"
            return words.true if truth else words.false
        chosen = value if isinstance(value, list) else [value]
        if options and all(isinstance(c, str | int) and str(c) in options for c in chosen):
            return words.separator.join(self._pick(options[str(c)], language, pack_id) for c in chosen)
        return describe_answer(None, answer, language, default, words)


# ----------------------------------------------------------------------------------------- the grid
@dataclass(frozen=True, slots=True)
class GridColumn:
    pack_id: str
    module_id: str
    title: LText
    default_language: str
    questions: int

    @property
    def key(self) -> tuple[str, str]:
        return (self.pack_id, self.module_id)

    def title_in(self, language: str) -> str:
        return self.title.get_text(language, self.default_language)


@dataclass(frozen=True, slots=True)
class GridRow:
    learner: Learner
    cells: tuple[SummaryCell, ...]  # one per column

    @property
    def passed(self) -> int:
        return sum(1 for c in self.cells if c.status == "passed")


@dataclass(frozen=True, slots=True)
class ResultsGrid:
    """Learners x modules, in pack and module order."""

    columns: tuple[GridColumn, ...]
    rows: tuple[GridRow, ...]

    def column_counts(self, index: int) -> dict[Status, int]:
        counts: dict[Status, int] = {"not_started": 0, "in_progress": 0, "passed": 0}
        for row in self.rows:
            counts[row.cells[index].status] += 1
        return counts


def results_grid(
    store: Store,
    packs: Sequence[PackSource],
    *,
    class_id: str | None = None,
    pack_ids: Collection[str] | None = None,
    since: Moment | None = None,
    until: Moment | None = None,
    include_archived: bool = False,
) -> ResultsGrid:
    """The class grid: every student module of the packs given (all when ``pack_ids`` is None), plus any
    module someone has answers in, so no result is hidden by switching a pack off."""
    summary = store.reports.class_summary(
        class_id, since=since, until=until, include_archived=include_archived
    )
    columns: list[GridColumn] = []
    seen: set[tuple[str, str]] = set()
    for pack in packs:
        if pack_ids is not None and pack.id not in pack_ids:
            continue
        for module in module_headings(pack):
            if module.audience != "students":
                continue
            columns.append(
                GridColumn(pack.id, module.id, module.title, pack.default_language, module.questions)
            )
            seen.add((pack.id, module.id))
    index = PackIndex(packs, module_titles.catalogue(store))
    for pack_id, module_id in summary.modules:
        if (pack_id, module_id) in seen:
            continue
        found = index.heading(pack_id, module_id)
        title = index.module_title_text(pack_id, module_id) or LText.plain(module_id)
        count = found.questions if found is not None else 0
        columns.append(GridColumn(pack_id, module_id, title, index.default_language(pack_id), count))
        seen.add((pack_id, module_id))
    rows = []
    for learner in summary.learners:
        cells = tuple(summary.cell(learner.id, column.pack_id, column.module_id) for column in columns)
        rows.append(GridRow(learner, cells))
    return ResultsGrid(tuple(columns), tuple(rows))


# ---------------------------------------------------------------------------------------- answers
def _unwrap_answer(answer: Any) -> Any:
    """Answers may be stored bare or in a small mapping such as ``{"choice": "b"}``."""
    if isinstance(answer, dict) and len(answer) == 1:
        key = next(iter(answer))
        if key in ("choice", "choices", "option", "options", "value", "text", "order", "answer"):
            return answer[key]
    return answer


def describe_answer(
    question: AnyQuestion | None, answer: Any, language: str, default_language: str, words: AnswerWords
) -> str:
    """A learner's answer in words (option texts, not ids)."""
    answer = _unwrap_answer(answer)
    if answer is None or answer == "" or answer == []:
        return words.nothing
    if question is not None:
        with contextlib.suppress(KeyError):
            kind = qtypes.kind_of(question)
            return kind.answer_text(
                question,
                answer,
                words,
                lambda t: to_plain(t.get_text(language, default_language)) if t else "",
            )
    if isinstance(answer, str):
        return answer
    if isinstance(answer, list):
        return words.separator.join(str(a) for a in answer)
    return json.dumps(answer, ensure_ascii=False)


# ------------------------------------------------------------------------------------ one learner
@dataclass(frozen=True, slots=True)
class AnswerLine:
    attempt: Attempt
    prompt: str
    answer_text: str
    outcome: Outcome


@dataclass(frozen=True, slots=True)
class RunDetail:
    run: QuizRun
    module_title: str
    answers: tuple[AnswerLine, ...]


@dataclass(frozen=True, slots=True)
class ModuleLine:
    pack_id: str
    module_id: str
    title: str
    progress: ModuleProgress


@dataclass(frozen=True, slots=True)
class LearnerDetail:
    learner: Learner
    modules: tuple[ModuleLine, ...]
    runs: tuple[RunDetail, ...]


def _in_range(moment: str, since: str | None, until: str | None) -> bool:
    return (since is None or moment >= since) and (until is None or moment < until)


def learner_detail(
    store: Store,
    packs: Sequence[PackSource],
    learner_id: str,
    *,
    language: str,
    words: AnswerWords,
    since: Moment | None = None,
    until: Moment | None = None,
) -> LearnerDetail:
    """Every quiz run of a learner (newest first) with every answer, and their progress per module."""
    since_text = None if since is None else to_utc_iso(since)
    until_text = None if until is None else to_utc_iso(until)
    index = PackIndex(packs, module_titles.catalogue(store))
    learner = store.people.get_learner(learner_id)
    modules = tuple(
        ModuleLine(p.pack_id, p.module_id, index.module_title(p.pack_id, p.module_id, language), p)
        for p in store.progress.list_module_progress(learner_id)
    )
    runs: list[RunDetail] = []
    for run in reversed(store.runs.list_quiz_runs(learner_id)):
        if not _in_range(run.started_at, since_text, until_text) and not (
            run.finished_at and _in_range(run.finished_at, since_text, until_text)
        ):
            continue
        lines = []
        for attempt in store.runs.attempts_for_run(run.id):
            lines.append(
                AnswerLine(
                    attempt,
                    index.question_prompt(attempt.pack_id, attempt.module_id, attempt.question_id, language),
                    index.answer_text(
                        attempt.pack_id,
                        attempt.module_id,
                        attempt.question_id,
                        attempt.answer,
                        language,
                        words,
                    ),
                    attempt.outcome,
                )
            )
        runs.append(RunDetail(run, index.module_title(run.pack_id, run.module_id, language), tuple(lines)))
    return LearnerDetail(learner, modules, tuple(runs))


# ------------------------------------------------------------------------------------ per question
@dataclass(frozen=True, slots=True)
class QuestionLine:
    stat: QuestionStat
    module_title: str
    prompt: str
    wrong_answers: tuple[tuple[str, int], ...]


def question_lines(
    store: Store,
    packs: Sequence[PackSource],
    *,
    language: str,
    words: AnswerWords,
    class_id: str | None = None,
    pack_id: str | None = None,
    module_id: str | None = None,
    since: Moment | None = None,
    until: Moment | None = None,
    limit: int | None = None,
) -> list[QuestionLine]:
    """Questions most missed first, each with the wrong answers chosen most, in words."""
    index = PackIndex(packs, module_titles.catalogue(store))
    out: list[QuestionLine] = []
    stats = store.reports.question_stats(
        class_id, pack_id=pack_id, module_id=module_id, since=since, until=until
    )
    for stat in stats:
        wrong = []
        for item in stat.top_wrong_answers:
            try:
                answer = json.loads(item.answer_json)
            except ValueError:
                answer = item.answer_json
            text = index.answer_text(stat.pack_id, stat.module_id, stat.question_id, answer, language, words)
            wrong.append((text, item.count))
        out.append(
            QuestionLine(
                stat,
                index.module_title(stat.pack_id, stat.module_id, language),
                index.question_prompt(stat.pack_id, stat.module_id, stat.question_id, language),
                tuple(wrong),
            )
        )
    out.sort(key=lambda line: (-line.stat.percent_wrong, -line.stat.wrong, line.prompt))
    return out[:limit] if limit is not None else out
