"""The worked examples in docs/authoring.md are valid, so teachers can copy them."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from quizapp.content.models import QUESTION_TYPES
from tests.conftest import ROOT
from tests.content.helpers import MODULE, make_pack, validate

DOC = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
# Each "### Title (`type`)" section with a ```yaml example of its own (a section without one, such as the
# `source:` note, is not a question type).
BLOCKS = [
    (m.group(1), y.group(1))
    for section in DOC.split("\n### ")[1:]
    if (m := re.match(r"[^\n]*\(`(\w+)`\)\n", section))
    and (y := re.search(r"```yaml\n(.*?)```", section, re.S))
]


SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 434"><rect width="600" height="434"/></svg>\n'


def test_every_question_type_has_a_worked_example() -> None:
    """The guide shows every question type."""
    assert sorted(kind for kind, _ in BLOCKS) == sorted(QUESTION_TYPES)


@pytest.mark.parametrize(("kind", "block"), BLOCKS, ids=[k for k, _ in BLOCKS])
def test_worked_example_validates(tmp_path: Path, kind: str, block: str) -> None:
    """Each example, pasted into a module, passes `quizapp validate` with no errors."""
    module = MODULE + textwrap.indent(block, "    ")
    # the pictures an example names, as pictures of the size its regions are drawn on
    pictures = {rel: SVG for rel in re.findall(r"assets/[\w/.-]+\.svg", block)}
    report = validate(make_pack(tmp_path, module, extra=pictures))
    assert report.valid, [str(d) for d in report.diagnostics.errors]
    assert report.packs[0].modules[0].quiz.questions[-1].type == kind
