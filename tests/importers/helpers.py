"""Small helpers for importer tests: write a source file and convert it."""

from __future__ import annotations

from pathlib import Path

from quizapp.content.models import AnyQuestion
from quizapp.content.text import LText
from quizapp.importers import ConversionReport, convert_files


def convert_text(
    tmp_path: Path, name: str, text: str, *, language: str = "en", bom: bool = False
) -> ConversionReport:
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return convert_files([path], language=language, display=lambda p: p.name)


def only_question(report: ConversionReport) -> AnyQuestion:
    assert len(report.converted) == 1, [str(e) for e in report.entries()]
    return report.converted[0].question


def en(value: object) -> str:
    """The English (or default-language) text of an LText."""
    assert isinstance(value, LText), value
    return value.get_text("en")


def warnings_text(report: ConversionReport) -> str:
    return "\n".join(str(w) for w in report.warnings)
