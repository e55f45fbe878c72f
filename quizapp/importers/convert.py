"""Convert question bank files into questions of our format, grouped into modules, with a full report.

    report = convert_files([Path("bank.gift"), Path("more.csv")], language="ur")
    for entry in report.entries():
        print(entry)
    write_pack(report, Path("my-pack"), PackOptions(title="Imported"))   # see pack_writer

Each file is read by the importer its extension names (.csv, .gift, .xml; .txt is sniffed as Aiken or
GIFT). Questions get ids that are unique in the pack (from an id in the source, else the question's name,
else the start of its prompt) and are validated exactly as the pack validator would.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from quizapp.content.text import DEFAULT_KEY, LANG_PATTERN
from quizapp.importers.aiken import parse_aiken
from quizapp.importers.build import ParsedQuestion
from quizapp.importers.checks import text_languages, validate_question
from quizapp.importers.csv_bank import parse_csv
from quizapp.importers.detect import SUPPORTED, format_for, is_supported, sniff_text
from quizapp.importers.gift import parse_gift
from quizapp.importers.ids import IdAllocator, is_slug, prompt_slug, slugify
from quizapp.importers.moodle_xml import parse_moodle_xml
from quizapp.importers.report import ConversionReport, ConvertedQuestion, FileSink, ModulePlan
from quizapp.importers.sources import CSV_ADVICE, TEXT_ADVICE, SourceProblem, read_bytes, read_text
from quizapp.importers.textformat import one_line


def display_path(path: Path) -> str:
    """A path as the user would recognise it: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def title_from_file(path: Path) -> str:
    words = re.sub(r"[_\-.]+", " ", path.stem).strip()
    return (words[:1].upper() + words[1:]) if words else "Imported questions"


def parse_file(path: Path, sink: FileSink, language: str) -> list[ParsedQuestion] | None:
    """The questions of one file, or None when the file cannot be read at all (reported to ``sink``)."""
    if path.is_dir():
        sink.error(1, "this is a folder; give the question bank files inside it")
        return None
    if not is_supported(path):
        sink.error(1, f"quizapp cannot read '{path.suffix or 'extension-less'}' files; it reads {SUPPORTED}")
        return None
    fmt = format_for(path)
    try:
        if fmt == "moodle_xml":
            return parse_moodle_xml(read_bytes(path), sink, language)
        text = read_text(path, CSV_ADVICE if fmt == "csv" else TEXT_ADVICE)
    except SourceProblem as problem:
        sink.error(problem.line, problem.message)
        return None
    if fmt is None:
        fmt = sniff_text(text)
        if fmt is None:
            sink.error(
                1,
                "cannot tell whether this .txt file is Aiken or GIFT: it has no 'ANSWER:' lines and no "
                "answers in { }; rename it to .gift if it is GIFT",
            )
            return None
    if fmt == "csv":
        return parse_csv(text, sink, language)
    if fmt == "aiken":
        return parse_aiken(text, sink, language)
    return parse_gift(text, sink, language)


def _first_text(value: object) -> str:
    if isinstance(value, dict):
        for text in value.values():
            if isinstance(text, str):
                return text
    return value if isinstance(value, str) else ""


def convert_files(
    paths: Sequence[Path],
    *,
    language: str = "en",
    display: Callable[[Path], str] = display_path,
) -> ConversionReport:
    """Convert every file; nothing is raised for bad input, everything is in the report."""
    if not re.match(LANG_PATTERN, language):
        raise ValueError(f"'{language}' is not a language code such as 'en' or 'ur'")
    report = ConversionReport(language=language)
    question_ids = IdAllocator()
    module_ids = IdAllocator()
    modules: dict[str, ModulePlan] = {}
    for path in paths:
        shown = display(path)
        report.sources.append(shown)
        sink = FileSink(report, shown)
        reported_before = len(report.skipped) + len(report.errors)
        parsed = parse_file(path, sink, language)
        if parsed is None:
            continue
        if not parsed and len(report.skipped) + len(report.errors) == reported_before:
            sink.warn(1, "no questions were found in this file")
        default_module = title_from_file(path)
        for item in parsed:
            title = item.module or default_module
            key = " ".join(title.split()).casefold()
            plan = modules.get(key)
            if plan is None:
                plan = ModulePlan(id=module_ids.take([title], "module"), title=title)
                modules[key] = plan
            for lang, text in item.module_titles.items():
                plan.titles.setdefault(lang, text)
            question_id = question_ids.take(
                [
                    item.explicit_id or "",
                    item.title or "",
                    prompt_slug(one_line(_first_text(item.data.get("prompt")))),
                ],
                "question",
            )
            if item.explicit_id and item.explicit_id != question_id:
                why = "is already used in this pack" if is_slug(item.explicit_id) else "is not a valid id"
                sink.warn(
                    item.line, f"the id '{item.explicit_id}' {why}; the question got the id '{question_id}'"
                )
            question, problems = validate_question({"id": question_id, **item.data})
            if question is None:
                sink.skip(item.line, item.name, "invalid", "; ".join(problems))
                continue
            plan.questions.append(question)
            if shown not in plan.sources:
                plan.sources.append(shown)
            for tag in item.tags:
                slug = slugify(tag)
                if slug and slug not in plan.tags:
                    plan.tags.append(slug)
            report.converted.append(ConvertedQuestion(shown, item.line, item.title, plan.id, question))
    report.modules = [plan for plan in modules.values() if plan.questions]
    report.languages = _languages(report, language)
    return report


def _languages(report: ConversionReport, language: str) -> list[str]:
    found: list[str] = []
    for converted in report.converted:
        for lang in text_languages(converted.question):
            if lang != DEFAULT_KEY and lang not in found:
                found.append(lang)
    ordered = sorted(found, key=lambda lang: (lang != language, found.index(lang)))
    return ordered or [language]
