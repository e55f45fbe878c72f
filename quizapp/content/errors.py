"""Turn the model's validation errors into messages a teacher can act on."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Sequence
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from quizapp.content.models import QUESTION_TYPES, AnyQuestion


def _unwrap(tp: Any) -> Any:
    while get_origin(tp) is typing.Annotated:
        tp = get_args(tp)[0]
    return tp


def _model_classes(tp: Any) -> list[type[BaseModel]]:
    tp = _unwrap(tp)
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        out: list[type[BaseModel]] = []
        for arg in get_args(tp):
            out.extend(_model_classes(arg))
        return out
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    return []


def model_at(root: type[BaseModel], loc: Sequence[int | str]) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``loc`` (for suggesting key names)."""
    current: Any = root
    for part in loc:
        current = _unwrap(current)
        origin = get_origin(current)
        if origin is list and isinstance(part, int):
            current = get_args(current)[0]
            continue
        classes = _model_classes(current)
        if not classes:
            return None
        if isinstance(part, str) and len(classes) > 1:
            by_tag = {_tag_of(c): c for c in classes}
            if part in by_tag:
                current = by_tag[part]
                continue
        cls = classes[0] if len(classes) == 1 else None
        if cls is None or not isinstance(part, str) or part not in cls.model_fields:
            return None
        current = cls.model_fields[part].annotation
    classes = _model_classes(current)
    return classes[0] if len(classes) == 1 else None


def _tag_of(cls: type[BaseModel]) -> str | None:
    field = cls.model_fields.get("type")
    if field is None:
        return None
    args = get_args(_unwrap(field.annotation))
    return str(args[0]) if args else None


def suggest(word: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _shown(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def _field_name(loc: Sequence[int | str]) -> str:
    for part in reversed(loc):
        if isinstance(part, str) and part not in QUESTION_TYPES:
            return part
    return "value"


_QUESTION_TYPE_NAMES = ", ".join(QUESTION_TYPES)
_ = AnyQuestion  # the union whose tags QUESTION_TYPES lists


def describe(error: ErrorDetails, root_model: type[BaseModel]) -> tuple[str, bool]:
    """Return the message for one error and whether it should point at the key rather than the value."""
    kind = error["type"]
    loc = error["loc"]
    field = _field_name(loc)
    value = error.get("input")
    ctx: dict[str, Any] = dict(error.get("ctx") or {})

    if kind == "extra_forbidden":
        name = str(loc[-1])
        model = model_at(root_model, loc[:-1])
        hint = suggest(name, list(model.model_fields)) if model else ""
        allowed = f" (allowed here: {', '.join(model.model_fields)})" if model and not hint else ""
        return f"unknown key '{name}'{hint}{allowed}", True
    if kind == "missing":
        return f"missing required key '{loc[-1]}'", False
    if kind == "union_tag_not_found":
        return f"the question has no 'type'; add 'type:' with one of: {_QUESTION_TYPE_NAMES}", False
    if kind == "union_tag_invalid":
        tag = str(ctx.get("tag", value))
        return (
            f"'{tag}' is not a question type{suggest(tag, QUESTION_TYPES)} "
            f"(use one of: {_QUESTION_TYPE_NAMES})",
            False,
        )
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "")
        choices = [c.strip() for c in expected.replace(" or ", ",").split(",") if c.strip()]
        return (
            f"{field}: {_shown(value)} is not allowed{suggest(str(value), choices)} "
            f"(use one of: {', '.join(choices)})",
            False,
        )
    if kind == "string_pattern_mismatch":
        if field == "version":
            return f"version: {_shown(value)} is not a version number; write it like 1.0 or 1.2.3", False
        if field in ("default_language", "languages", "review_status"):
            return f"{field}: {_shown(value)} is not a language code such as 'en' or 'ur'", False
        return (
            f"{field}: {_shown(value)} is not a valid id; use lower-case letters, digits, '-' and '_' "
            "(no spaces), starting with a letter or digit",
            False,
        )
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{field}: {_shown(value)} is not a whole number", False
    if kind in ("bool_parsing", "bool_type"):
        return f"{field}: {_shown(value)} is not true or false", False
    if kind in ("greater_than_equal", "greater_than"):
        return f"{field}: must be at least {ctx.get('ge', ctx.get('gt'))}, not {_shown(value)}", False
    if kind in ("less_than_equal", "less_than"):
        return f"{field}: must be at most {ctx.get('le', ctx.get('lt'))}, not {_shown(value)}", False
    if kind == "too_short":
        if isinstance(value, str):
            return f"{field}: is empty; write something or remove the key", False
        n = ctx.get("min_length", 1)
        return f"{field}: needs at least {n} item{'s' if n != 1 else ''}", True
    if kind == "too_long":
        if isinstance(value, str):
            return f"{field}: is too long (at most {ctx.get('max_length')} characters)", False
        return f"{field}: may have at most {ctx.get('max_length')} items", True
    if kind == "string_too_long":
        return f"{field}: is too long (at most {ctx.get('max_length')} characters)", False
    if kind in ("string_too_short",):
        return f"{field}: is empty; write something or remove the key", False
    if kind == "string_type":
        if value is None:
            return f"{field}: is empty; write something or remove the key", False
        return f"{field}: must be text, not {_shown(value)}", False
    if kind == "list_type":
        return f"{field}: must be a list (one '- ' line per item), not {_shown(value)}", False
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        if value is None:
            return f"{field}: is empty; it needs 'key: value' lines", False
        return f"{field}: must be a mapping ('key: value' lines), not {_shown(value)}", False
    if kind.startswith("text_") or kind.startswith("accepted_"):
        return f"{field}: {error['msg']}", False
    return f"{field}: {error['msg']}", False
