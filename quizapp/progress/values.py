"""Checks and clean-ups of values before they are stored (names, language codes, ids, sizes); shared by the
store's parts. A bad value raises ``InvalidValueError`` with a sentence that says what is wrong."""

from __future__ import annotations

import re
import uuid

from quizapp.progress.errors import InvalidValueError

_LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
_SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
_SPACES = re.compile(r"\s+")
MIN_TEXT_SIZE, MAX_TEXT_SIZE = 50, 400


def normalise_name(name: str) -> str:
    """How names are compared: spacing collapsed, case folded."""
    return _SPACES.sub(" ", name).strip().casefold()


def clean_name(value: str, what: str, max_len: int) -> str:
    text = _SPACES.sub(" ", value or "").strip()
    if not text:
        raise InvalidValueError(f"The {what} cannot be empty.")
    if len(text) > max_len:
        raise InvalidValueError(f"The {what} is too long ({len(text)} characters; at most {max_len}).")
    if any(ord(ch) < 32 for ch in text):
        raise InvalidValueError(f"The {what} contains control characters.")
    return text


def clean_detail(value: str, max_len: int) -> str:
    """A father's name or roll number: may be empty; the same spacing rules as a name, and cut to fit."""
    text = _SPACES.sub(" ", value or "").strip()
    if any(ord(ch) < 32 for ch in text):
        raise InvalidValueError("A father's name or roll number contains control characters.")
    return text[:max_len]


def check_language(code: str) -> str:
    if not _LANG_RE.match(code):
        raise InvalidValueError(f"{code!r} is not a language code such as 'en' or 'ur'.")
    return code


def check_slug(value: str, what: str) -> str:
    if not isinstance(value, str) or not _SLUG_RE.match(value):
        raise InvalidValueError(f"{value!r} is not a valid {what} (lower-case letters, digits, '-' and '_').")
    return value


def check_version(value: str) -> str:
    if not isinstance(value, str) or not 1 <= len(value) <= 20:
        raise InvalidValueError(f"{value!r} is not a valid pack version.")
    return value


def check_text_size(size: int) -> int:
    if not isinstance(size, int) or not MIN_TEXT_SIZE <= size <= MAX_TEXT_SIZE:
        raise InvalidValueError(f"Text size must be a percent from {MIN_TEXT_SIZE} to {MAX_TEXT_SIZE}.")
    return size


def check_avatar(avatar_id: str) -> str:
    if len(avatar_id) > 64:
        raise InvalidValueError("The avatar id is too long (at most 64 characters).")
    return avatar_id


def new_id() -> str:
    return str(uuid.uuid4())
