"""Right-to-left paragraphs that start with a Latin word or a number.

Qt decides the direction of a line of text from its first letter. An Urdu sentence that starts with
"PIN", "WhatsApp" or a name put in for ``%1`` would then be laid out left to right, with its words in the
wrong order. A RIGHT-TO-LEFT MARK (U+200F, invisible) at the start makes such a paragraph right to left:
the Urdu translations carry it where they need it (checked by ``python -m quizapp.ui.i18n.update``) and
:func:`rtl_paragraph` adds it to pack texts shown in Urdu.
"""

from __future__ import annotations

import re
import unicodedata

RLM = "\u200f"
LRM = "\u200e"
_PLACEHOLDER_START = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%L?[0-9n]")


def first_strong(text: str) -> str | None:
    """``"rtl"`` or ``"ltr"``: the direction of the first letter of ``text`` (None when it has none)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL") or char == RLM:
            return "rtl"
        if kind == "L" or char == LRM:
            return "ltr"
    return None


def has_rtl_letters(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def needs_rtl_mark(translation: str) -> bool:
    """An RTL translation that does not start right to left: its first letter is Latin, or a placeholder
    (``%1``, ``{name}``) comes before any Urdu letter and may be filled with a Latin word."""
    if not has_rtl_letters(translation):
        return False
    for match in _PLACEHOLDER_START.finditer(translation):
        if first_strong(translation[: match.start()]) is None:
            return True  # the placeholder comes first
        break
    return first_strong(translation) != "rtl"


def rtl_paragraph(text: str) -> str:
    """``text`` with a RIGHT-TO-LEFT MARK in front when it has Urdu letters but starts left to right."""
    if text and has_rtl_letters(text) and first_strong(text) != "rtl":
        return RLM + text
    return text


FSI = "\u2068"
"""FIRST STRONG ISOLATE: what follows, up to the PDI, keeps its own direction and is one unit in its line."""
PDI = "\u2069"


def isolate(text: str) -> str:
    """``text`` as one unit whose direction is its own first letter's (a name, a title, a value put in a
    sentence or a table cell). In an Urdu line ``=HYPERLINK("x")`` and ``6 Blue`` then keep their order."""
    return f"{FSI}{text}{PDI}" if text else text
