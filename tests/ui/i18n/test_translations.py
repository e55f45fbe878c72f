"""The translation sources: every interface string has a finished Urdu translation that keeps its
placeholders and reads right to left, English has its plural forms, and a new string is noticed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from quizapp.ui.i18n.update import TRANSLATIONS_DIR, UI_DIR, LanguageReport, update

ROOT = UI_DIR.parent.parent


@pytest.fixture(scope="module")
def reports() -> dict[str, LanguageReport]:
    return {r.language: r for r in update(TRANSLATIONS_DIR, UI_DIR, write=False)}


def test_every_interface_string_has_a_finished_urdu_translation(reports: dict[str, LanguageReport]) -> None:
    """lupdate over quizapp/ui (into a temporary copy) finds no string without a finished Urdu text."""
    report = reports["ur"]
    assert len(report.ts.current()) > 300
    assert report.unfinished == [], "\n".join(report.lines())


def test_urdu_translations_keep_placeholders_and_read_right_to_left(
    reports: dict[str, LanguageReport],
) -> None:
    """Each {name} / %1 / %n of a source text is in its translation; none starts left to right."""
    report = reports["ur"]
    assert report.placeholder_problems == [], "\n".join(report.lines())
    assert report.direction_problems == [], "\n".join(report.lines())


def test_english_has_every_plural_form(reports: dict[str, LanguageReport]) -> None:
    """quizapp_en.ts holds the plural strings only, each with its singular and plural form."""
    report = reports["en"]
    assert report.ts.current() and all(m.numerus for m in report.ts.current())
    assert report.ok, "\n".join(report.lines())


def test_a_new_untranslated_string_is_caught(tmp_path: Path) -> None:
    """A string added to the code without a translation makes the check fail and is named."""
    ui = tmp_path / "ui"
    shutil.copytree(UI_DIR, ui, ignore=shutil.ignore_patterns("__pycache__"))
    (ui / "screens" / "brand_new.py").write_text(
        "from PySide6.QtWidgets import QWidget\n\n\nclass BrandNewScreen(QWidget):\n"
        "    def words(self):\n        return self.tr('A sentence nobody has translated yet')\n",
        encoding="utf-8",
    )
    translations = tmp_path / "translations"
    shutil.copytree(TRANSLATIONS_DIR, translations)
    ur = next(r for r in update(translations, ui, write=False) if r.language == "ur")
    assert [(m.context, m.source) for m in ur.unfinished] == [
        ("BrandNewScreen", "A sentence nobody has translated yet")
    ]
    assert (translations / "quizapp_ur.ts").read_bytes() == (TRANSLATIONS_DIR / "quizapp_ur.ts").read_bytes()


def test_tr_is_only_called_on_self() -> None:
    """``other.tr("…")`` would be filed by lupdate under the context "other", which Qt never asks for."""
    pattern = re.compile(r"\b(?!self\b|QCoreApplication\b|QApplication\b|QGuiApplication\b)(\w+)\.tr\(")
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(UI_DIR.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []


def test_translations_live_in_the_repository_as_sources_only() -> None:
    """translations/ holds the .ts sources; compiled .qm files are build products and ignored by git."""
    assert sorted(p.name for p in TRANSLATIONS_DIR.glob("*.ts")) == ["quizapp_en.ts", "quizapp_ur.ts"]
    assert "*.qm" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()
