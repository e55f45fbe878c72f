"""Texts that may be written once or per language (``en:``, ``ur:``, ...)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from typing import Annotated, Any

from pydantic import PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

LANG_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$"
_LANG_RE = re.compile(LANG_PATTERN)
DEFAULT_KEY = ""  # a plain string: text in the pack's default language

LANGUAGE_NAMES = {
    "en": "English",
    "ur": "Urdu",
    "pa": "Punjabi",
    "sd": "Sindhi",
    "ps": "Pashto",
    "ar": "Arabic",
}


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


class LText(Mapping[str, str]):
    """An immutable text by language. The key ``""`` holds a plain string (the pack's default language)."""

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[str, str]) -> None:
        self._values = dict(values)

    @classmethod
    def plain(cls, text: str) -> LText:
        return cls({DEFAULT_KEY: text})

    def __getitem__(self, key: str) -> str:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"LText({self._values!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LText):
            return self._values == other._values
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(sorted(self._values.items())))

    def languages(self, default_language: str) -> set[str]:
        """Languages this text is written in, reading a plain string as the default language."""
        return {default_language if k == DEFAULT_KEY else k for k in self._values}

    def get_text(self, language: str, default_language: str = "en") -> str:
        """The text in ``language``, else in the default language, else any text there is."""
        values = self._values
        if language in values:
            return values[language]
        if language == default_language and DEFAULT_KEY in values:
            return values[DEFAULT_KEY]
        if default_language in values:
            return values[default_language]
        if DEFAULT_KEY in values:
            return values[DEFAULT_KEY]
        return next(iter(values.values()), "")

    def to_yaml(self) -> str | dict[str, str]:
        if set(self._values) == {DEFAULT_KEY}:
            return self._values[DEFAULT_KEY]
        return dict(self._values)


def _check_text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise PydanticCustomError("text_type", "{what} must be text", {"what": what})
    if not value.strip():
        raise PydanticCustomError(
            "text_empty", "{what} is empty; write some text or remove the key", {"what": what}
        )
    return value


def _validate_ltext(value: Any) -> LText:
    if isinstance(value, LText):
        return value
    if isinstance(value, str):
        return LText.plain(_check_text(value, "the text"))
    if isinstance(value, dict):
        if not value:
            raise PydanticCustomError("text_empty", "the text is empty; write some text or remove the key")
        out: dict[str, str] = {}
        for key, text in value.items():
            if not isinstance(key, str) or not _LANG_RE.match(key):
                hint = (
                    "; a text with a comma inside { } must be put in quotes"
                    if text is None
                    else "; write text, or one line per language such as 'en:' and 'ur:'"
                )
                raise PydanticCustomError(
                    "text_language", "'{key}' is not a language code{hint}", {"key": key, "hint": hint}
                )
            out[key] = _check_text(text, f"the '{key}' text")
        return LText(out)
    if value is None:
        raise PydanticCustomError("text_empty", "the text is empty; write some text or remove the key")
    raise PydanticCustomError(
        "text_type", "must be text, or a mapping by language such as 'en: ...' and 'ur: ...'"
    )


_LTEXT_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "propertyNames": {"pattern": LANG_PATTERN},
            "additionalProperties": {"type": "string", "minLength": 1},
            "minProperties": 1,
        },
    ],
    "description": "Text, or a mapping by language code (en, ur, ...) to text.",
}

Text = Annotated[LText, PlainValidator(_validate_ltext), WithJsonSchema(_LTEXT_SCHEMA)]


class Accepted(Mapping[str, tuple[str, ...]]):
    """Accepted answers of a fill-in-the-blank question, by language (``""`` = any/default)."""

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[str, tuple[str, ...]]) -> None:
        self._values = dict(values)

    def __getitem__(self, key: str) -> tuple[str, ...]:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Accepted({self._values!r})"

    def for_language(self, language: str, default_language: str = "en") -> tuple[str, ...]:
        """Answers accepted when the learner sees ``language``: that language's plus language-free ones."""
        answers = list(self._values.get(DEFAULT_KEY, ()))
        key = language if language in self._values else default_language
        answers.extend(self._values.get(key, ()))
        return tuple(answers)

    def all_answers(self) -> tuple[str, ...]:
        return tuple(a for answers in self._values.values() for a in answers)

    def to_yaml(self) -> list[str] | dict[str, list[str]]:
        if set(self._values) == {DEFAULT_KEY}:
            return list(self._values[DEFAULT_KEY])
        return {k: list(v) for k, v in self._values.items()}


def _answer_list(value: Any, what: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise PydanticCustomError(
            "accepted_empty", "{what} needs at least one accepted answer", {"what": what}
        )
    return tuple(_check_text(v, "an accepted answer") for v in value)


def _validate_accepted(value: Any) -> Accepted:
    if isinstance(value, Accepted):
        return value
    if isinstance(value, dict):
        if not value:
            raise PydanticCustomError("accepted_empty", "write at least one accepted answer")
        out: dict[str, tuple[str, ...]] = {}
        for key, answers in value.items():
            if not isinstance(key, str) or not _LANG_RE.match(key):
                raise PydanticCustomError(
                    "text_language", "'{key}' is not a language code such as 'en' or 'ur'", {"key": key}
                )
            out[key] = _answer_list(answers, f"the '{key}' list")
        return Accepted(out)
    return Accepted({DEFAULT_KEY: _answer_list(value, "the question")})


_ACCEPTED_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "minLength": 1},
        {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
        {
            "type": "object",
            "propertyNames": {"pattern": LANG_PATTERN},
            "additionalProperties": {
                "anyOf": [
                    {"type": "string", "minLength": 1},
                    {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
                ]
            },
        },
    ],
    "description": "Accepted answers: a list, or lists by language code.",
}

AcceptedAnswers = Annotated[Accepted, PlainValidator(_validate_accepted), WithJsonSchema(_ACCEPTED_SCHEMA)]


# Letters an Arabic keyboard types in place of their Urdu forms, and marks that do not change a word.
_URDU_FOLD = str.maketrans(
    {
        "\u064a": "\u06cc",  # Arabic yeh -> Farsi/Urdu yeh
        "\u0649": "\u06cc",  # alef maksura -> yeh
        "\u0643": "\u06a9",  # Arabic kaf -> keheh
        "\u0647": "\u06c1",  # Arabic heh -> heh goal
        "\u06c0": "\u06c1\u0654",  # heh with yeh above, decomposed
        "\u0640": None,  # tatweel (kashida)
        "\u200c": None,  # zero-width non-joiner
        "\u200d": None,  # zero-width joiner
        **{chr(c): None for c in range(0x064B, 0x0653)},  # harakat
        "\u0670": None,  # superscript alef
    }
)


def normalise_answer(text: str) -> str:
    """Compare typed answers without regard to case, extra spaces, or Arabic-keyboard letter forms."""
    text = unicodedata.normalize("NFKC", text).translate(_URDU_FOLD)
    return " ".join(text.split()).casefold()


def same_answer_key(text: str) -> str:
    """When the validator calls two accepted answers the same: equal but for case and extra spaces.

    Looser than :func:`normalise_answer`, which grading uses: answers that differ only in Arabic-keyboard
    letter forms or vowel marks may both be listed, and converting a pack back and forth keeps both.
    """
    return " ".join(text.split()).casefold()
