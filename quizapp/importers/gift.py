"""Read Moodle's GIFT format, following Moodle's own importer wherever the format is vague.

Questions are separated by blank lines; ``//`` starts a comment line (``// [id:...]`` and
``// [tag:...]`` are read); ``$CATEGORY: path`` starts a new module; ``::name::`` names a question;
``[html]``, ``[markdown]``, ``[plain]`` and ``[moodle]`` give the text format; ``\\~ \\= \\# \\{ \\} \\:``
and ``\\\\`` are escapes and ``\\n`` is a line break. Inside ``{...}``: ``~`` wrong and ``=`` right
answers, ``%50%`` weights, ``#`` feedback, ``####`` general feedback, ``a -> b`` matching pairs,
``T``/``F``/``TRUE``/``FALSE``, ``#number`` numerical (skipped) and ``{}`` essay (skipped); a text without
braces is a description (skipped). As in Moodle, a multiple-choice question with no ``=`` answer lets
learners pick several answers: it becomes a "multiple" question whose right answers are those with a
positive weight.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from quizapp.importers.build import Answer, BuildProblem, ParsedQuestion, QuestionBuilder, excerpt
from quizapp.importers.report import FileSink
from quizapp.importers.textformat import TEXT_FORMATS, TextFormat, convert, normalise

_ESCAPES = {
    "\\": "\ue000",
    ":": "\ue001",
    "#": "\ue002",
    "=": "\ue003",
    "{": "\ue004",
    "}": "\ue005",
    "~": "\ue006",
}
_ESCAPES["n"] = "\ue007"
_RESTORE = str.maketrans({v: ("\n" if k == "n" else k) for k, v in _ESCAPES.items()})
_ESCAPE_RE = re.compile(r"\\([\\:#={}~n])")
_WEIGHT_RE = re.compile(r"^%\s*(-?\d+(?:\.\d+)?)\s*%")
_FORMAT_RE = re.compile(r"^\[(html|markdown|plain|moodle)\]", re.I)
_ID_RE = re.compile(r"\[id:([^\]]+)\]")
_TAG_RE = re.compile(r"\[tag:([^\]]+)\]")
_TRUE_FALSE = ("T", "TRUE", "F", "FALSE")
_CONTINUATION = ("~", "=", "#", "}", "%")

SKIP_REASONS = {
    "description": "a description (text without a question); quizapp cannot represent it, so put such text "
    "in a module's lesson",
    "essay": "an essay question; quizapp cannot represent answers that a teacher marks by hand",
    "numerical": "a numerical question; quizapp cannot represent number answers with a margin, so rewrite it "
    "as a multiple-choice or fill-in-the-blank question",
}


def _protect(text: str) -> str:
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(1)], text)


def _restore(text: str) -> str:
    return text.translate(_RESTORE)


def category_title(path: str) -> str | None:
    """The module title for a Moodle category path such as ``$course$/top/Unit 1/Passwords``."""
    parts = [p.replace("//", "/").strip() for p in re.split(r"(?<!/)/(?!/)", path.strip())]
    while parts and parts[0].startswith("$") and parts[0].endswith("$"):
        parts.pop(0)
    if parts and parts[0].lower() == "top":
        parts.pop(0)
    parts = [p for p in parts if p]
    return " / ".join(parts) or None


@dataclass(slots=True)
class _Block:
    lines: list[tuple[int, str]] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(line for _, line in self.lines)


def _split_blocks(text: str, sink: FileSink) -> list[_Block]:
    blocks: list[_Block] = []
    current = _Block()
    for number, raw in enumerate(text.split("\n"), 1):
        line = _protect(raw)
        stripped = line.strip()
        if not stripped:
            if current.lines or current.ids or current.tags:
                blocks.append(current)
                current = _Block()
            continue
        if stripped.startswith("//"):
            current.ids.extend(m.strip() for m in _ID_RE.findall(stripped))
            current.tags.extend(m.strip() for m in _TAG_RE.findall(stripped))
            continue
        current.lines.append((number, line))
    if current.lines or current.ids or current.tags:
        blocks.append(current)
    merged: list[_Block] = []
    for block in blocks:
        if merged and block.lines and merged[-1].lines:
            previous = merged[-1].text()
            first = block.lines[0][1].strip()
            if previous.count("{") > previous.count("}") and first.startswith(_CONTINUATION):
                sink.warn(
                    block.lines[0][0],
                    "a blank line inside an answer block { }; quizapp read on, but Moodle would not: "
                    "remove the blank line",
                )
                merged[-1].lines.extend(block.lines)
                merged[-1].ids.extend(block.ids)
                merged[-1].tags.extend(block.tags)
                continue
        merged.append(block)
    return merged


class _QuestionReader:
    """Reads one question block (escapes already protected)."""

    def __init__(self, block: _Block, sink: FileSink, language: str) -> None:
        self.block = block
        self.sink = sink
        self.text = block.text()
        self.starts: list[int] = []
        offset = 0
        for _, line in block.lines:
            self.starts.append(offset)
            offset += len(line) + 1
        self.line = block.lines[0][0]
        self.builder = QuestionBuilder(language, lambda message: sink.warn(self.line, message))

    def line_at(self, offset: int) -> int:
        index = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.block.lines[index][0]

    def convert(self, raw: str, default: TextFormat) -> str:
        fmt, body = _format_of(raw.strip(), default)
        result = convert(_restore(body).strip(), fmt)
        for warning in result.warnings:
            self.sink.warn(self.line, warning)
        return result.text

    def read(self, module: str | None) -> ParsedQuestion | None:
        text = self.text
        lead = len(text) - len(text.lstrip())
        position = lead
        title: str | None = None
        if text.startswith("::", lead):
            end = text.find("::", lead + 2)
            if end == -1:
                self.sink.warn(
                    self.line, "the question name after '::' is not closed with '::'; it was read as text"
                )
                position = lead + 2
            else:
                title = " ".join(_restore(text[lead + 2 : end]).split()) or None
                position = end + 2
        opening = text.find("{", position)
        closing = text.find("}", position)

        def name(prompt_raw: str) -> str:
            if title:
                return title
            fmt, body = _format_of(prompt_raw.strip(), "moodle")
            return excerpt(convert(_restore(body), fmt).text) or f"question on line {self.line}"

        if opening == -1 and closing == -1:
            self.sink.skip(self.line, name(text[position:]), "description", SKIP_REASONS["description"])
            return None
        problem = self._brace_problem(opening, closing)
        if problem:
            self.sink.skip(
                self.line, name(text[position : opening if opening != -1 else closing]), "invalid", problem
            )
            return None
        before, after = text[position:opening], text[closing + 1 :]
        prompt_raw = before if not after.strip() else f"{before}_____{after}"
        fmt, _ = _format_of(prompt_raw.strip(), "moodle")
        answers = text[opening + 1 : closing].strip()
        general_raw: str | None = None
        cut = answers.rfind("####")
        if cut != -1:
            general_raw = answers[cut + 4 :]
            answers = answers[:cut].strip()
        kind = _kind_of(answers)
        shown = name(prompt_raw)
        if kind in SKIP_REASONS:
            self.sink.skip(self.line, shown, kind, SKIP_REASONS[kind])
            return None
        prompt = self.convert(prompt_raw, "moodle")
        if not prompt:
            self.sink.skip(self.line, shown, "invalid", "the question has no text")
            return None
        general = self.convert(general_raw, fmt) if general_raw is not None else ""
        try:
            data = self._build(kind, answers, prompt, general or None, fmt)
        except BuildProblem as exc:
            self.sink.skip(self.line, shown, "invalid", str(exc))
            return None
        explicit = self.block.ids[-1] if self.block.ids else None
        return ParsedQuestion(
            line=self.line,
            name=shown,
            data=data,
            title=title,
            explicit_id=explicit,
            module=module,
            tags=list(self.block.tags),
        )

    def _brace_problem(self, opening: int, closing: int) -> str | None:
        text = self.text
        if opening == -1 or (closing != -1 and closing < opening):
            return (
                f"the '}}' on line {self.line_at(closing)} has no '{{' before it; "
                "write \\} for a brace that is part of the text"
            )
        if closing == -1:
            return (
                f"the answer block opened with '{{' on line {self.line_at(opening)} is never closed with "
                "'}' (write \\{ for a brace that is part of the text)"
            )
        second = text.find("{", opening + 1, closing)
        if second != -1:
            return (
                f"a second '{{' on line {self.line_at(second)} comes before the answer block opened on line "
                f"{self.line_at(opening)} was closed; is a '}}' or a blank line missing?"
            )
        later = text.find("{", closing + 1)
        if later != -1:
            return (
                f"a second answer block starts on line {self.line_at(later)}; is a blank line between two "
                "questions missing?"
            )
        return None

    def _build(
        self, kind: str, answers: str, prompt: str, general: str | None, fmt: TextFormat
    ) -> dict[str, Any]:
        builder = self.builder
        if kind == "multichoice":
            parts = answers.replace("=", "~=").split("~")
            if parts and not parts[0].strip():
                parts = parts[1:]
            choices = [self._answer(part, fmt, default_fraction=0.0) for part in parts]
            return builder.choice(prompt, choices, general, single_mode="=" in answers)
        if kind == "matching":
            pairs: list[tuple[str, str]] = []
            for part in _split_equals(answers):
                if "->" not in part:
                    raise BuildProblem(f"the matching pair '{excerpt(_restore(part))}' has no '->'")
                left, right = part.split("->", 1)
                pairs.append(
                    (self.convert(left, fmt) if left.strip() else "", normalise(_restore(right).strip()))
                )
            return builder.matching(prompt, pairs, general)
        if kind == "truefalse":
            bits = answers.split("#", 2)
            truth = bits[0].strip() in ("T", "TRUE")
            feedback = [self.convert(bit, fmt) for bit in bits[1:]]
            return builder.true_false(prompt, truth, feedback, general)
        check = answers.split("#", 1)[0].strip()
        if check.upper() in _TRUE_FALSE:
            self.sink.warn(
                self.line,
                f"'{{{check}}}' is read as a short answer '{check}', as Moodle does; write "
                f"{{{check.upper()}}} for a true/false question",
            )
        typed = [self._answer(part, fmt, default_fraction=100.0) for part in _split_equals(answers)]
        return builder.fill_blank(prompt, typed, general)

    def _answer(self, part: str, fmt: TextFormat, *, default_fraction: float) -> Answer:
        part = part.strip()
        marked = part.startswith("=")
        if marked:
            part = part[1:].lstrip()
        fraction = 100.0 if marked else default_fraction
        weight = _WEIGHT_RE.match(part)
        if weight:
            fraction = float(weight.group(1))
            part = part[weight.end() :]
        text, _, feedback = part.partition("#")
        converted_feedback = self.convert(feedback, fmt) if feedback.strip() else ""
        return Answer(self.convert(text, fmt), fraction, converted_feedback or None, marked_right=marked)


def _split_equals(answers: str) -> list[str]:
    parts = answers.split("=")
    if parts and not parts[0].strip():
        parts = parts[1:]
    return parts


def _format_of(text: str, default: TextFormat) -> tuple[TextFormat, str]:
    match = _FORMAT_RE.match(text)
    if not match:
        return default, text
    name = match.group(1).lower()
    fmt = next(f for f in TEXT_FORMATS if f == name)
    return fmt, text[match.end() :]


def _kind_of(answers: str) -> str:
    if answers == "":
        return "essay"
    if answers.startswith("#"):
        return "numerical"
    if "~" in answers:
        return "multichoice"
    if "=" in answers and "->" in answers:
        return "matching"
    check = answers.split("#", 1)[0].strip() if answers.find("#") > 0 else answers
    if check in _TRUE_FALSE:
        return "truefalse"
    return "shortanswer"


def parse_gift(text: str, sink: FileSink, language: str) -> list[ParsedQuestion]:
    """Every question of a GIFT file; skipped and broken ones are reported to ``sink``."""
    questions: list[ParsedQuestion] = []
    module: str | None = None
    for block in _split_blocks(text, sink):
        if not block.lines:
            continue
        first = block.lines[0][1].strip()
        if first.startswith("$CATEGORY:"):
            module = category_title(_restore(first[len("$CATEGORY:") :]))
            block = _Block(block.lines[1:], block.ids, block.tags)
            if not block.lines:
                continue
        question = _QuestionReader(block, sink, language).read(module)
        if question is not None:
            questions.append(question)
    return questions
