"""What every screen is given: the data folder, the progress store, the pack library and the UI language.

Screens receive an :class:`AppContext` in their constructor (no globals). Changing the language with
:meth:`AppContext.set_language` switches the layout direction (right-to-left for Urdu), installs the
compiled translation when there is one, and emits ``ctx.signals.language_changed`` so the visible screen
re-renders with the packs' texts in that language, without a restart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from quizapp.paths import resource_dir
from quizapp.ui.i18n import LanguageSwitcher, make_switcher
from quizapp.ui.i18n.bidi import rtl_paragraph

if TYPE_CHECKING:
    from quizapp.content.text import LText
    from quizapp.services.learning import LearningService
    from quizapp.services.library import PackLibrary
    from quizapp.services.records import Store
    from quizapp.ui.narration import Narrator

RTL_LANGUAGES = frozenset({"ur", "ar", "fa", "ps", "sd"})
UI_LANGUAGES = ("en", "ur")


class ContextSignals(QObject):
    """Signals shared by every screen."""

    language_changed = Signal(str)
    """The UI language changed (``"en"``, ``"ur"``): re-render visible texts."""
    text_scale_changed = Signal(int)
    """The text size changed (percent, 100 = normal)."""
    content_changed = Signal()
    """Packs, learners or settings changed (teacher area): reload what is shown."""
    style_changed = Signal()
    """The colours changed (high contrast on or off): apply the style sheet again."""


@dataclass(eq=False)
class AppContext:
    """Shared state of one running app (or one test)."""

    data_dir: Path
    store: Store
    library: PackLibrary
    language: str = "en"
    text_scale: int = 100
    signals: ContextSignals = field(default_factory=ContextSignals)
    i18n: LanguageSwitcher | None = field(default=None, repr=False)
    """Translator, font, locale and direction for each language (made from ``data_dir`` when not given)."""
    _learning: LearningService | None = field(default=None, init=False, repr=False)
    _narrator: Narrator | None = field(default=None, init=False, repr=False)

    # ------------------------------------------------------------------------------------- services
    @property
    def learning(self) -> LearningService:
        """The student learning flow (progress, resume, quiz sessions) over this store and library."""
        if self._learning is None:
            from quizapp.services.learning import LearningService

            self._learning = LearningService(self.store, self.library)
        return self._learning

    @property
    def narrator(self) -> Narrator:
        """Plays narration (recordings, else the reading voice); made on first use."""
        if self._narrator is None:
            from quizapp.ui.narration import VOICE_SETTING, Narrator

            self._narrator = Narrator(voice_allowed=lambda: self.store.settings.get_bool(VOICE_SETTING, True))
        return self._narrator

    def reload_content(self) -> None:
        """Read the packs again and tell every screen (after the teacher changed something)."""
        self.library.reload()
        self.signals.content_changed.emit()

    # ------------------------------------------------------------------------------------- language
    @property
    def localizer(self) -> LanguageSwitcher:
        if self.i18n is None:
            self.i18n = make_switcher(self.data_dir)
        return self.i18n

    @property
    def is_rtl(self) -> bool:
        return self.localizer.is_rtl(self.language)

    def layout_direction(self) -> Qt.LayoutDirection:
        return Qt.LayoutDirection.RightToLeft if self.is_rtl else Qt.LayoutDirection.LeftToRight

    def set_language(self, language: str, *, force: bool = False) -> None:
        """Switch the UI language now: layout direction, translator and visible texts."""
        if language == self.language and not force:
            return
        self.language = language
        if QCoreApplication.instance() is not None:
            self.localizer.apply(language)  # translator, Urdu font, QLocale and layout direction
        self.signals.language_changed.emit(language)

    @property
    def script_scale(self) -> float:
        """How much larger than English the language's text is drawn (1.2 for Urdu's Nastaliq)."""
        return self.localizer.script_scale(self.language)

    @property
    def display_scale(self) -> int:
        """The percent body text is drawn at: the learner's text size, times the script's scale."""
        return round(self.text_scale * self.script_scale)

    @property
    def tall_script(self) -> bool:
        """The language's script needs extra line height (Urdu's Nastaliq)."""
        return self.localizer.tall_lines(self.language)

    # ------------------------------------------------------------------------------- accessibility
    HIGH_CONTRAST_SETTING = "high_contrast"

    learner_high_contrast: bool | None = None
    """The chosen learner's own choice (on their home screen), or None: then the computer's setting."""

    @property
    def high_contrast(self) -> bool:
        """High-contrast colours: the learner's own choice, else the teacher's setting for the computer."""
        if self.learner_high_contrast is not None:
            return self.learner_high_contrast
        return self.computer_high_contrast

    @property
    def computer_high_contrast(self) -> bool:
        """The teacher's high-contrast setting for the whole computer (kept in the store)."""
        return self.store.settings.get_bool(self.HIGH_CONTRAST_SETTING, False)

    def use_learner_contrast(self, choice: bool | None) -> None:
        """Apply a learner's own high-contrast choice (None: the computer's setting) now."""
        before = self.high_contrast
        self.learner_high_contrast = choice
        if self.high_contrast != before:
            self.signals.style_changed.emit()

    def set_high_contrast(self, on: bool) -> None:
        """The teacher's setting for the whole computer."""
        if on == self.computer_high_contrast:
            return
        before = self.high_contrast
        self.store.settings.set_bool(self.HIGH_CONTRAST_SETTING, on)
        if self.high_contrast != before:
            self.signals.style_changed.emit()

    def set_text_scale(self, percent: int) -> None:
        if percent == self.text_scale:
            return
        self.text_scale = percent
        self.signals.text_scale_changed.emit(percent)

    # ------------------------------------------------------------------------------------- pack text
    def text(self, value: LText | None, default_language: str = "en", audience: str = "students") -> str:
        """A pack text in the UI language (or the pack's default language), with placeholders filled.

        ``audience`` is the module's audience: a parents' or teachers' module gets the adult wording for
        an empty ``{{help_contacts}}`` (not "your parents")."""
        if value is None:
            return ""
        text = self.fill(value.get_text(self.language, default_language), audience)
        return rtl_paragraph(text) if self.is_rtl else text  # "WhatsApp ..." in Urdu stays right to left

    def fill(self, text: str, audience: str = "students") -> str:
        """Fill ``{{school_name}}`` and ``{{help_contacts}}`` from the teacher's settings, in the wording for
        the module's ``audience`` when they are empty."""
        if "{{" not in text:
            return text
        from quizapp.content.placeholders import fill
        from quizapp.services.contacts import contacts_for_learners

        settings = self.store.settings
        values = {"school_name": settings.school_name, "help_contacts": contacts_for_learners(settings)}
        return fill(text, values, self.language, audience)


def translation_file(language: str) -> Path | None:
    """The compiled translation ``quizapp_<lang>.qm`` shipped for a language (a frozen build has them;
    source and pip installs compile theirs at start, see :mod:`quizapp.ui.i18n.catalog`)."""
    folder = resource_dir("translations")
    for name in (f"quizapp_{language}.qm", f"{language}.qm"):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None
