"""The small parts of the language support: pseudo-translation, right-to-left marks, number and date
formats, the Urdu font, and reading .ts files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont

from quizapp.paths import assets_dir
from quizapp.ui.i18n import pseudo_mode
from quizapp.ui.i18n.bidi import RLM, first_strong, needs_rtl_mark, rtl_paragraph
from quizapp.ui.i18n.fonts import URDU_FAMILY, FontSet, has_arabic_script, text_line_height
from quizapp.ui.i18n.formatting import Formatter, locale_for
from quizapp.ui.i18n.pseudo import PDF, RLO, pseudo_text, write_pseudo_ts
from quizapp.ui.i18n.tsfile import TsFileError, read_ts

# ------------------------------------------------------------------------------------------- pseudo


def test_pseudo_text_is_40_percent_longer_and_keeps_what_code_needs() -> None:
    """Placeholders, tags and shortcut markers survive; the text is at least 40% longer and bracketed."""
    source = "Hello, {name}! You got %1 of %n <b>points</b> &Next"
    text = pseudo_text(source)
    for kept in ("{name}", "%1", "%n", "<b>", "</b>", "&"):
        assert kept in text
    assert text.startswith("[") and text.endswith("]")
    assert len(pseudo_text("Check your answer")) >= len("Check your answer") * 1.4
    assert "Hello" not in text and "Ĥéļļö" in text
    assert pseudo_text("   ") == "   "


def test_mirror_mode_writes_right_to_left() -> None:
    """Mirror mode wraps each line in RIGHT-TO-LEFT OVERRIDE so English shows reversed, like RTL."""
    assert pseudo_text("Two\nlines", mirror=True).count(RLO) == 2
    assert PDF in pseudo_text("Check", mirror=True)


def test_pseudo_translation_answers_every_lookup(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The compiled pseudo-translation changes every string of the catalog, plural ones included."""
    from quizapp.ui.i18n.catalog import TranslationCatalog
    from quizapp.ui.i18n.update import TRANSLATIONS_DIR

    catalog = TranslationCatalog(TRANSLATIONS_DIR, tmp_path / "cache")
    translator = catalog.pseudo_translator("stretch")
    assert translator is not None
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("QuizScreen", "Check").startswith("[Ćĥéćķ")
        assert "3" in QCoreApplication.translate("", "%n answer(s)", "", 3)
    finally:
        QCoreApplication.removeTranslator(translator)
    with pytest.raises(ValueError, match="stretch, mirror"):
        write_pseudo_ts(read_ts(TRANSLATIONS_DIR / "quizapp_ur.ts"), tmp_path / "x.ts", "sideways")


@pytest.mark.parametrize(("value", "mode"), [("1", "stretch"), ("mirror", "mirror"), ("", None), ("0", None)])
def test_pseudo_mode_from_the_environment(value: str, mode: str | None) -> None:
    """QUIZAPP_PSEUDO=1 stretches, =mirror also mirrors, anything else is off."""
    assert pseudo_mode({"QUIZAPP_PSEUDO": value}) == mode


# ------------------------------------------------------------------------------------------ bidi


def test_right_to_left_marks() -> None:
    """Urdu text starting with a Latin word or placeholder needs a mark; plain Urdu and English do not."""
    assert needs_rtl_mark("PIN بدلیں")
    assert needs_rtl_mark("%1 کا ہر جواب")
    assert needs_rtl_mark("{low} سے {high}")
    assert not needs_rtl_mark(RLM + "PIN بدلیں")
    assert not needs_rtl_mark("نیا PIN")
    assert not needs_rtl_mark("Check")
    assert rtl_paragraph("WhatsApp پر") == RLM + "WhatsApp پر"
    assert rtl_paragraph("WhatsApp is an app") == "WhatsApp is an app"
    assert first_strong("123 ابھی") == "rtl"


# ------------------------------------------------------------------------------------- formatting


