"""Read Moodle XML question exports (``<quiz><question type="...">...``).

Converted: ``multichoice`` (one or several answers), ``truefalse``, ``shortanswer``, ``matching`` and the
``ordering`` plugin, with their feedback, hints, tags and categories (categories become modules). Every other
type (numerical, essay, description, cloze...) is reported as skipped. The XML is read with the standard
library's expat parser; a DOCTYPE (and so any entity definition) is refused, so a file cannot make the
parser fetch anything or expand entities without end. When the XML breaks part-way, the questions before
the break are still converted and the break is reported with its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from xml.parsers import expat

from quizapp.importers.build import Answer, BuildProblem, ParsedQuestion, QuestionBuilder, excerpt
from quizapp.importers.gift import category_title
from quizapp.importers.report import FileSink
from quizapp.importers.textformat import TextFormat, convert

_FORMATS: dict[str, TextFormat] = {
    "html": "html",
    "moodle_auto_format": "moodle",
    "plain_text": "plain",
    "markdown": "markdown",
}

SKIP_REASONS = {
    "numerical": "a numerical question; quizapp cannot represent number answers with a margin",
    "calculated": "a calculated question; quizapp cannot represent formulas",
    "calculatedsimple": "a calculated question; quizapp cannot represent formulas",
    "calculatedmulti": "a calculated question; quizapp cannot represent formulas",
    "essay": "an essay question; quizapp cannot represent answers that a teacher marks by hand",
    "description": "a description (text without a question); put such text in a module's lesson",
    "multianswer": "an embedded-answers (cloze) question; quizapp cannot represent several gaps in one "
    "question",
    "ddwtos": "a drag-and-drop-into-text question; quizapp cannot represent it",
    "gapselect": "a select-missing-words question; quizapp cannot represent it",
    "ddimageortext": "a drag-and-drop-onto-image question; quizapp cannot represent it",
    "ddmarker": "a drag-and-drop-markers question; quizapp cannot represent it",
    "randomsamatch": "a random short-answer matching question; quizapp cannot represent it",
    "random": "a random question (picked from a category when the quiz runs); quizapp cannot represent it",
}


@dataclass(slots=True)
class _Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list[_Node] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    closed: bool = False

    def find(self, tag: str) -> _Node | None:
        return next((c for c in self.children if c.tag == tag), None)

    def findall(self, tag: str) -> list[_Node]:
        return [c for c in self.children if c.tag == tag]

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def child_text(self, *path: str) -> str:
        node: _Node | None = self
        for tag in path:
            node = node.find(tag) if node is not None else None
        return node.text.strip() if node is not None else ""


class _Refused(Exception):
    pass


def _parse_tree(raw: bytes) -> tuple[_Node, tuple[int, str] | None]:
    document = _Node("#document", {}, 1)
    stack = [document]
    parser = expat.ParserCreate()
    parser.buffer_text = True

    def start(tag: str, attrs: dict[str, str]) -> None:
        node = _Node(tag, attrs, parser.CurrentLineNumber)
        stack[-1].children.append(node)
        stack.append(node)

    def end(tag: str) -> None:
        stack[-1].closed = True
        stack.pop()

    def data(text: str) -> None:
        stack[-1].parts.append(text)

    def doctype(*_: object) -> None:
        raise _Refused(
            "the file has a DOCTYPE declaration; Moodle exports have none and quizapp does not read one"
        )

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    try:
        parser.Parse(raw, True)
    except expat.ExpatError as exc:
        return document, (
            exc.lineno,
            f"the XML is broken here ({expat.ErrorString(exc.code)}); nothing after it was read",
        )
    except _Refused as exc:
        return document, (parser.CurrentLineNumber, str(exc))
    return document, None


class _QuestionReader:
    def __init__(self, node: _Node, sink: FileSink, language: str) -> None:
        self.node = node
        self.sink = sink
        self.line = node.line
        self.builder = QuestionBuilder(language, lambda message: sink.warn(self.line, message))

    def text(self, node: _Node | None, default: TextFormat = "html") -> str:
        """Our text for an element holding ``<text>`` (and maybe ``<file>``) with a ``format`` attribute."""
        if node is None:
            return ""
        fmt = _FORMATS.get(node.attrs.get("format", ""), default)
        for attached in node.findall("file"):
            self.sink.warn(
                self.line,
                f"the attached file '{attached.attrs.get('name', '?')}' was not imported; "
                "add pictures as the question's image",
            )
        result = convert(node.child_text("text"), fmt)
        for warning in result.warnings:
            self.sink.warn(self.line, warning)
        return result.text

    def answers(self, fmt: TextFormat) -> list[Answer]:
        out: list[Answer] = []
        for answer in self.node.findall("answer"):
            try:
                fraction = float(answer.attrs.get("fraction", "0"))
            except ValueError:
                raise BuildProblem(
                    f"an answer has the grade '{answer.attrs.get('fraction')}', which is not a number"
                ) from None
            text = self.text(answer, fmt)
            feedback = self.text(answer.find("feedback"), fmt) or None
            out.append(Answer(text, fraction, feedback))
        return out

    def read(self, qtype: str, module: str | None) -> ParsedQuestion | None:
        node = self.node
        title = " ".join(node.child_text("name", "text").split()) or None
        question_text = node.find("questiontext")
        fmt = _FORMATS.get(question_text.attrs.get("format", "") if question_text else "", "html")
        prompt = self.text(question_text)
        name = title or excerpt(prompt) or f"question on line {self.line}"
        if qtype in SKIP_REASONS or qtype not in (
            "multichoice",
            "truefalse",
            "shortanswer",
            "matching",
            "ordering",
        ):
            reason = SKIP_REASONS.get(
                qtype, f"a '{qtype}' question; quizapp cannot represent this question type"
            )
            self.sink.skip(self.line, name, qtype or "unknown", reason)
            return None
        if not prompt:
            self.sink.skip(self.line, name, "invalid", "the question has no text")
            return None
        general = self.text(node.find("generalfeedback"), fmt) or None
        hints = [h for h in (self.text(hint, fmt) for hint in node.findall("hint")) if h]
        if len(hints) > 1:
            self.sink.warn(self.line, f"the question has {len(hints)} hints; quizapp keeps only the first")
        hint = hints[0] if hints else None
        try:
            data = self._build(qtype, prompt, general, hint, fmt)
        except BuildProblem as exc:
            self.sink.skip(self.line, name, "invalid", str(exc))
            return None
        self._points(data)
        tags = [t.child_text("text") for t in (node.find("tags") or _Node("", {}, 0)).findall("tag")]
        return ParsedQuestion(
            line=self.line,
            name=name,
            data=data,
            title=title,
            explicit_id=node.child_text("idnumber") or None,
            module=module,
            tags=[t for t in tags if t],
        )

    def _build(
        self, qtype: str, prompt: str, general: str | None, hint: str | None, fmt: TextFormat
    ) -> dict[str, Any]:
        builder = self.builder
        node = self.node
        if qtype == "multichoice":
            single = node.child_text("single").lower() in ("true", "1", "")
            return builder.choice(prompt, self.answers(fmt), general, single_mode=single, hint=hint)
        if qtype == "truefalse":
            answers = self.answers(fmt)
            truth_answer = next((a for a in answers if a.text.strip().lower() == "true"), None)
            if truth_answer is None or len(answers) != 2:
                raise BuildProblem("a true/false question needs the answers 'true' and 'false'")
            truth = truth_answer.fraction >= 99.999
            said_right = [a.feedback or "" for a in answers if a.fraction >= 99.999]
            said_wrong = [a.feedback or "" for a in answers if a.fraction < 99.999]
            return builder.true_false(prompt, truth, said_wrong + said_right, general, hint=hint)
        if qtype == "shortanswer":
            case = node.child_text("usecase") == "1"
            return builder.fill_blank(prompt, self.answers(fmt), general, hint=hint, case_sensitive=case)
        if qtype == "ordering":
            ranked = sorted(enumerate(self.answers(fmt)), key=lambda pair: (pair[1].fraction, pair[0]))
            return builder.ordering(prompt, [a.text for _, a in ranked], general, hint=hint)
        pairs: list[tuple[str, str]] = []
        for sub in node.findall("subquestion"):
            left = self.text(sub, fmt)
            right_node = sub.find("answer")
            match = convert(right_node.child_text("text"), "plain").text if right_node else ""
            pairs.append((left, match))
        return builder.matching(prompt, pairs, general, hint=hint)

    def _points(self, data: dict[str, Any]) -> None:
        grade = self.node.child_text("defaultgrade")
        if not grade:
            return
        try:
            value = float(grade)
        except ValueError:
            self.sink.warn(self.line, f"the mark '{grade}' is not a number; the question is worth 1 point")
            return
        points = min(100, max(1, round(value)))
        if abs(points - value) > 1e-6:
            self.sink.warn(
                self.line, f"the mark {value:g} became {points} point(s); quizapp counts whole points"
            )
        if points != 1:
            data["points"] = points


def parse_moodle_xml(raw: bytes, sink: FileSink, language: str) -> list[ParsedQuestion]:
    document, problem = _parse_tree(raw)
    questions: list[ParsedQuestion] = []
    quiz = document.children[0] if document.children else None
    if quiz is None or quiz.tag != "quiz":
        if problem:
            sink.error(*problem)
        else:
            found = f"<{quiz.tag}>" if quiz else "nothing"
            sink.error(1, f"this is not a Moodle XML question file: it should start with <quiz>, not {found}")
        return questions
    module: str | None = None
    for node in quiz.findall("question"):
        if not node.closed:
            continue
        qtype = node.attrs.get("type", "").strip().lower()
        if qtype == "category":
            module = category_title(node.child_text("category", "text"))
            continue
        question = _QuestionReader(node, sink, language).read(qtype, module)
        if question is not None:
            questions.append(question)
    if problem:
        sink.error(*problem)
    return questions
