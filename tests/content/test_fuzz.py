"""Property-based: whatever YAML-shaped input arrives, only the validator's own diagnostics come out."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.content.models import Manifest, Module
from quizapp.content.validate import validate_paths
from quizapp.content.yamlsafe import YamlProblem, parse_yaml
from tests.content.helpers import MANIFEST, MODULE

FIELD_NAMES = sorted(
    {name for model in (Module, Manifest) for name in model.model_fields}
    | {
        "type",
        "options",
        "correct",
        "prompt",
        "explanation",
        "items",
        "pairs",
        "accepted",
        "situation",
        "rating",
    }
    | {"en", "ur", "questions", "sections", "body", "left", "right", "text", "feedback", "id"}
)
QUESTION_TYPES = [
    "single",
    "multiple",
    "true_false",
    "ordering",
    "matching",
    "fill_blank",
    "scenario",
    "essay",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 200),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        ["", "Yes", "No", "~", "a", "b", "en", "best", "8-10", "1.0", "x" * 90, "اردو", *QUESTION_TYPES]
    ),
    st.text(max_size=20),
)
yaml_values: Any = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8)), children, max_size=6),
    ),
    max_leaves=40,
)

YAML_CHARS = st.text(
    alphabet=st.sampled_from(list("abcen: -\n\t[]{},&*!|>'\"#%@`?~\\0123456789اردو")), max_size=200
)


def check_file(text: str | bytes, name: str = "module.yaml") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        if isinstance(text, str):
            path.write_text(text, encoding="utf-8")
        else:
            path.write_bytes(text)
        report = validate_paths([path])
        for item in report.diagnostics.items:
            assert item.line >= 1 and item.column >= 1 and item.message


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_values)
def test_arbitrary_structures_give_only_diagnostics(value: Any) -> None:
    """Any YAML data in a module file gives diagnostics, never an exception."""
    check_file(yaml.safe_dump(value, allow_unicode=True))


@settings(max_examples=300, deadline=None)
@given(YAML_CHARS)
def test_arbitrary_text_gives_only_yaml_problems(text: str) -> None:
    """Random YAML-ish characters either parse or raise our own YamlProblem."""
    try:
        parse_yaml(text)
    except YamlProblem as problem:
        assert problem.line >= 1 and problem.message
    check_file(text)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, len(MODULE) - 1), st.integers(0, 30), YAML_CHARS)
def test_mutated_valid_module_gives_only_diagnostics(start: int, length: int, insert: str) -> None:
    """Splicing random text into a valid module never breaks the validator."""
    text = MODULE[:start] + insert + MODULE[start + length :]
    with tempfile.TemporaryDirectory() as tmp:
        pack = Path(tmp) / "p"
        (pack / "modules").mkdir(parents=True)
        (pack / "pack.yaml").write_text(MANIFEST, encoding="utf-8")
        (pack / "modules" / "one.yaml").write_text(text, encoding="utf-8")
        report = validate_paths([pack])
        for item in report.diagnostics.items:
            assert item.line >= 1 and item.message


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes(data: bytes) -> None:
    """Any bytes at all give diagnostics, never an exception."""
    check_file(data)