def test_urdu_numbers_dates_and_percentages_use_western_digits(qapp) -> None:  # type: ignore[no-untyped-def]
    """Urdu uses ur_PK month names with the digits 0-9, as Pakistani schools write them."""
    urdu, english = Formatter("ur"), Formatter("en")
    assert locale_for("ur").name() == "ur_PK"
    assert urdu.date(dt.date(2024, 3, 5)) == "5 مارچ 2024"
    assert english.date(dt.date(2024, 3, 5)) == "5 March 2024"
    assert urdu.date("2024-03-05T10:00:00") == "5 مارچ 2024"
    assert urdu.percent(85.4) == "85%" and english.percent(85.4) == "85%"
    assert urdu.number(6.25) == "6.3" and urdu.number(8) == "8"
    assert urdu.number(1234567) == "1,234,567"
    assert "2024" in urdu.date_time(dt.datetime(2024, 3, 5, 14, 5)) and "14:05" in urdu.date_time(
        "2024-03-05T14:05"
    )
    assert urdu.date("not a date") == "not a date"
    eastern = set("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
    assert not eastern & set(urdu.date(dt.date(2024, 12, 31), long=True))


# ------------------------------------------------------------------------------------------ fonts


def test_noto_nastaliq_urdu_is_loaded_and_used_for_urdu_only(qapp) -> None:  # type: ignore[no-untyped-def]
    """The bundled font loads; Urdu's font lists Nastaliq first and the interface font after it."""
    fonts = FontSet(assets_dir() / "fonts")
    assert URDU_FAMILY in fonts.load()
    assert (assets_dir() / "fonts" / "OFL.txt").is_file()
    base = QFont("DejaVu Sans")
    urdu = fonts.font_for("ur", base)
    assert urdu.families()[0] == URDU_FAMILY and "DejaVu Sans" in urdu.families()
    assert URDU_FAMILY not in fonts.font_for("en", base).families()
    assert fonts.tall_script("ur") and not fonts.tall_script("en")
    assert text_line_height(urdu, "جانچیں") > text_line_height(urdu, "A") > 0


def test_a_missing_font_is_reported_not_fatal(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Without the font files, Urdu falls back to the system font and the problem says which file."""
    fonts = FontSet(tmp_path)
    base = QFont("DejaVu Sans")
    assert fonts.font_for("ur", base).families() == base.families()
    assert "NotoNastaliqUrdu-Regular.ttf" in fonts.problems[0]
    assert has_arabic_script("اردو") and not has_arabic_script("Urdu 123")


# ----------------------------------------------------------------------------------------- ts files


def test_reading_a_ts_file(tmp_path: Path) -> None:
    """Finished, unfinished, plural and vanished messages are told apart; a dropped placeholder shows."""
    ts = tmp_path / "x.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="ur_PK" sourcelanguage="en">
<context><name>A</name>
<message><source>Hello {name}</source><translation>سلام</translation></message>
<message><source>Later</source><translation type="unfinished"></translation></message>
<message numerus="yes"><source>%n file(s)</source><translation>
<numerusform>%n فائل</numerusform><numerusform>%n فائلیں</numerusform></translation></message>
<message><source>Gone</source><translation type="vanished">گیا</translation></message>
</context></TS>""",
        encoding="utf-8",
    )
    parsed = read_ts(ts)
    assert parsed.language == "ur_PK"
    assert [m.source for m in parsed.unfinished()] == ["Later"]
    assert [m.source for m in parsed.current()] == ["Hello {name}", "Later", "%n file(s)"]
    hello, _later, files = parsed.current()
    assert hello.missing_placeholders() == ["{name}"]
    assert files.translations == ("%n فائل", "%n فائلیں") and files.missing_placeholders() == []


def test_a_broken_ts_file_names_the_line(tmp_path: Path) -> None:
    """Bad XML gives a message with the file and the line."""
    ts = tmp_path / "bad.ts"
    ts.write_text("<TS>\n<context>\n</TS>\n", encoding="utf-8")
    with pytest.raises(TsFileError, match=r"bad.ts: line 3"):
        read_ts(ts)
