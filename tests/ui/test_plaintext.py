"""The placeholder helper and the tool-tip helper for text from outside the app."""

from __future__ import annotations

from quizapp.ui.plaintext import fill_args, tooltip_text


def test_a_value_holding_a_placeholder_is_left_as_it_is() -> None:
    """A pack title containing '%2' is not replaced by the next value (as chained .replace did)."""
    assert fill_args("Installed %1, version %2.", "Quiz %2 %1", "1.0") == "Installed Quiz %2 %1, version 1.0."


def test_a_missing_value_leaves_its_placeholder() -> None:
    """A sentence whose translation asks for more values than given keeps the extra marker visible."""
    assert fill_args("%1 and %3", "a") == "a and %3"


def test_tooltip_text_escapes_what_could_pass_for_html() -> None:
    """A name with tags becomes an escaped paragraph; an ordinary name is left alone."""
    assert tooltip_text("Bilal") == "Bilal"
    tip = tooltip_text('<img src="/etc/hostname">')
    assert "<img" not in tip and "&lt;img" in tip
