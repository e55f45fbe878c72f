"""Names people type (learners, classes): one canonical form, so that what looks like one name is one name.

Children type their own names, and names arrive from other computers and from files. "Bilal", "Bilal" with an
invisible zero-width space, and "Bilal" preceded by a right-to-left override (which also reverses how the
name is drawn) must be the same learner. A name is therefore put in Unicode NFC form (an "é" typed as e + ´
equals the single letter), every format character is removed (bidi controls U+202A-U+202E and U+2066-U+2069,
marks U+200E/U+200F, zero-width space, joiners and non-joiners U+200B-U+200D, word joiner U+2060, BOM
U+FEFF, soft hyphen and the other characters of Unicode category Cf, none of which is visible), and runs of
spaces, tabs and line breaks become one space.
"""

from __future__ import annotations

import unicodedata


def clean_name(name: str) -> str:
    """``name`` in its canonical form (may be empty when nothing visible was typed)."""
    text = unicodedata.normalize("NFC", name)
    kept = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Cc") or ch.isspace())
    return " ".join(kept.split())
