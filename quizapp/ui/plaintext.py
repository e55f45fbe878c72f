"""Text that comes from outside the app (pack titles, module titles, learner, class and school names, file
names, messages that quote them) is shown as plain text, never as rich text.

Qt draws a QLabel, a tool tip or a message box as HTML when its text merely *looks* like HTML
(``Qt::mightBeRichText``): a pack title of nested ``<table>`` tags then hangs or crashes the app, an
``<img src=...>`` reads a file from the computer and a ``<span style=font-size:90px>`` takes over the
page. Every widget that shows such text goes through one of these helpers:

- :func:`plain_label` / :func:`make_plain` for labels;
- :func:`escape` where the text sits inside rich text the app itself writes (lists, bold words, PDFs);
- :func:`tooltip_text` for tool tips (Qt has no plain-text switch for them);
- :func:`plain_message_box` for message boxes and input dialogs;
- :func:`fill_args` to put values into a translated sentence (``%1``, ``%2``… in one pass).
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

_ARG = re.compile(r"%([1-9])")


def fill_args(text: str, *values: str) -> str:
    """``text`` with ``%1``, ``%2``… replaced by ``values`` in one pass: a value holding "%2" (a pack
    title, a learner's name) stays as it is, unlike with chained ``str.replace``."""

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return values[index] if 0 <= index < len(values) else match.group(0)

    return _ARG.sub(value, text)


def escape(text: str) -> str:
    """``text`` made safe to put inside rich text the app writes itself."""
    return html.escape(text, quote=True)


def make_plain(label: QLabel) -> QLabel:
    """Draw ``label``'s text as plain text whatever it holds; returns the label."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that never draws its text as rich text."""
    label = QLabel(parent)
    make_plain(label)
    label.setText(text)
    return label


def tooltip_text(text: str) -> str:
    """``text`` as a tool tip that Qt shows word for word: text that could pass for HTML is escaped and
    wrapped in a paragraph (an escaped text alone would be shown with its ``&lt;`` visible)."""
    if "<" not in text and "&" not in text:
        return text
    return f'<p style="white-space:pre-wrap">{escape(text)}</p>'


def set_tooltip(widget: QWidget, text: str) -> None:
    widget.setToolTip(tooltip_text(text))


def plain_message_box(dialog: QWidget) -> None:
    """Make every label of a message box or input dialog plain text (its text may quote a name)."""
    setter = getattr(dialog, "setTextFormat", None)
    if callable(setter):
        setter(Qt.TextFormat.PlainText)
    for label in dialog.findChildren(QLabel):
        if label.pixmap().isNull():
            make_plain(label)
