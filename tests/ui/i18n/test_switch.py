"""Choosing Urdu switches the whole interface (strings, packs' text, right to left, Nastaliq) at once,
and English comes back the same way, without a restart."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from quizapp.ui.i18n.fonts import URDU_FAMILY
from tests.ui.conftest import StudentAppFactory


def test_switching_to_urdu_and_back_without_a_restart(student_factory: StudentAppFactory) -> None:
    """The picker's language buttons change the visible title, the direction, the font and the locale."""
    app = student_factory.open()
    picker = app.window.picker
    assert picker.title.text() == "Who is learning today?"
    app.pilot.click(picker.language.buttons["ur"])
    assert picker.title.text() == "آج کون سیکھ رہا ہے؟"
    assert picker.new_button.text() == "میں نیا ہوں"
    assert app.window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert picker.title.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert QApplication.font().families()[0] == URDU_FAMILY
    assert QLocale().language() == QLocale.Language.Urdu
    app.pilot.click(picker.language.buttons["en"])
    assert picker.title.text() == "Who is learning today?"
    assert app.window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert URDU_FAMILY not in QApplication.font().families()


def test_a_learner_in_urdu_sees_the_packs_urdu_text(student_factory: StudentAppFactory) -> None:
    """A learner who chose Urdu gets the modules' Urdu titles and Urdu buttons; switching on the home
    screen to English re-renders the same screen in English and is remembered for the learner."""
    app = student_factory.open()
    learner = app.pilot.create_learner("ثنا", avatar="rabbit", language="ur")
    home = app.window.home
    tile = next(t for t in home.tiles if t.card.entry.key == ("example", "safe-basics"))
    assert tile.title.text() == "حفاظت کی بنیادی باتیں"
    assert home.modules_title.text() == "میرے یونٹ"
    assert home.hello.text() == "السلام علیکم، ثنا!"
    app.pilot.click(home.language.buttons["en"])
    tile = next(t for t in home.tiles if t.card.entry.key == ("example", "safe-basics"))
    assert tile.title.text() == "Safe basics"
    assert home.modules_title.text() == "My modules"
    assert app.store.people.get_learner(learner).language == "en"


def test_the_teachers_default_language_opens_the_app_in_urdu(student_factory: StudentAppFactory) -> None:
    """With Urdu as the default language in the teacher settings, the app starts right to left in Urdu."""
    app = student_factory.open()
    app.store.settings.default_language = "ur"
    app = student_factory.restart(app)
    assert app.window.picker.title.text() == "آج کون سیکھ رہا ہے؟"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    app.pilot.click(app.window.picker.new_button)
    assert app.window.new_learner_screen.language.buttons["ur"].isChecked()


def test_mixed_text_reads_right_to_left(student_factory: StudentAppFactory) -> None:
    """An Urdu sentence that starts with a Latin name ("Ayesha کا ہر جواب") or a pack text that starts
    with "WhatsApp" is still laid out right to left."""
    from quizapp.content.text import LText
    from quizapp.ui.i18n.bidi import RLM, first_strong

    app = student_factory.open()
    app.ctx.set_language("ur")
    text = app.ctx.text(LText({"en": "WhatsApp is an app", "ur": "WhatsApp پر اجنبی"}))
    assert text.startswith(RLM) and first_strong(text) == "rtl"
    english_only = app.ctx.text(LText({"en": "WhatsApp is an app"}))
    assert first_strong(english_only) == "ltr"  # an English fallback text stays left to right
    from quizapp.ui.teacher.widgets import tr

    assert first_strong(tr("Every answer of %1").replace("%1", "Ayesha")) == "rtl"
