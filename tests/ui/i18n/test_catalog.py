"""Finding and compiling translations: a .qm compiled into the cache when the .ts is newer, a shipped
.qm used as it is (frozen build, wheel), the .ts read directly when lrelease cannot run."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from quizapp.paths import resource_dir
from quizapp.ui.i18n import catalog as catalog_module
from quizapp.ui.i18n.catalog import TranslationCatalog
from quizapp.ui.i18n.compiler import CompileError, compile_ts, compiled
from quizapp.ui.i18n.translator import CatalogTranslator
from quizapp.ui.i18n.update import TRANSLATIONS_DIR


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "translations"
    shutil.copytree(TRANSLATIONS_DIR, folder, ignore=shutil.ignore_patterns("*.qm"))
    return folder


def test_resource_dir_finds_the_translations_in_a_source_checkout() -> None:
    """quizapp.paths finds the top-level translations/ folder (wheels and frozen builds carry their own)."""
    assert (resource_dir("translations") / "quizapp_ur.ts").is_file()


def test_the_ts_is_compiled_into_the_cache_and_again_when_newer(qapp, sources: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """First start compiles quizapp_ur.ts into the cache; an unchanged .ts is not compiled again; an
    edited (newer) .ts is."""
    cache = tmp_path / "cache"
    qm = compiled(sources / "quizapp_ur.ts", cache)
    assert qm == cache / "quizapp_ur.qm" and qm.stat().st_size > 1000
    os.utime(qm, (1_600_000_000, 1_600_000_000))
    ts = sources / "quizapp_ur.ts"
    os.utime(ts, (1_500_000_000, 1_500_000_000))
    assert compiled(ts, cache).stat().st_mtime == 1_600_000_000  # up to date: left alone
    os.utime(ts, (1_700_000_000, 1_700_000_000))
    assert compiled(ts, cache).stat().st_mtime > 1_700_000_000  # newer source: compiled again
    assert not list(cache.glob(".*"))  # no half-written temporary files left


def test_a_catalog_translates_from_the_compiled_file(qapp, sources: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The catalog's translator answers Qt's lookups, also for strings filed under the empty context."""
    translator = TranslationCatalog(sources, tmp_path / "cache").translator("ur")
    assert isinstance(translator, CatalogTranslator)
    assert translator.translate("QuizScreen", "Check") == "جانچیں"
    assert translator.translate("TeacherArea", "Lock") == "بند کریں"
    assert translator.translate("", "True") == "صحیح"  # from the module-level tr() helpers
    assert translator.translate("QuizScreen", "No such words") == ""
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("QPlatformTheme", "OK") == "ٹھیک ہے"
        assert QCoreApplication.translate("", "%n answer(s)", "", 3) == "\u200f3 جواب"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_shipped_qm_is_used_without_its_source(qapp, sources: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A frozen build ships only quizapp_ur.qm: it is loaded as it is, nothing is compiled."""
    frozen = tmp_path / "frozen"
    frozen.mkdir()
    compile_ts(sources / "quizapp_ur.ts", frozen / "quizapp_ur.qm")
    catalog = TranslationCatalog(frozen, None)
    assert catalog.qm_file("ur") == frozen / "quizapp_ur.qm"
    assert catalog.translator("ur").translate("LessonScreen", "Next") == "آگے"
    assert catalog.languages() == ["ur"]


def test_without_lrelease_english_is_shown_and_the_problem_recorded(
    qapp, sources: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """When the .ts cannot be compiled there is no translator (English shows) and the reason is kept."""

    def fail(ts: Path, cache: Path) -> Path:
        raise CompileError(f"{ts}: cannot compile, lrelease is not part of this PySide6 installation.")

    monkeypatch.setattr(catalog_module, "compiled", fail)
    catalog = TranslationCatalog(sources, tmp_path / "cache")
    assert catalog.translator("ur") is None
    assert "lrelease" in catalog.problems[0] and "quizapp_ur.ts" in catalog.problems[0]


def test_a_language_without_translation_has_no_translator(sources: Path, tmp_path: Path) -> None:
    """Asking for a language that has no .ts gives None (the English source text is shown)."""
    assert TranslationCatalog(sources, tmp_path / "cache").translator("fr") is None


def test_compile_error_names_the_file(tmp_path: Path) -> None:
    """A broken .ts gives a CompileError that names it."""
    broken = tmp_path / "quizapp_xx.ts"
    broken.write_text("<TS><context>", encoding="utf-8")
    with pytest.raises(CompileError, match=r"quizapp_xx\.ts"):
        compile_ts(broken, tmp_path / "out" / "quizapp_xx.qm")


def test_the_start_up_worker_compiles_every_language_so_a_language_button_compiles_nothing(
    qapp,
    sources: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    """A source install compiles its translations in the start-up worker (lrelease takes 0.2-0.3 s a
    language here, over a second on a busy PC, and stopped the window when a child first tapped "اردو");
    the tap then only loads the file."""
    from quizapp.services.library import PackLibrary
    from quizapp.ui.app import warm_up

    catalog = TranslationCatalog(sources, tmp_path / "cache")
    library = PackLibrary(tmp_path / "no-builtin", tmp_path / "packs")
    warm_up(library, catalog)()
    assert {p.name for p in (tmp_path / "cache").glob("*.qm")} >= {"quizapp_ur.qm"}

    def no_compiling(*args: object) -> None:
        raise AssertionError("compiled on the GUI thread")

    monkeypatch.setattr("quizapp.ui.i18n.compiler.compile_ts", no_compiling)
    assert catalog.translator("ur") is not None
