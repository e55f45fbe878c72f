"""Stable ids for imported questions and modules: from a title or the start of a prompt, made unique."""

from __future__ import annotations

import re
import unicodedata

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
MAX_ID_LENGTH = 80
_WORDS_FROM_PROMPT = 6


def slugify(text: str, *, max_length: int = 48) -> str:
    """Lower-case ASCII letters, digits, '_' and '-'; accents are dropped, other scripts give ''."""
    decomposed = unicodedata.normalize("NFKD", re.sub(r"(?<=\w)['’](?=\w)", "", text))
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    slug = re.sub(r"[^a-z0-9_]+", "-", ascii_only).strip("-_")
    slug = re.sub(r"-{2,}", "-", slug)
    if len(slug) > max_length:
        cut = slug[:max_length]
        slug = (cut.rsplit("-", 1)[0] if "-" in cut else cut).strip("-_")
    return slug


def prompt_slug(prompt: str) -> str:
    """A slug from the first few words of a prompt."""
    words = re.findall(r"[^\W_]+(?:['’][^\W_]+)?", prompt)
    return slugify(" ".join(words[:_WORDS_FROM_PROMPT]))


def is_slug(value: str) -> bool:
    return bool(SLUG_RE.match(value)) and len(value) <= MAX_ID_LENGTH


class IdAllocator:
    """Hands out ids that are unique within one pack."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self._taken: set[str] = set(taken or ())

    def take(self, candidates: list[str], fallback: str) -> str:
        """The first usable candidate (slugified), else ``fallback``, with '-2', '-3' ... added when taken."""
        base = next((slug for slug in (slugify(c) for c in candidates if c) if slug), "") or slugify(fallback)
        base = base or "item"
        base = base[: MAX_ID_LENGTH - 4].strip("-_") or "item"
        if base not in self._taken:
            self._taken.add(base)
            return base
        number = 2
        while f"{base}-{number}" in self._taken:
            number += 1
        result = f"{base}-{number}"
        self._taken.add(result)
        return result

    def __contains__(self, value: str) -> bool:
        return value in self._taken
