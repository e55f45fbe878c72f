"""The small, safe formatting subset packs may use, and its conversion to HTML for Qt's text widgets.

Supported: paragraphs (separated by a blank line), ``**bold**``, ``*italic*``, bullet lists (``- `` or
``* ``) and numbered lists (``1. ``). Everything else is plain text: ``<``, ``>`` and ``&`` are escaped, so
no HTML from a pack ever reaches a widget and nothing can load a remote resource.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Literal

_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?=\S)(.+?)(?<=\S)\*(?![*\w])")
_BULLET = re.compile(r"^\s*[-*•]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")


@dataclass(frozen=True, slots=True)
class Block:
    kind: Literal["paragraph", "bullets", "numbers"]
    items: tuple[str, ...]  # one item for a paragraph


def parse_blocks(text: str) -> list[Block]:
    """Split text into paragraphs and lists."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    items: list[str] = []
    list_kind: Literal["bullets", "numbers"] | None = None

    def flush_paragraph() -> None:
        if paragraph:
            blocks.append(Block("paragraph", (" ".join(paragraph),)))
            paragraph.clear()

    def flush_list() -> None:
        nonlocal list_kind
        if items and list_kind:
            blocks.append(Block(list_kind, tuple(items)))
        items.clear()
        list_kind = None

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush_paragraph()
            flush_list()
            continue
        bullet = _BULLET.match(line)
        numbered = None if bullet else _NUMBERED.match(line)
        if bullet or numbered:
            kind: Literal["bullets", "numbers"] = "bullets" if bullet else "numbers"
            flush_paragraph()
            if list_kind != kind:
                flush_list()
                list_kind = kind
            items.append((bullet or numbered).group(1))  # type: ignore[union-attr]
        elif items:
            items[-1] = f"{items[-1]} {line}"
        else:
            paragraph.append(line)
    flush_paragraph()
    flush_list()
    return blocks


def inline_html(text: str) -> str:
    escaped = html.escape(text, quote=False)
    escaped = _BOLD.sub(r"<b>\1</b>", escaped)
    return _ITALIC.sub(r"<i>\1</i>", escaped)


def to_html(text: str) -> str:
    """Safe HTML for a Qt rich-text widget."""
    out: list[str] = []
    for block in parse_blocks(text):
        if block.kind == "paragraph":
            out.append(f"<p>{inline_html(block.items[0])}</p>")
        else:
            tag = "ul" if block.kind == "bullets" else "ol"
            lis = "".join(f"<li>{inline_html(item)}</li>" for item in block.items)
            out.append(f"<{tag}>{lis}</{tag}>")
    return "".join(out)


def to_plain(text: str) -> str:
    """The text without formatting marks (for CSV, PDF worksheets and screen readers)."""
    lines: list[str] = []
    for block in parse_blocks(text):
        if block.kind == "paragraph":
            lines.append(_strip_marks(block.items[0]))
        else:
            for number, item in enumerate(block.items, 1):
                mark = "•" if block.kind == "bullets" else f"{number}."
                lines.append(f"{mark} {_strip_marks(item)}")
    return "\n".join(lines)


def _strip_marks(text: str) -> str:
    return _ITALIC.sub(r"\1", _BOLD.sub(r"\1", text))
