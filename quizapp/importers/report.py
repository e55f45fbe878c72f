"""What a conversion produced: the questions converted, what was skipped and why, and every warning.

Nothing is dropped silently: every question a source file holds ends up either in ``converted`` or in
``skipped`` (with its file, line and the reason), and every change made on the way is a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from quizapp.content.models import AnyQuestion

EntryKind = Literal["converted", "skipped", "warning", "error"]


@dataclass(frozen=True, slots=True)
class Notice:
    """A warning or an error about one place in a source file (line 1 = the whole file or its header)."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class SkippedItem:
    """A question that was not converted.

    ``kind`` is the source's question type when quizapp has no such type (``numerical``, ``essay``,
    ``description``, ...) or ``invalid`` when the question itself is broken.
    """

    file: str
    line: int
    name: str
    kind: str
    reason: str


@dataclass(frozen=True, slots=True)
class ConvertedQuestion:
    file: str
    line: int
    title: str | None
    module_id: str
    question: AnyQuestion


@dataclass(slots=True)
class ModulePlan:
    """One module of the pack to write: its questions in source order."""

    id: str
    title: str
    titles: dict[str, str] = field(default_factory=dict)  # the title by language, when the source gives them
    questions: list[AnyQuestion] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ReportEntry:
    """One line of the report, for printing or for a list in the UI."""

    kind: EntryKind
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.kind}: {self.message}"


@dataclass(slots=True)
class ConversionReport:
    language: str
    sources: list[str] = field(default_factory=list)
    converted: list[ConvertedQuestion] = field(default_factory=list)
    skipped: list[SkippedItem] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    errors: list[Notice] = field(default_factory=list)
    modules: list[ModulePlan] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when at least one question was converted."""
        return bool(self.converted)

    def entries(self) -> list[ReportEntry]:
        """Every converted question, skip, warning and error, ordered by file (as given) and line."""
        order = {name: index for index, name in enumerate(self.sources)}
        rank = {"error": 0, "converted": 1, "skipped": 1, "warning": 2}
        items: list[ReportEntry] = []
        for c in self.converted:
            q = c.question
            items.append(
                ReportEntry(
                    "converted", c.file, c.line, f"{q.type} question '{q.id}' (module '{c.module_id}')"
                )
            )
        for s in self.skipped:
            items.append(ReportEntry("skipped", s.file, s.line, f"{_quoted(s.name)}: {s.reason}"))
        for w in self.warnings:
            items.append(ReportEntry("warning", w.file, w.line, w.message))
        for e in self.errors:
            items.append(ReportEntry("error", e.file, e.line, e.message))
        return sorted(items, key=lambda e: (order.get(e.file, len(order)), e.file, e.line, rank[e.kind]))

    def summary(self) -> str:
        modules = len(self.modules)
        return (
            f"{len(self.converted)} question(s) converted into {modules} module(s); "
            f"{len(self.skipped)} skipped; {len(self.warnings)} warning(s); {len(self.errors)} error(s)"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "languages": list(self.languages),
            "converted": [
                {
                    "file": c.file,
                    "line": c.line,
                    "id": c.question.id,
                    "type": c.question.type,
                    "module": c.module_id,
                }
                for c in self.converted
            ],
            "skipped": [
                {"file": s.file, "line": s.line, "name": s.name, "kind": s.kind, "reason": s.reason}
                for s in self.skipped
            ],
            "warnings": [{"file": w.file, "line": w.line, "message": w.message} for w in self.warnings],
            "errors": [{"file": e.file, "line": e.line, "message": e.message} for e in self.errors],
            "modules": [{"id": m.id, "title": m.title, "questions": len(m.questions)} for m in self.modules],
        }


def _quoted(name: str) -> str:
    return f'"{name}"'


class FileSink:
    """Where a parser reports about one source file."""

    def __init__(self, report: ConversionReport, file: str) -> None:
        self.report = report
        self.file = file
        self._seen: set[tuple[int, str]] = set()

    def warn(self, line: int, message: str) -> None:
        key = (line, message)
        if key not in self._seen:  # the same remark twice on one line helps nobody
            self._seen.add(key)
            self.report.warnings.append(Notice(self.file, line, message))

    def skip(self, line: int, name: str, kind: str, reason: str) -> None:
        self.report.skipped.append(SkippedItem(self.file, line, name, kind, reason))

    def error(self, line: int, message: str) -> None:
        self.report.errors.append(Notice(self.file, line, message))
