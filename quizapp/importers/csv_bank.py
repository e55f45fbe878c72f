"""Read question banks from the CSV template (docs/question-template.csv, explained in docs/importing.md).

One row is one question; rows with the same ``module_xx`` title form a module. Text columns carry a
language suffix (``prompt_en``, ``prompt_ur``; without one they are in the language chosen for the
import). Lists inside a cell are separated by ``|`` (write ``\\|`` for a bar that is part of the text):

* ``options_xx``: the options (single, multiple, scenario), the steps in the right order (ordering),
  the pairs ``left -> right`` (matching) or the accepted answers (fill_blank);
* ``correct``: the right option(s) by letter (a, b, ...), number, id or text; ``true``/``false``;
* ``feedback_xx``: feedback per option, in the order of the options (may be empty);
* ``ratings``: best / acceptable / unsafe per option (scenario); ``option_ids``: ids for the options.

Files are read as UTF-8 with or without a byte-order mark; ``,`` ``;`` and tab separators are recognised.
A cell that Excel would read as a formula (starting ``=``, ``+``, ``-`` or ``@``) may be written with a
leading apostrophe, which is removed.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from quizapp.content.models import QUESTION_TYPES
from quizapp.content.text import LANG_PATTERN, same_answer_key
from quizapp.importers.build import BuildProblem, ParsedQuestion, excerpt
from quizapp.importers.phrases import phrase
from quizapp.importers.report import FileSink
from quizapp.importers.textformat import one_line

TEXT_COLUMNS = ("module", "prompt", "situation", "options", "feedback", "explanation", "hint", "source")
PLAIN_COLUMNS = ("id", "type", "correct", "ratings", "option_ids", "difficulty", "points")
_COLUMN_RE = re.compile(rf"^({'|'.join(TEXT_COLUMNS)})(?:_({LANG_PATTERN[1:-1]}))?$")
_SPLIT_RE = re.compile(r"(?<!\\)\|")
_SEP_LINE = re.compile(r"^\ufeff?sep=(.)\s*$")
_FORMULA_START = ("=", "+", "-", "@")

TYPE_ALIASES = {
    "single": "single",
    "single_choice": "single",
    "choice": "single",
    "mcq": "single",
    "multiple_choice": "single",
    "multiple": "multiple",
    "multi": "multiple",
    "multiple_select": "multiple",
    "multiple_answer": "multiple",
    "checkbox": "multiple",
    "true_false": "true_false",
    "truefalse": "true_false",
    "tf": "true_false",
    "ordering": "ordering",
    "order": "ordering",
    "sequence": "ordering",
    "matching": "matching",
    "match": "matching",
    "fill_blank": "fill_blank",
    "fill": "fill_blank",
    "blank": "fill_blank",
    "fill_in_the_blank": "fill_blank",
    "short_answer": "fill_blank",
    "shortanswer": "fill_blank",
    "scenario": "scenario",
}
TRUE_WORDS = ("true", "t", "yes", "y", "1", "درست", "صحیح", "ہاں")
FALSE_WORDS = ("false", "f", "no", "n", "0", "غلط", "نہیں")
RATINGS = ("best", "acceptable", "unsafe")


# --- shared with the CSV export ---------------------------------------------------------------------------


def header(languages: list[str]) -> list[str]:
    """The template's columns for these languages, in the order the template uses."""

    def each(name: str) -> list[str]:
        return [f"{name}_{lang}" for lang in languages]

    return [
        *each("module"),
        "id",
        "type",
        *each("prompt"),
        *each("options"),
        "correct",
        *each("explanation"),
        *each("hint"),
        *each("source"),
        *each("feedback"),
        *each("situation"),
        "ratings",
        "option_ids",
        "difficulty",
        "points",
    ]


def join_list(items: list[str]) -> str:
    return " | ".join(item.replace("|", "\\|") for item in items)


def split_list(cell: str) -> list[str]:
    if not cell.strip():
        return []
    return [part.strip().replace("\\|", "|") for part in _SPLIT_RE.split(cell)]


def guard_formula(cell: str) -> str:
    """Keep spreadsheet programs from reading a cell as a formula (undone by :func:`unguard`)."""
    return f"'{cell}" if cell.startswith((*_FORMULA_START, "'")) else cell


