"""Export a pack's questions to GIFT or to the CSV template, so they can be edited or used in Moodle.

Importing the export gives the same questions back. The CSV template holds all seven question types in
every language of the pack. GIFT holds one language and has no ordering or scenario questions, no hints,
difficulty, points or images: those are reported, never dropped silently (export to CSV to keep them).
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from quizapp.content.models import (
    AnyQuestion,
    FillBlank,
    Matching,
    Module,
    MultipleSelect,
    Ordering,
    Scenario,
    SingleChoice,
    SpotTheScam,
    TrueFalse,
    picture_paths,
)
from quizapp.content.packs import Pack
from quizapp.content.text import DEFAULT_KEY, LText
from quizapp.importers.csv_bank import guard_formula, header, join_list
from quizapp.importers.textformat import TAG_RE

ExportFormat = Literal["gift", "csv"]
_DEFAULT_IDS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(slots=True)
class ExportResult:
    text: str
    exported: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (question id, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (question id, what was not kept)


_NO_PICTURE_REGIONS = (
    "{fmt} has no spot-the-scam questions (a picture with regions to mark); "
    "share the pack itself to keep this one"
)

_NO_PAIR_PICTURES = "{fmt} cannot hold the pictures of matching items; share the pack itself to keep them"


def _in(text: LText | None, lang: str, default: str) -> str:
    """The text in exactly ``lang`` ('' when it has none); a plain string counts as the default language."""
    if text is None:
        return ""
    if lang in text:
        return text[lang]
    if lang == default and DEFAULT_KEY in text:
        return text[DEFAULT_KEY]
    return ""


def _uses_default_ids(ids: list[str]) -> bool:
    return ids == list(_DEFAULT_IDS[: len(ids)])


# --- CSV ------------------------------------------------------------------------------------------------


def _lang_list(texts: list[LText], lang: str, default: str, what: str, qid: str, result: ExportResult) -> str:
    values = [_in(t, lang, default) for t in texts]
    if not any(values):
        return ""
    if not all(values):
        values = [v or t.get_text(default, default) for v, t in zip(values, texts, strict=True)]
        result.warnings.append(
            (qid, f"some {what} have no '{lang}' text; the {default} text was written instead")
        )
    return join_list(values)


def _csv_row(
    module: Module, q: AnyQuestion, languages: list[str], default: str, result: ExportResult
) -> dict[str, str]:
    row: dict[str, str] = {"id": q.id, "type": q.type}
    for lang in languages:
        row[f"module_{lang}"] = _in(module.title, lang, default)
        row[f"prompt_{lang}"] = _in(q.prompt, lang, default)
        row[f"explanation_{lang}"] = _in(q.explanation, lang, default)
        row[f"hint_{lang}"] = _in(q.hint, lang, default)
        row[f"source_{lang}"] = _in(q.source, lang, default)
    if isinstance(q, SingleChoice | MultipleSelect | Scenario):
        ids = [o.id for o in q.options]
        default_ids = _uses_default_ids(ids)
        if not default_ids:
            row["option_ids"] = join_list(ids)
        for lang in languages:
            row[f"options_{lang}"] = _lang_list(
                [o.text for o in q.options], lang, default, "options", q.id, result
            )
            feedback = [_in(o.feedback, lang, default) for o in q.options]
            row[f"feedback_{lang}"] = join_list(feedback) if any(feedback) else ""
        if isinstance(q, Scenario):
            row["ratings"] = join_list([o.rating for o in q.options])
            for lang in languages:
                row[f"situation_{lang}"] = _in(q.situation, lang, default)
        else:
            correct = [q.correct] if isinstance(q, SingleChoice) else list(q.correct)
            row["correct"] = join_list(correct)
    elif isinstance(q, TrueFalse):
        row["correct"] = "true" if q.correct else "false"
    elif isinstance(q, Ordering):
        for lang in languages:
            row[f"options_{lang}"] = _lang_list(q.items, lang, default, "steps", q.id, result)
    elif isinstance(q, Matching):
        if any(p.left_image or p.right_image for p in q.pairs):
            result.warnings.append((q.id, _NO_PAIR_PICTURES.format(fmt="the CSV template")))
        for lang in languages:
            lefts = _lang_list([p.left for p in q.pairs], lang, default, "pairs", q.id, result)
            rights = _lang_list([p.right for p in q.pairs], lang, default, "pairs", q.id, result)
            if lefts and rights:
                row[f"options_{lang}"] = join_list(
                    [
                        f"{(p.left.get(lang) or p.left.get_text(default, default))} -> "
                        f"{(p.right.get(lang) or p.right.get_text(default, default))}"
                        for p in q.pairs
                    ]
                )
    elif isinstance(q, FillBlank):
        for lang in languages:
            answers = list(q.accepted.get(lang, ()))
            if lang == default:
                answers = list(q.accepted.get(DEFAULT_KEY, ())) + answers
            row[f"options_{lang}"] = join_list(answers)
    if q.difficulty:
        row["difficulty"] = q.difficulty
    if q.points != 1:
        row["points"] = str(q.points)
    if q.image:
        result.warnings.append(
            (
                q.id,
                f"the image '{', '.join(p for _, p in picture_paths(q.image))}' is not in the CSV; "
                "add it again after importing",
            )
        )
    _warn_narration(q, result, "CSV")
    return row


def _narration(q: AnyQuestion) -> list[str]:
    """The narration files of a question (its prompt's and its options'), which no export format carries."""
    files = list((q.audio or {}).values())
    for option in getattr(q, "options", ()):
        files += list((option.audio or {}).values())
    return files


def _warn_narration(q: AnyQuestion, result: ExportResult, where: str) -> None:
    files = _narration(q)
    if files:
        result.warnings.append(
            (
                q.id,
                f"the narration ({', '.join(files)}) is not in the {where}; "
                "add the audio: lines again after importing",
            )
        )


def export_csv(pack: Pack) -> ExportResult:
    """Every question of the pack as rows of the CSV template, in all the pack's languages."""
    default = pack.default_language
    languages = [default, *(lang for lang in pack.manifest.languages if lang != default)]
    columns = header(languages)
    result = ExportResult("")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for module in pack.modules:
        for question in module.quiz.questions:
            if isinstance(question, SpotTheScam):
                result.skipped.append((question.id, _NO_PICTURE_REGIONS.format(fmt="the CSV template")))
                continue
            row = _csv_row(module, question, languages, default, result)
            writer.writerow({name: guard_formula(row.get(name, "")) for name in columns})
            result.exported.append(question.id)
    result.text = buffer.getvalue()
    return result


