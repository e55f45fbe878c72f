"""``pyside6-lupdate`` does not see ``tr()`` calls written inside f-string braces.

Such a string never reaches the ``.ts`` files, so it stays English in the Urdu interface and the
translation tests cannot notice. This test finds them in the source.
"""

from __future__ import annotations

import ast
from pathlib import Path

import quizapp.ui

UI_DIR = Path(quizapp.ui.__file__).parent
TRANSLATING_CALLS = {"tr", "translate", "qt_tr"}


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def tr_calls_inside_fstrings(source: str, filename: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.JoinedStr):
            continue
        for part in node.values:
            if not isinstance(part, ast.FormattedValue):
                continue
            for inner in ast.walk(part.value):
                if isinstance(inner, ast.Call) and _name(inner.func) in TRANSLATING_CALLS:
                    found.append(f"{filename}:{inner.lineno}: {ast.unparse(inner)[:80]}")
    return found


def test_the_check_finds_a_tr_call_inside_fstring_braces() -> None:
    source = 'x = f"<b>{self.tr(\'Name\')}</b>"\ny = self.tr("Fine") + f"{count}"\n'
    assert tr_calls_inside_fstrings(source, "example.py") == ["example.py:1: self.tr('Name')"]


def test_no_tr_call_is_written_inside_fstring_braces() -> None:
    found = []
    for path in sorted(UI_DIR.rglob("*.py")):
        found += tr_calls_inside_fstrings(path.read_text(encoding="utf-8"), str(path.relative_to(UI_DIR)))
    assert not found, "lupdate cannot see these; move each tr() out of the f-string:\n" + "\n".join(found)
