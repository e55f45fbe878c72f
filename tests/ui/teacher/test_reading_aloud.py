"""The Settings page says plainly whether this computer has a reading voice for texts with no recording."""

from __future__ import annotations

from pathlib import Path

from quizapp.services.reading_voice import ReadingVoice


def test_settings_say_when_there_is_no_reading_voice(area) -> None:  # type: ignore[no-untyped-def]
    """With no espeak-ng (the tests turn it off) the card says there is no reading voice."""
    page = area.show_page("settings")
    page.refresh()
    assert page.reading_aloud.voice.text().startswith("No reading voice on this computer")


def test_settings_name_the_reading_voice_and_its_languages(area, ctx) -> None:  # type: ignore[no-untyped-def]
    """Where a voice speaks English and Urdu, the card names it and both languages."""
    ctx.narrator._find_voice = lambda: ReadingVoice(Path("/usr/bin/espeak-ng"), frozenset({"en", "ur"}))
    page = area.show_page("settings")
    page.refresh()
    assert page.reading_aloud.voice.text() == (
        "Reading voice: espeak-ng reads texts without a recording in English, Urdu."
    )
