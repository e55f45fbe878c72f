"""Translators for quizapp's own strings.

:class:`CatalogTranslator` is a compiled ``.qm`` file. :class:`TsTranslator` gives the same answers
straight from a ``.ts`` file, for a computer where ``lrelease`` cannot run.

Strings written with the module-level ``tr()`` helpers (teacher area, question views) are found by
``lupdate`` outside any class, so they live in the empty context; the helpers look them up there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTranslator

from quizapp.ui.i18n.tsfile import read_ts


def plural_form(language: str, n: int) -> int:
    """Which plural form to use for ``n`` (English and Urdu: one, other)."""
    return 0 if n == 1 else 1


class CatalogTranslator(QTranslator):
    """A compiled translation of one language (Qt does the look-ups in C++)."""

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = language


class TsTranslator(QTranslator):
    """The finished translations of a ``.ts`` file, read without compiling it.

    A look-up it cannot answer gives back the source text: a Python override cannot return Qt's "no
    translation" (a null string) safely, and quizapp installs one translator per language anyway.
    """

    def __init__(self, ts_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        ts = read_ts(ts_path)
        self.lang = ts.language.split("_")[0]
        self._texts = ts.lookup()

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return not self._texts

    def translate(self, context, source_text, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]  # noqa: N802
        forms = self._texts.get((context or "", source_text or "", disambiguation or ""))
        if not forms:
            return source_text or ""
        if len(forms) > 1 and n >= 0:
            return forms[min(plural_form(self.lang, n), len(forms) - 1)]
        return forms[0]
