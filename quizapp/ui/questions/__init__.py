"""One view per question type, each with controls that suit it; :func:`make_view` picks the right one."""

from __future__ import annotations

from quizapp.ui.questions.base import QuestionView, make_view

__all__ = ["QuestionView", "make_view"]
