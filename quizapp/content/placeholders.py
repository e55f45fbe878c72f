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

# What an empty placeholder reads as, by audience and language. Each reads well in a sentence such as
# "Talk to {{help_contacts}}." / "{{help_contacts}} کو بتائیں۔" (the Urdu is a noun phrase before کو).
EMPTY_VALUES: Mapping[str, Mapping[str, str]] = {
    "school_name": {"en": "your school", "ur": "آپ کا اسکول"},
    "help_contacts": {
        "en": "a teacher, your parents or another adult you trust",
        "ur": "کسی استاد، اپنے والدین یا کسی بھروسے والے بڑے",
    },
}
EMPTY_VALUES_ADULTS: Mapping[str, Mapping[str, str]] = {
    "school_name": {"en": "the school", "ur": "اسکول"},
    "help_contacts": {
        "en": "the school counsellor or another professional you trust",
        "ur": "اسکول کے کونسلر یا کسی اور بھروسے والے ماہر",
    },
}


def unknown_placeholders(text: str) -> list[str]:
    return [m.group(1) for m in PLACEHOLDER_RE.finditer(text) if m.group(1) not in KNOWN_PLACEHOLDERS]


def fill(text: str, values: Mapping[str, str], language: str, audience: str = "students") -> str:
    """Replace placeholders with the teacher's values, or with words that read well when they are empty.

    ``audience`` is the module's audience: parents and teachers get wording meant for adults.
    """
    if "{{" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        value = (values.get(name) or "").strip()
        if value:
            return value
        table = EMPTY_VALUES if audience == "students" else EMPTY_VALUES_ADULTS
        empty = table.get(name, {})
        return empty.get(language) or empty.get("en") or ""

    return PLACEHOLDER_RE.sub(replace, text)
