"""Placeholders that a teacher fills in inside the app: ``{{school_name}}`` and ``{{help_contacts}}``.

Packs never carry phone numbers or organisation names of their own: where a lesson says whom to contact,
it writes ``{{help_contacts}}`` and the app shows the contacts the teacher entered, or, when there are none,
words that still read well ("a teacher or another adult you trust").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

PLACEHOLDER_RE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
KNOWN_PLACEHOLDERS = ("school_name", "help_contacts")

# What an empty placeholder reads as, by language.
EMPTY_VALUES: Mapping[str, Mapping[str, str]] = {
    "school_name": {"en": "your school", "ur": "آپ کا اسکول"},
    "help_contacts": {
        "en": "a teacher, your parents or another adult you trust",
        "ur": "کسی استاد، اپنے والدین یا کسی ایسے بڑے کو جس پر آپ بھروسا کرتے ہیں",
    },
}


def unknown_placeholders(text: str) -> list[str]:
    return [m.group(1) for m in PLACEHOLDER_RE.finditer(text) if m.group(1) not in KNOWN_PLACEHOLDERS]


def fill(text: str, values: Mapping[str, str], language: str) -> str:
    """Replace placeholders with the teacher's values, or with words that read well when they are empty."""
    if "{{" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        value = (values.get(name) or "").strip()
        if value:
            return value
        empty = EMPTY_VALUES.get(name, {})
        return empty.get(language) or empty.get("en") or ""

    return PLACEHOLDER_RE.sub(replace, text)
