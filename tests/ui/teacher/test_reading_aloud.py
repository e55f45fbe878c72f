"""The Settings page says plainly whether this computer has a reading voice for texts with no recording,
and lets the teacher turn that voice off (recordings still play)."""

from __future__ import annotations

from pathlib import Path

from quizapp.services.reading_voice import ReadingVoice
from quizapp.ui.narration import Narrator


def test_settings_say_when_there_is_no_reading_voice(area) -> None:  # type: ignore[no-untyped-def]
    """With no espeak-ng (the tests turn it off) the card says there is no reading voice, and offers no
    switch for a voice that is not there."""
    area.unlock_without_pin()
    page = area.show_page("settings")
    page.refresh()
    assert page.reading_aloud.voice.text().startswith("No reading voice on this computer")
    assert page.reading_aloud.isVisible() and page.reading_aloud.use_voice.isHidden()


def test_settings_name_the_voice_and_the_teacher_can_turn_it_off(area, ctx) -> None:  # type: ignore[no-untyped-def]
    """Where a voice speaks English and Urdu the card names it; unticking the switch is kept for the
    computer, and the narrator then offers the voice for no text."""
    voice = ReadingVoice(Path("/usr/bin/espeak-ng"), frozenset({"en", "ur"}))
    ctx._narrator = Narrator(
        find_voice=lambda: voice, voice_allowed=lambda: ctx.store.settings.get_bool("reading_voice", True)
    )
    area.unlock_without_pin()
    page = area.show_page("settings")
    page.refresh()
    card = page.reading_aloud
    assert card.voice.text() == "Reading voice: espeak-ng reads texts without a recording in English, Urdu."
    assert card.use_voice.isVisible() and card.use_voice.isChecked()
    card.use_voice.box.click()
    assert ctx.store.settings.get_bool("reading_voice", True) is False
    assert not ctx.narrator.voice_allowed()
