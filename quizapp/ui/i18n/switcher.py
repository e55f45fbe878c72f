"""Switching the interface language of a running app: translator, font, locale and layout direction.

One :class:`LanguageSwitcher` belongs to one app context; ``apply("ur")`` installs the Urdu translation,
makes Noto Nastaliq Urdu the application font, sets the default ``QLocale`` to ``ur_PK`` and lays every
window out right to left. ``apply("en")`` undoes all of it, without a restart.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

from quizapp.ui.i18n.catalog import TranslationCatalog
from quizapp.ui.i18n.fonts import FontSet
from quizapp.ui.i18n.formatting import locale_for
from quizapp.ui.i18n.pseudo import MODES

log = logging.getLogger("quizapp")

RTL_LANGUAGES = frozenset({"ur", "ar", "fa", "ps", "sd"})


class LanguageSwitcher:
    """Applies a language to the whole application."""

    def __init__(self, catalog: TranslationCatalog, fonts: FontSet, *, pseudo: str | None = None) -> None:
        self.catalog = catalog
        self.fonts = fonts
        if pseudo is not None and pseudo not in MODES:
            raise ValueError(f"unknown pseudo-translation mode {pseudo!r}; use one of {', '.join(MODES)}")
        self.pseudo_mode = pseudo
        self._pseudo: QTranslator | None = None
        self.language: str | None = None
        self._installed: list[QTranslator] = []
        self._base_font: QFont | None = None

    @classmethod
    def for_folders(
        cls, translations_dir: Path, fonts_dir: Path, cache_dir: Path | None, *, pseudo: str | None = None
    ) -> LanguageSwitcher:
        return cls(TranslationCatalog(translations_dir, cache_dir), FontSet(fonts_dir), pseudo=pseudo)

    @property
    def force_rtl(self) -> bool:
        """The mirrored pseudo-translation lays out every language right to left."""
        return self.pseudo_mode == "mirror"

    def is_rtl(self, language: str) -> bool:
        return self.force_rtl or language in RTL_LANGUAGES

    def direction(self, language: str) -> Qt.LayoutDirection:
        return Qt.LayoutDirection.RightToLeft if self.is_rtl(language) else Qt.LayoutDirection.LeftToRight

    def tall_lines(self, language: str) -> bool:
        """Text in ``language`` needs more room above and below each line (Nastaliq)."""
        return self.fonts.tall_script(language)

    def script_scale(self, language: str) -> float:
        """How much larger than English text in ``language`` is drawn (Urdu's Nastaliq: 1.2)."""
        return self.fonts.text_scale(language)

    def apply(self, language: str) -> None:
        """Make ``language`` the language of every window now."""
        app = QCoreApplication.instance()
        self.language = language
        QLocale.setDefault(locale_for(language))
        if app is None:
            return
        for old in self._installed:
            QCoreApplication.removeTranslator(old)
        self._installed = []
        translator = self.catalog.translator(language)
        if translator is not None:
            QCoreApplication.installTranslator(translator)
            self._installed.append(translator)
        if self.pseudo_mode is not None:
            if self._pseudo is None:
                self._pseudo = self.catalog.pseudo_translator(self.pseudo_mode)
            if self._pseudo is not None:
                QCoreApplication.installTranslator(self._pseudo)  # installed last: asked first
                self._installed.append(self._pseudo)
        if isinstance(app, QGuiApplication):
            if self._base_font is None:
                self._base_font = QFont(QGuiApplication.font())
            font = self.fonts.font_for(language, self._base_font)
            if isinstance(app, QApplication):
                QApplication.setFont(font)  # also tells every widget
            else:
                QGuiApplication.setFont(font)
            QGuiApplication.setLayoutDirection(self.direction(language))

    def reset(self) -> None:
        """Take everything :meth:`apply` did away again (translators, font, direction, locale)."""
        for old in self._installed:
            QCoreApplication.removeTranslator(old)
        self._installed = []
        QLocale.setDefault(locale_for("en"))
        app = QCoreApplication.instance()
        if isinstance(app, QGuiApplication):
            if self._base_font is not None:
                if isinstance(app, QApplication):
                    QApplication.setFont(self._base_font)
                else:
                    QGuiApplication.setFont(self._base_font)
            QGuiApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.language = None

    def problems(self) -> list[str]:
        """What went wrong loading translations or fonts (for the log and the self-test)."""
        return [*self.catalog.problems, *self.fonts.problems]
