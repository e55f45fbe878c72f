"""The safe formatting subset: bold, italic, lists and paragraphs; never raw HTML."""

from __future__ import annotations

from quizapp.content.placeholders import fill
from quizapp.content.richtext import parse_blocks, to_html, to_plain


def test_bold_italic_and_paragraphs() -> None:
    """Marks become <b>, <i> and <p>."""
    assert (
        to_html("A **strong** and *calm* line.\n\nNext.")
        == "<p>A <b>strong</b> and <i>calm</i> line.</p><p>Next.</p>"
    )


def test_lists() -> None:
    """'- ' and '1. ' lines become lists; a wrapped line continues its item."""
    blocks = parse_blocks("- one\n- two\n  continued\n\n1. first\n2. second")
    assert [b.kind for b in blocks] == ["bullets", "numbers"]
    assert blocks[0].items == ("one", "two continued")


def test_html_is_escaped_and_never_loads_anything() -> None:
    """Raw HTML, including remote images and scripts, is shown as text."""
    html = to_html('<img src="http://example.com/x.png"><script>alert(1)</script> & more')
    assert "<img" not in html and "<script" not in html
    assert "&lt;img" in html and "&amp; more" in html


def test_plain_text_drops_marks() -> None:
    """Plain text for CSV and PDF has no formatting marks."""
    assert to_plain("**Never** share *codes*\n- one") == "Never share codes\n• one"


def test_placeholders_filled_or_read_well_when_empty() -> None:
    """A placeholder shows the teacher's contacts, or natural words when there are none."""
    text = "Talk to {{help_contacts}}."
    assert fill(text, {"help_contacts": "Ms Sana, room 4"}, "en") == "Talk to Ms Sana, room 4."
    assert fill(text, {}, "en") == "Talk to a teacher, your parents or another adult you trust."
    assert fill("{{help_contacts}} کو بتائیں۔", {"help_contacts": "  "}, "ur") == (
        "کسی استاد، اپنے والدین یا کسی بھروسے والے بڑے کو بتائیں۔"
    )
    assert "counsellor" in fill(text, {}, "en", audience="parents")


def test_typed_answers_compare_loosely() -> None:
    """Case, spaces and Arabic-keyboard letter forms do not make a right answer wrong."""
    from quizapp.content.text import normalise_answer

    assert normalise_answer("  One-Time   PASSWORD ") == normalise_answer("one-time password")
    assert normalise_answer("پاس ورڈ") == normalise_answer("پاس  ورڈ")
    assert normalise_answer("كوڈ") == normalise_answer("کوڈ")  # Arabic kaf typed for Urdu kaf
    assert normalise_answer("ذريعه") == normalise_answer("ذریعہ")  # Arabic yeh and heh
    assert normalise_answer("code") != normalise_answer("coda")