def unguard(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:2] in (*_FORMULA_START, "'") else cell


# --- reading ----------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Columns:
    plain: dict[str, int] = field(default_factory=dict)
    text: dict[str, dict[str, int]] = field(default_factory=dict)  # name -> language -> index


def _read_header(cells: list[str], sink: FileSink, language: str) -> _Columns | None:
    columns = _Columns()
    known = [*PLAIN_COLUMNS, *(f"{n}_{language}" for n in TEXT_COLUMNS)]
    for index, raw in enumerate(cells):
        name = raw.strip().lstrip("\ufeff").lower().replace(" ", "_")
        if not name:
            continue
        match = _COLUMN_RE.match(name)
        if match:
            base, lang = match.group(1), match.group(2) or language
            by_lang = columns.text.setdefault(base, {})
            if lang in by_lang:
                sink.warn(1, f"the column '{raw.strip()}' appears twice; the first one is used")
                continue
            by_lang[lang] = index
        elif name in PLAIN_COLUMNS:
            if name in columns.plain:
                sink.warn(1, f"the column '{raw.strip()}' appears twice; the first one is used")
                continue
            columns.plain[name] = index
        else:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else " (see docs/importing.md for the columns)"
            sink.warn(1, f"the column '{raw.strip()}' is not one quizapp knows, so it was not read{hint}")
    missing = [n for n in ("type",) if n not in columns.plain]
    if "prompt" not in columns.text:
        missing.append(f"prompt_{language}")
    if missing:
        sink.error(
            1,
            f"the first row must name the columns; '{', '.join(missing)}' is missing "
            "(copy the first row of docs/question-template.csv)",
        )
        return None
    return columns


def _dialect(first_line: str, forced: str | None = None) -> type[csv.Dialect]:
    counts = {sep: first_line.count(sep) for sep in (",", ";", "\t")}
    sep = forced or max(counts, key=lambda s: counts[s])

    class _Dialect(csv.excel):
        delimiter = sep if forced or counts[sep] else ","

    return _Dialect


class _Row:
    def __init__(self, cells: list[str], columns: _Columns, line: int, language: str) -> None:
        self.cells = cells
        self.columns = columns
        self.line = line
        self.language = language

    def get(self, name: str) -> str:
        index = self.columns.plain.get(name)
        if index is None or index >= len(self.cells):
            return ""
        return unguard(self.cells[index].strip())

    def texts(self, name: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for lang, index in self.columns.text.get(name, {}).items():
            if index < len(self.cells):
                value = unguard(self.cells[index].strip()).replace("\r\n", "\n")
                if value:
                    out[lang] = value
        return out

    def lists(self, name: str) -> dict[str, list[str]]:
        return {lang: split_list(value) for lang, value in self.texts(name).items()}

    def empty(self) -> bool:
        return not any(cell.strip() for cell in self.cells)

    def column(self, name: str) -> str:
        """The column to name in messages (with the import's language when there are several)."""
        by_lang = self.columns.text.get(name, {})
        if self.language in by_lang:
            return f"{name}_{self.language}"
        return f"{name}_{next(iter(by_lang))}" if by_lang else f"{name}_{self.language}"


def parse_csv(text: str, sink: FileSink, language: str) -> list[ParsedQuestion]:
    """Every question row of a CSV file; broken rows are reported with their line and skipped."""
    if not text.strip():
        sink.error(1, "the file is empty; start from docs/question-template.csv")
        return []
    first, _, rest = text.partition("\n")
    forced = _SEP_LINE.match(first)
    if forced:  # Excel's "sep=;" line names the separator
        text = rest
        first = text.partition("\n")[0]
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(first, forced.group(1) if forced else None))
    questions: list[ParsedQuestion] = []
    columns: _Columns | None = None
    next_line = 2 if forced else 1
    try:
        for cells in reader:
            line, next_line = next_line, reader.line_num + 1 + (1 if forced else 0)
            if columns is None:
                if not any(c.strip() for c in cells):
                    continue
                columns = _read_header(cells, sink, language)
                if columns is None:
                    return []
                continue
            row = _Row(cells, columns, line, language)
            if row.empty():
                continue
            question = _read_row(row, sink)
            if question is not None:
                questions.append(question)
    except csv.Error as exc:
        sink.error(next_line, f"the CSV cannot be read from here on ({exc}); check for a stray quote mark")
    return questions


