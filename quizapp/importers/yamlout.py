"""Turn pack models into plain data and readable YAML (the safe dumper; long texts as ``|`` blocks)."""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import BaseModel

from quizapp.content.text import Accepted, LText

_FIELD_ORDER = (
    "id",
    "type",
    "situation",
    "prompt",
    "text",
    "left",
    "right",
    "rating",
    "options",
    "correct",
    "items",
    "pairs",
    "accepted",
    "feedback",
    "explanation",
    "hint",
    "image",
    "image_alt",
    "difficulty",
    "points",
)


def to_data(value: Any) -> Any:
    """Plain dicts, lists, strings, numbers and booleans for a model (fields at their default left out)."""
    if isinstance(value, LText | Accepted):
        return value.to_yaml()
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        names = sorted(
            fields, key=lambda n: _FIELD_ORDER.index(n) if n in _FIELD_ORDER else len(_FIELD_ORDER)
        )
        out: dict[str, Any] = {}
        for name in names:
            item = getattr(value, name)
            info = fields[name]
            if item is None or (
                not info.is_required() and item == info.get_default(call_default_factory=True)
            ):
                continue
            out[name] = to_data(item)
        return out
    if isinstance(value, list | tuple):
        return [to_data(item) for item in value]
    return value


class _Dumper(yaml.SafeDumper):
    """The safe dumper, writing texts with line breaks as literal ``|`` blocks."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    text: str = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return text
