"""Which importer reads a file: by its extension, and for .txt by looking at the text (Aiken or GIFT)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

SourceFormat = Literal["csv", "aiken", "gift", "moodle_xml"]

SUFFIXES: dict[str, SourceFormat | None] = {
    ".csv": "csv",
    ".gift": "gift",
    ".xml": "moodle_xml",
    ".txt": None,
}
SUPPORTED = "CSV (.csv), GIFT (.gift or .txt), Aiken (.txt) and Moodle XML (.xml)"

_AIKEN_ANSWER = re.compile(r"^\s*ANSWER\s*:\s*[A-Za-z]", re.M | re.I)
_AIKEN_OPTION = re.compile(r"^\s*[A-Z]\s*[.)]\s+\S", re.M)
_GIFT_BLOCK = re.compile(r"(?<!\\)\{[^{}]*(?<!\\)\}", re.S)
_GIFT_MARKS = re.compile(r"^\s*(::|\$CATEGORY:)", re.M)


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def format_for(path: Path) -> SourceFormat | None:
    """The format an extension names; None for .txt (sniff it) and for unsupported extensions."""
    return SUFFIXES.get(path.suffix.lower())


def sniff_text(text: str) -> SourceFormat | None:
    """Tell Aiken from GIFT; None when the text looks like neither."""
    aiken = len(_AIKEN_ANSWER.findall(text))
    aiken_options = len(_AIKEN_OPTION.findall(text))
    gift = len(_GIFT_BLOCK.findall(text)) + len(_GIFT_MARKS.findall(text))
    if aiken and aiken_options and aiken >= gift:
        return "aiken"
    if gift:
        return "gift"
    return None
