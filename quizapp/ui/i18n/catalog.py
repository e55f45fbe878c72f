"""Finding the translation of a language: a compiled ``.qm`` when it is up to date, otherwise the ``.ts``
compiled now into a cache folder, otherwise the ``.ts`` read directly.

``quizapp.paths.resource_dir("translations")`` is the top-level ``translations/`` folder in a source
checkout, ``quizapp/_data/translations`` in a wheel and ``translations/`` (``.qm`` only) in a frozen build.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QTranslator

from quizapp.ui.i18n.compiler import CompileError, compiled, needs_compiling
from quizapp.ui.i18n.translator import CatalogTranslator, TsTranslator
from quizapp.ui.i18n.tsfile import TsFileError

log = logging.getLogger("quizapp")

BASENAME = "quizapp"


@dataclass
class TranslationCatalog:
    """The translations in ``source_dir``; compiled files go to ``cache_dir``."""

    source_dir: Path
    cache_dir: Path | None = None
    problems: list[str] = field(default_factory=list)
    _loaded: dict[str, QTranslator | None] = field(default_factory=dict, repr=False)

    def ts_file(self, language: str) -> Path:
        return self.source_dir / f"{BASENAME}_{language}.ts"

    def languages(self) -> list[str]:
        """Languages with a ``.ts`` or ``.qm`` file."""
        found: set[str] = set()
        for pattern in (f"{BASENAME}_*.ts", f"{BASENAME}_*.qm"):
            found.update(p.stem.removeprefix(f"{BASENAME}_") for p in self.source_dir.glob(pattern))
        return sorted(found)

    def qm_file(self, language: str) -> Path | None:
        """An up-to-date compiled file for ``language`` (compiling it when needed), or None."""
        ts = self.ts_file(language)
        beside = ts.with_suffix(".qm")
        if beside.is_file() and (not ts.is_file() or not needs_compiling(ts, beside)):
            return beside
        if not ts.is_file() or self.cache_dir is None:
            return None
        try:
            return compiled(ts, self.cache_dir)
        except (CompileError, OSError) as exc:
            self.problems.append(str(exc))
            log.warning("Translation not compiled, reading the .ts instead: %s", exc)
            return None

    def translator(self, language: str) -> QTranslator | None:
        """A translator for ``language`` (made once), or None when it has no translation."""
        if language not in self._loaded:
            self._loaded[language] = self._make(language)
        return self._loaded[language]

    def _make(self, language: str) -> QTranslator | None:
        qm = self.qm_file(language)
        if qm is not None:
            translator = CatalogTranslator(language)
            if translator.load(str(qm)):
                return translator
            self.problems.append(f"{qm}: Qt could not load this translation file.")
            log.warning("Could not load %s", qm)
        ts = self.ts_file(language)
        if ts.is_file():
            try:
                return TsTranslator(ts)
            except TsFileError as exc:
                self.problems.append(str(exc))
                log.error("%s", exc)
        return None
