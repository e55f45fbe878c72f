"""The question-type registry is the one list of types: everything else is derived from it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from quizapp.content import qtypes
from quizapp.content.models import Quiz
from quizapp.content.vocab import QUESTION_TYPES
from quizapp.progress import bundle, records
from tests.conftest import ROOT

PACKAGE = ROOT / "quizapp"
REGISTRY = PACKAGE / "content" / "qtypes" / "__init__.py"
# The converters of other formats (CSV question banks, GIFT, Moodle XML) say which types *their format* can
# carry and how it spells them; that is a property of the format, not a list of quizapp's types, and a new
# quizapp type is skipped there by name with a reason (see importers/export.py).
FORMATS = PACKAGE / "importers"


def _ours(path: Path) -> bool:
    return path != REGISTRY and FORMATS not in path.parents


def _string_sets(tree: ast.AST) -> list[tuple[int, set[str]]]:
    """Every tuple, list, set, dict (keys) and Literal[...] subscript written in the code, as the set of its
    string constants."""
    found: list[tuple[int, set[str]]] = []
    for node in ast.walk(tree):
        elements: list[ast.expr] = []
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            elements = list(node.elts)
        elif isinstance(node, ast.Dict):
            elements = [k for k in node.keys if k is not None]
        strings = {e.value for e in elements if isinstance(e, ast.Constant) and isinstance(e.value, str)}
        if strings:
            found.append((getattr(node, "lineno", 0), strings))
    return found


def test_no_module_but_the_registry_lists_the_question_types() -> None:
    """No tuple, list, set, dict or Literal outside qtypes/__init__.py names three or more question types
    (a second list of types would fall behind when a type is added)."""
    names = set(qtypes.NAMES)
    offenders = []
    for path in filter(_ours, PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, strings in _string_sets(tree):
            if len(strings & names) >= 3:
                offenders.append(f"{path.relative_to(ROOT)}:{line}: {sorted(strings & names)}")
    assert offenders == []


def test_the_check_finds_a_list_of_types() -> None:
    """The check above does find a hard-coded list (so it cannot pass by finding nothing)."""
    tree = ast.parse(
        'TYPES = ("single", "multiple", "matching")\nA = Literal["true_false", "scenario", "ordering"]'
    )
    assert len([s for _l, s in _string_sets(tree) if len(s & set(qtypes.NAMES)) >= 3]) == 2


def test_no_isinstance_chain_over_every_type_outside_the_type_modules() -> None:
    """No module dispatches on the type with an if/elif over most of the model classes (the registry does)."""
    classes = {k.model.__name__ for k in qtypes.kinds()}
    offenders = []
    for path in filter(_ours, PACKAGE.rglob("*.py")):
        if "qtypes" in path.parts or "kinds" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        used = {c for c in classes if re.search(rf"isinstance\([^)]*\b{c}\b", text)}
        if len(used) >= len(classes) - 2:
            offenders.append(f"{path.relative_to(ROOT)}: {sorted(used)}")
    assert offenders == []


def test_every_type_has_a_module_with_its_own_name_and_model() -> None:
    """Each registered name is a module defining KIND, whose model's ``type`` is that name."""
    for name in qtypes.NAMES:
        kind = qtypes.kind(name)
        assert kind.name == name
        assert kind.model.model_fields["type"].annotation.__args__ == (name,)  # type: ignore[union-attr]


def test_every_list_of_types_is_the_registry() -> None:
    """The vocabulary, the store's records, the bundle check and the quiz model all know exactly the
    registry's types, spot the scam among them."""
    assert "spot_the_scam" in qtypes.NAMES
    assert tuple(QUESTION_TYPES) == qtypes.NAMES == tuple(records.QUESTION_TYPES)
    union = Quiz.model_fields["questions"].annotation.__args__[0].__origin__  # type: ignore[union-attr]
    assert {m.model_fields["type"].annotation.__args__[0] for m in union.__args__} == set(qtypes.NAMES)
    for name in qtypes.NAMES:
        assert bundle._known_type(name) == name
    with pytest.raises(ValueError, match="unknown question type 'essay'"):
        bundle._known_type("essay")


def test_an_unknown_type_is_refused_by_name() -> None:
    """Asking the registry for a type it does not have says which."""
    with pytest.raises(KeyError, match="essay"):
        qtypes.kind("essay")


def test_every_type_has_a_ui_module(tmp_path: Path) -> None:
    """Each registered type has its view module (``ui/questions/kinds/<name>.py``); checked by file so that
    this core test needs no Qt."""
    for name in qtypes.NAMES:
        assert (PACKAGE / "ui" / "questions" / "kinds" / f"{name}.py").is_file(), name
