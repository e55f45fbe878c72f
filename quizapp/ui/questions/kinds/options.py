"""Printing shared by the option types (single, multiple, scenario)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from quizapp.ui.questions.base import tr
from quizapp.ui.questions.kinds.base import PrintPage


def options_html(options: Sequence[Any], right: set[str], page: PrintPage, *, ratings: bool = False) -> str:
    """A ticked (answer key) or empty (worksheet) box per option."""
    out = "<p>"
    for option in options:
        marked = page.answers and option.id in right
        label = page.plain(option.text)
        if marked:
            label = f'<span class="answer">{label}</span>'
        if page.answers and ratings:
            rating = {"best": tr("best"), "acceptable": tr("acceptable"), "unsafe": tr("unsafe")}[
                option.rating
            ]
            label += f" <i>({page.esc(rating)})</i>"
        out += f'<span class="box">{page.box(marked)}</span> {label}<br/>'
    return out + "</p>"