def _read_row(row: _Row, sink: FileSink) -> ParsedQuestion | None:
    prompts = row.texts("prompt")
    name = excerpt(next(iter(prompts.values()), "")) or f"row on line {row.line}"
    raw_type = row.get("type")
    kind = TYPE_ALIASES.get(re.sub(r"[\s/-]+", "_", raw_type.lower()))
    try:
        if not raw_type:
            raise BuildProblem(f"the 'type' column is empty; write one of: {', '.join(QUESTION_TYPES)}")
        if kind is None:
            close = difflib.get_close_matches(raw_type.lower(), list(QUESTION_TYPES), n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise BuildProblem(
                f"'{raw_type}' is not a question type{hint} (use one of: {', '.join(QUESTION_TYPES)})"
            )
        if not prompts:
            raise BuildProblem(f"the question has no text in '{row.column('prompt')}'")
        warnings: list[str] = []
        data = _build(kind, row, prompts, warnings.append)
    except BuildProblem as exc:
        sink.skip(row.line, name, "invalid", str(exc))
        return None
    for warning in warnings:
        sink.warn(row.line, warning)
    modules = row.texts("module")
    return ParsedQuestion(
        line=row.line,
        name=name,
        data=data,
        explicit_id=row.get("id") or None,
        module=modules.get(row.language) or next(iter(modules.values()), None),
        module_titles=modules,
    )


def _aligned(row: _Row, name: str, what: str) -> tuple[int, dict[str, list[str]]]:
    """Lists by language that must have the same length; returns that length and the lists."""
    lists = {lang: items for lang, items in row.lists(name).items() if items}
    lengths = {len(items) for items in lists.values()}
    if len(lengths) > 1:
        shown = ", ".join(f"{len(items)} in {name}_{lang}" for lang, items in lists.items())
        raise BuildProblem(f"the {what} do not line up between languages ({shown})")
    for lang, items in lists.items():
        for number, item in enumerate(items, 1):
            if not item:
                raise BuildProblem(
                    f"{what} {number} in '{name}_{lang}' is empty (two '|' with nothing between?)"
                )
    return (lengths.pop() if lengths else 0), lists


def _at(lists: dict[str, list[str]], index: int) -> dict[str, str]:
    return {lang: items[index] for lang, items in lists.items()}


def _option_ids(row: _Row, count: int) -> list[str]:
    given = split_list(row.get("option_ids"))
    if not given:
        return list(string.ascii_lowercase[:count]) if count <= 26 else [f"o{n}" for n in range(1, count + 1)]
    if len(given) != count:
        raise BuildProblem(f"'option_ids' names {len(given)} ids for {count} options")
    return given


def _per_option(row: _Row, name: str, count: int) -> list[dict[str, str]]:
    out: list[dict[str, str]] = [{} for _ in range(count)]
    for lang, items in row.lists(name).items():
        if len(items) > count:
            raise BuildProblem(f"'{name}_{lang}' has {len(items)} entries for {count} options")
        for index, item in enumerate(items):
            if item:
                out[index][lang] = item
    return out


def _resolve(token: str, ids: list[str], texts: list[dict[str, str]]) -> str | None:
    token = token.strip()
    if token in ids:
        return token
    lowered = token.lower()
    if (
        len(lowered) == 1
        and lowered in string.ascii_lowercase
        and string.ascii_lowercase.index(lowered) < len(ids)
    ):
        return ids[string.ascii_lowercase.index(lowered)]
    if token.isdigit() and 1 <= int(token) <= len(ids):
        return ids[int(token) - 1]
    wanted = " ".join(token.split()).casefold()
    for option_id, by_lang in zip(ids, texts, strict=True):
        if any(" ".join(t.split()).casefold() == wanted for t in by_lang.values()):
            return option_id
    return None


def _correct(row: _Row, ids: list[str], texts: list[dict[str, str]], several: bool) -> list[str]:
    value = row.get("correct")
    if not value:
        raise BuildProblem("the 'correct' column is empty; write the letter of the right option, such as 'b'")
    whole = _resolve(value, ids, texts)
    if whole is not None:
        return [whole]
    tokens = split_list(value) if "|" in value else [t for t in value.split(",")]
    tokens = [t.strip() for t in tokens if t.strip()]
    resolved: list[str] = []
    for token in tokens:
        option_id = _resolve(token, ids, texts)
        if option_id is None:
            letters = ", ".join(f"{string.ascii_lowercase[i]}" if i < 26 else ids[i] for i in range(len(ids)))
            raise BuildProblem(f"the correct answer '{token}' is not among the options ({letters})")
        if option_id not in resolved:
            resolved.append(option_id)
    if len(resolved) > 1 and not several:
        raise BuildProblem(
            f"a 'single' question has one right answer but 'correct' names {len(resolved)}; "
            "use the type 'multiple' for several"
        )
    return resolved


def _truth(row: _Row) -> bool:
    value = row.get("correct").strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise BuildProblem(
        f"'correct' must be true or false for a true_false question, not '{row.get('correct')}'"
    )


def _explanation(
    row: _Row, prompts: dict[str, str], warn: Callable[[str], None], make: Callable[[str], str]
) -> dict[str, str]:
    given = row.texts("explanation")
    if given:
        return given
    generated = {lang: make(lang) for lang in prompts}
    first = next(iter(generated.values()))
    warn(
        f'the row has no explanation, so quizapp wrote "{excerpt(first, 80)}"; replace it with a real '
        f"explanation of why that answer is right ({row.column('explanation')})"
    )
    return generated


def _pick(by_lang: dict[str, str], lang: str) -> str:
    return one_line(by_lang.get(lang) or next(iter(by_lang.values()), ""))


def _build(kind: str, row: _Row, prompts: dict[str, str], warn: Callable[[str], None]) -> dict[str, Any]:
    data: dict[str, Any] = {"type": kind, "prompt": prompts}
    if kind in ("single", "multiple", "scenario"):
        count, lists = _aligned(row, "options", "options")
        if count == 0:
            raise BuildProblem(
                f"the question has no options in '{row.column('options')}' (separate them with |)"
            )
        ids = _option_ids(row, count)
        texts = [_at(lists, i) for i in range(count)]
        feedback = _per_option(row, "feedback", count)
        options: list[dict[str, Any]] = []
        for option_id, text, said in zip(ids, texts, feedback, strict=True):
            option: dict[str, Any] = {"id": option_id, "text": text}
            if said:
                option["feedback"] = said
            options.append(option)
        if kind == "scenario":
            situation = row.texts("situation")
            if not situation:
                raise BuildProblem(f"a scenario needs its situation in '{row.column('situation')}'")
            data["situation"] = situation
            ratings = [r.lower() for r in split_list(row.get("ratings"))]
            if len(ratings) != count:
                raise BuildProblem(
                    f"'ratings' needs one of best / acceptable / unsafe for each of the {count} options "
                    f"(it has {len(ratings)})"
                )
            for number, (option, rating) in enumerate(zip(options, ratings, strict=True), 1):
                if rating not in RATINGS:
                    raise BuildProblem(f"rating {number} is '{rating}'; use best, acceptable or unsafe")
                if "feedback" not in option:
                    raise BuildProblem(
                        f"scenario option {number} has no feedback in '{row.column('feedback')}'; "
                        "say what happens if the learner does this"
                    )
                option["rating"] = rating
            data["options"] = options
            best = [i for i, r in enumerate(ratings) if r == "best"]
            data["explanation"] = _explanation(
                row,
                prompts,
                warn,
                lambda lang: phrase(lang, "right_answer", answer=_pick(texts[best[0]], lang) if best else ""),
            )
        else:
            data["options"] = options
            correct = _correct(row, ids, texts, several=kind == "multiple")
            data["correct"] = correct[0] if kind == "single" else correct
            chosen = [texts[ids.index(c)] for c in correct]
            data["explanation"] = _explanation(
                row,
                prompts,
                warn,
                lambda lang: (
                    phrase(lang, "right_answer", answer=_pick(chosen[0], lang))
                    if kind == "single"
                    else phrase(
                        lang,
                        "right_answers",
                        answers=phrase(lang, "separator").join(_pick(c, lang) for c in chosen),
                    )
                ),
            )
    elif kind == "true_false":
        truth = _truth(row)
        data["correct"] = truth
        data["explanation"] = _explanation(
            row,
            prompts,
            warn,
            lambda lang: phrase(lang, "right_answer", answer=phrase(lang, "true" if truth else "false")),
        )
    elif kind == "ordering":
        count, lists = _aligned(row, "options", "steps")
        if count == 0:
            raise BuildProblem(
                f"write the steps in the right order in '{row.column('options')}', separated by |"
            )
        steps = [_at(lists, i) for i in range(count)]
        data["items"] = steps
        data["explanation"] = _explanation(
            row,
            prompts,
            warn,
            lambda lang: phrase(
                lang, "right_order", items=phrase(lang, "separator").join(_pick(step, lang) for step in steps)
            ),
        )
    elif kind == "matching":
        count, lists = _aligned(row, "options", "pairs")
        if count == 0:
            raise BuildProblem(
                f"write the pairs as 'left -> right' in '{row.column('options')}', separated by |"
            )
        pairs: list[dict[str, dict[str, str]]] = [{"left": {}, "right": {}} for _ in range(count)]
        for lang, items in lists.items():
            for number, item in enumerate(items, 1):
                left, arrow, right = item.partition("->")
                if not arrow or not left.strip() or not right.strip():
                    raise BuildProblem(f"pair {number} in 'options_{lang}' should be written 'left -> right'")
                pairs[number - 1]["left"][lang] = left.strip()
                pairs[number - 1]["right"][lang] = right.strip()
        data["pairs"] = pairs
        data["explanation"] = _explanation(
            row,
            prompts,
            warn,
            lambda lang: phrase(
                lang,
                "right_pairs",
                pairs=phrase(lang, "separator").join(
                    phrase(lang, "pair", left=_pick(p["left"], lang), right=_pick(p["right"], lang))
                    for p in pairs
                ),
            ),
        )
    else:  # fill_blank
        accepted = {lang: items for lang, items in row.lists("options").items() if items}
        for lang, items in accepted.items():
            if any(not item for item in items):
                raise BuildProblem(
                    f"an accepted answer in 'options_{lang}' is empty (two '|' with nothing between?)"
                )
        if not accepted:
            raise BuildProblem(f"write the accepted answers in '{row.column('options')}', separated by |")
        for lang, items in accepted.items():
            kept: dict[str, str] = {}
            for item in items:
                if same_answer_key(item) in kept:
                    warn(
                        f"the accepted answer '{item}' in 'options_{lang}' is listed twice (case and extra "
                        "spaces never matter); it is kept once"
                    )
                else:
                    kept[same_answer_key(item)] = item
            accepted[lang] = list(kept.values())
        data["accepted"] = accepted

        def fill_sentence(lang: str) -> str:
            answers = accepted.get(lang) or next(iter(accepted.values()))
            sentence = phrase(lang, "right_answer", answer=answers[0])
            if len(answers) > 1:
                sentence += " " + phrase(
                    lang, "also_accepted", answers=phrase(lang, "separator").join(answers[1:])
                )
            return sentence

        data["explanation"] = _explanation(row, prompts, warn, fill_sentence)
    if kind in ("true_false", "ordering", "matching", "fill_blank"):
        for column in ("feedback", "situation"):
            if row.texts(column):
                warn(f"the '{column}' column is not used by {kind} questions, so it was not read")
        if row.get("ratings"):
            warn(f"the 'ratings' column is not used by {kind} questions, so it was not read")
    if kind != "true_false" and kind not in ("single", "multiple") and row.get("correct"):
        warn(f"the 'correct' column is not used by {kind} questions, so it was not read")
    hint = row.texts("hint")
    if hint:
        data["hint"] = hint
    source = row.texts("source")  # where a legal or institutional claim comes from (teachers only)
    if source:
        data["source"] = source
    for name in ("difficulty", "points"):
        value = row.get(name)
        if value:
            data[name] = value.lower() if name == "difficulty" else value
    return data