# --- GIFT -----------------------------------------------------------------------------------------------

_MARKUP = re.compile(r"\*|^\s*(?:[-•]|\d+[.)])\s", re.M)
_MD_ESCAPABLE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!>|])")


def _markdown_safe(text: str) -> str:
    """Double the backslashes that Markdown would read as escapes, so they survive a Markdown reader."""
    return _MD_ESCAPABLE.sub(r"\\\\", text)


def gift_escape(text: str) -> str:
    text = text.replace("\\", "\\\\")
    for char in "~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "\\n")


def _category(title: str) -> str:
    return "$course$/top/" + title.replace("/", "//")


def _weight(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _gift_question(q: AnyQuestion, lang: str, default: str, result: ExportResult) -> str | None:
    def t(text: LText | None) -> str:
        return text.get_text(lang, default) if text is not None else ""

    if isinstance(q, SpotTheScam):
        result.skipped.append((q.id, _NO_PICTURE_REGIONS.format(fmt="GIFT")))
        return None
    if isinstance(q, Ordering):
        result.skipped.append((q.id, "GIFT has no ordering questions; export to CSV to keep this one"))
        return None
    if isinstance(q, Scenario):
        result.skipped.append(
            (
                q.id,
                "GIFT has no scenario questions (options rated best / acceptable / unsafe); "
                "export to CSV to keep this one",
            )
        )
        return None
    texts = [t(q.prompt), t(q.explanation)]
    if isinstance(q, SingleChoice | MultipleSelect):
        texts += [t(o.text) for o in q.options] + [t(o.feedback) for o in q.options]
    elif isinstance(q, FillBlank):
        texts += list(q.accepted.for_language(lang, default))
    elif isinstance(q, Matching):
        texts += [t(p.left) for p in q.pairs] + [t(p.right) for p in q.pairs]
        if any(p.left_image or p.right_image for p in q.pairs):
            result.warnings.append((q.id, _NO_PAIR_PICTURES.format(fmt="GIFT")))
    marker = ""
    if any(TAG_RE.search(text) for text in texts):
        marker = "[plain]"
    elif any(_MARKUP.search(text) for text in texts):
        marker = "[markdown]"

    def esc(value: str) -> str:
        return gift_escape(_markdown_safe(value) if marker == "[markdown]" else value)

    def out(text: LText | None) -> str:
        return esc(t(text))

    answers: list[str] = []
    if isinstance(q, SingleChoice | MultipleSelect):
        correct = {q.correct} if isinstance(q, SingleChoice) else set(q.correct)
        share = 100 / len(correct)
        for option in q.options:
            if isinstance(q, SingleChoice):
                mark = "=" if option.id in correct else "~"
            else:
                mark = f"~%{_weight(share if option.id in correct else -share)}%"
            feedback = f"#{out(option.feedback)}" if option.feedback else ""
            answers.append(f"\t{mark}{out(option.text)}{feedback}")
        if not _uses_default_ids([o.id for o in q.options]):
            result.warnings.append((q.id, "GIFT has no option ids; importing gives the ids a, b, c ..."))
    elif isinstance(q, TrueFalse):
        answers.append("\tTRUE" if q.correct else "\tFALSE")
    elif isinstance(q, FillBlank):
        answers += [f"\t={esc(a)}" for a in q.accepted.for_language(lang, default)]
    elif isinstance(q, Matching):
        answers += [f"\t={out(p.left)} -> {gift_escape(t(p.right))}" for p in q.pairs]
    lost = [
        name
        for name, present in (
            ("hint", q.hint is not None),
            ("difficulty", q.difficulty is not None),
            ("points", q.points != 1),
            ("image", q.image is not None),
        )
        if present
    ]
    if lost:
        result.warnings.append(
            (q.id, f"GIFT cannot hold the question's {', '.join(lost)}; export to CSV to keep it")
        )
    _warn_narration(q, result, "GIFT file")
    lines = [f"// {q.type}: {q.id}", f"::{q.id}::{marker}{out(q.prompt)}{{", *answers]
    lines.append(f"\t####{out(q.explanation)}")
    lines.append("}")
    result.exported.append(q.id)
    return "\n".join(lines)


def export_gift(pack: Pack, language: str | None = None) -> ExportResult:
    """The pack's questions in GIFT, in one language (the pack's default unless given)."""
    default = pack.default_language
    lang = language or default
    result = ExportResult("")
    parts = [
        f"// {pack.manifest.title.get_text(lang, default)} ({pack.id} {pack.version}), exported by quizapp"
    ]
    for module in pack.modules:
        parts.append(f"$CATEGORY: {_category(module.title.get_text(lang, default))}")
        for question in module.quiz.questions:
            block = _gift_question(question, lang, default, result)
            if block is not None:
                parts.append(block)
    result.text = "\n\n".join(parts) + "\n"
    return result


def export_pack(pack: Pack, fmt: ExportFormat, language: str | None = None) -> ExportResult:
    return export_gift(pack, language) if fmt == "gift" else export_csv(pack)


def write_atomic(path: Path, text: str, *, encoding: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, so a failure never leaves half a file."""
    folder = path.absolute().parent
    folder.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline="") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
