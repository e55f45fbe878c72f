"""Read the Aiken format: a question, options ``A.`` or ``A)`` on their own lines, then ``ANSWER: X``.

    Which of these is the strongest password?
    A. Ali2012
    B. mango river kite cloud
    C. P@ss1
    ANSWER: B

The question may take several lines. ``ANSWER: A, C`` (several letters) is read as a question with
several right answers, a common extension. A question whose ``ANSWER:`` line is missing, or whose answer is
not one of its letters, is reported with its line and the rest of the file still converts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quizapp.importers.build import Answer, BuildProblem, ParsedQuestion, QuestionBuilder, excerpt
from quizapp.importers.report import FileSink
from quizapp.importers.textformat import normalise

_OPTION = re.compile(r"^\s*([A-Z])\s*[.)]\s+(.*?)\s*$")
_ANSWER = re.compile(r"^\s*ANSWER\s*:\s*(.*?)\s*$", re.I)


@dataclass(slots=True)
class _Pending:
    line: int
    prompt: list[str] = field(default_factory=list)
    options: list[tuple[str, str, int]] = field(default_factory=list)  # letter, text, line

    def name(self) -> str:
        return excerpt(normalise("\n".join(self.prompt))) or f"question on line {self.line}"


def parse_aiken(text: str, sink: FileSink, language: str) -> list[ParsedQuestion]:
    questions: list[ParsedQuestion] = []
    pending: _Pending | None = None

    def broken(item: _Pending, reason: str) -> None:
        sink.skip(item.line, item.name(), "invalid", reason)

    orphan = False  # inside options that follow no question (already reported)
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        answer = _ANSWER.match(line)
        option = None if answer else _OPTION.match(line)
        if answer:
            if pending is None:
                if not orphan:
                    sink.skip(
                        number,
                        f"ANSWER on line {number}",
                        "invalid",
                        "an 'ANSWER:' line with no question before it",
                    )
                orphan = False
                continue
            question = _finish(pending, answer.group(1), number, sink, language)
            if question is not None:
                questions.append(question)
            pending = None
        elif option:
            if pending is None:
                if not orphan:
                    sink.skip(
                        number, excerpt(option.group(2)), "invalid", "an option with no question before it"
                    )
                orphan = True
                continue
            pending.options.append((option.group(1), option.group(2), number))
        else:
            orphan = False
            if pending is not None and pending.options:
                broken(
                    pending,
                    f"no 'ANSWER:' line after the options (the next question starts on line {number}); "
                    "add a line such as 'ANSWER: B'",
                )
                pending = None
            if pending is None:
                pending = _Pending(number)
            pending.prompt.append(line)
    if pending is not None and pending.prompt:
        reason = (
            "no 'ANSWER:' line after the options; add a line such as 'ANSWER: B'"
            if pending.options
            else "a question with no options (A., B., ...) and no 'ANSWER:' line"
        )
        broken(pending, reason)
    return questions


def _finish(pending: _Pending, given: str, line: int, sink: FileSink, language: str) -> ParsedQuestion | None:
    name = pending.name()
    if not pending.options:
        sink.skip(
            pending.line,
            name,
            "invalid",
            "the question has no options (lines such as 'A. ...') before 'ANSWER:'",
        )
        return None
    letters = [letter for letter, _, _ in pending.options]
    for letter in sorted(set(letters)):
        if letters.count(letter) > 1:
            sink.skip(pending.line, name, "invalid", f"option {letter} is given twice")
            return None
    wanted = [part.strip().upper() for part in re.split(r"[,;\s]+", given) if part.strip()]
    if not wanted:
        sink.skip(pending.line, name, "invalid", f"the 'ANSWER:' line on line {line} names no option")
        return None
    missing = [w for w in wanted if w not in letters]
    if missing:
        sink.skip(
            pending.line,
            name,
            "invalid",
            f"the answer '{', '.join(missing)}' on line {line} is not one of the options "
            f"({', '.join(letters)})",
        )
        return None
    builder = QuestionBuilder(language, lambda message: sink.warn(pending.line, message))
    answers = [
        Answer(normalise(text), 100.0 if letter in wanted else 0.0, marked_right=letter in wanted)
        for letter, text, _ in pending.options
    ]
    prompt = normalise("\n".join(pending.prompt))
    try:
        data = builder.choice(prompt, answers, None, single_mode=len(set(wanted)) == 1)
    except BuildProblem as exc:
        sink.skip(pending.line, name, "invalid", str(exc))
        return None
    return ParsedQuestion(line=pending.line, name=name, data=data)
