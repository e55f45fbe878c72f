"""One question view on its own, for the example pack's question of a given type."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget

from quizapp.content.diagnostics import DiagnosticList
from quizapp.content.packs import load_pack_folder
from quizapp.ui.autopilot import settle
from quizapp.ui.questions.base import QuestionView, make_view
from tests.ui.conftest import StudentApp


@pytest.fixture
def show_view(student: StudentApp, example_builtin) -> Callable[..., QuestionView]:  # type: ignore[no-untyped-def]
    """``show_view(type, language="en")``: the example pack's question of that type in a shown window."""
    pack = load_pack_folder(example_builtin / "example", "example", DiagnosticList())
    assert pack is not None
    shown: list[QWidget] = []

    def show(qtype: str, language: str = "en", **replace: Any) -> QuestionView:
        student.ctx.set_language(language)
        question = next(q for m in pack.modules for q in m.quiz.questions if q.type == qtype)
        if replace:
            question = question.model_copy(update=replace)
        host = QWidget()
        host.resize(1024, 560)
        layout = QVBoxLayout(host)
        view = make_view(student.ctx, question, pack, parent=host)
        layout.addWidget(view)
        host.show()
        settle()
        shown.append(host)
        return view

    yield show  # type: ignore[misc]
    for host in shown:
        host.close()
        host.deleteLater()
    settle()
