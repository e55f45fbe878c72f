"""Finding the translation of a language: a compiled ``.qm`` when it is up to date, otherwise the ``.ts``
compiled now into a cache folder (when that fails the problem is logged and the English text is shown).

``quizapp.paths.resource_dir("translations")`` is the top-level ``translations/`` folder in a source
checkout, ``quizapp/_data/translations`` in a wheel and ``translations/`` (``.qm`` only) in a frozen build.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QTranslator

from quizapp.ui.i18n.compiler import CompileError, compiled, needs_compiling
from quizapp.ui.i18n.translator import CatalogTranslator

log = logging.getLogger("quizapp")

BASENAME = "quizapp"


@dataclass
class TranslationCatalog:
    """The translations in ``source_dir``; compiled files go to ``cache_dir``."""

    source_dir: Path
    cache_dir: Path | None = None
    problems: list[str] = field(default_factory=list)
    _loaded: dict[str, QTranslator | None] = field(default_factory=dict, repr=False)
    _compiling: threading.Lock = field(default_factory=threading.Lock, repr=False)

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
        with self._compiling:  # the start-up worker (see prepare) and a language button may both ask
            try:
                return compiled(ts, self.cache_dir)
            except (CompileError, OSError) as exc:
                self.problems.append(str(exc))
                log.warning("Translation not compiled, showing English: %s", exc)
                return None

    def prepare(self) -> None:
        """Compile every language that needs it (a source or pip install), so that a child's first tap on
        a language button only loads a file. lrelease takes 0.2-0.3 s a language here and more than a
        second on a busy or old PC: run in the start-up worker, never on the GUI thread."""
        for language in self.languages():
            self.qm_file(language)

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
        return None

    def pseudo_translator(self, mode: str, reference: str = "ur") -> QTranslator | None:
        """The pseudo-translation (``stretch`` / ``mirror``) of every string in the ``reference`` .ts."""
        from quizapp.ui.i18n.pseudo import write_pseudo_ts  # only in pseudo mode: keeps start-up light
        from quizapp.ui.i18n.tsfile import TsFileError, read_ts

        ts = self.ts_file(reference)
        if not ts.is_file():
            self.problems.append(f"{ts}: missing, so there is no list of strings to pseudo-translate.")
            return None
        import tempfile

        folder = self.cache_dir or Path(tempfile.mkdtemp(prefix="quizapp-pseudo-"))
        try:
            source = write_pseudo_ts(read_ts(ts), folder / f"{BASENAME}_pseudo_{mode}.ts", mode)
            qm = compiled(source, folder)
        except (CompileError, TsFileError, OSError) as exc:
            self.problems.append(str(exc))
            log.warning("Pseudo-translation not made: %s", exc)
            return None
        translator = CatalogTranslator("en")
        return translator if translator.load(str(qm)) else None
