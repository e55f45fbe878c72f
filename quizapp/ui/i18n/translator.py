"""Translators for quizapp's own strings.

:class:`CatalogTranslator` is a compiled ``.qm`` file. (No translator here overrides ``translate()`` in
Python: PySide6 corrupts reference counts in such overrides after many calls.)

Strings written with the module-level ``tr()`` helpers (teacher area, question views) are found by
``lupdate`` outside any class, so they live in the empty context; the helpers look them up there.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTranslator


def plural_form(language: str, n: int) -> int:
    """Which plural form to use for ``n`` (English and Urdu: one, other)."""
    return 0 if n == 1 else 1


class CatalogTranslator(QTranslator):
    """A compiled translation of one language (Qt does the look-ups in C++)."""

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = language
