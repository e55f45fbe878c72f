"""Pseudo-translation, to find text that would be cut off or left untranslated before real translators do.

``QUIZAPP_PSEUDO=1`` (or ``stretch``) shows every interface string with accented letters, 40 percent
longer and in brackets: ``Check`` becomes ``[Ćĥéćķ~ę]``. ``QUIZAPP_PSEUDO=mirror`` also writes it right to
left and lays the whole window out right to left. Placeholders (``{name}``, ``%1``, ``%n``), HTML tags and
entities and ``&`` shortcuts are kept, so the strings still work.
"""

from __future__ import annotations

import math
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizapp.ui.i18n.tsfile import TsFile


ENV_PSEUDO = "QUIZAPP_PSEUDO"
MODES = ("stretch", "mirror")
EXPANSION = 0.4

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀćđéƒĝĥîĵķļɱñöƥǫŕšţûṽŵẋýžÅƁĆĐÉƑĜĤÎĴĶĻṀÑÖƤǪŔŠŢÛṼŴẊÝŽ",
)
_PADDING = "~ęxƥåñđ"
_PROTECTED = re.compile(
    r"\{[A-Za-z_][A-Za-z0-9_]*\}"  # str.format fields
    r"|%L?[0-9n]"  # Qt placeholders
    r"|<[^>]*>"  # HTML tags
    r"|&[A-Za-z]+;|&#[0-9]+;"  # entities
    r"|&&|&(?=\S)"  # a literal ampersand, or the shortcut marker (the letter after it stays a letter)
    r"|\n"
)
RLO, PDF = "\u202e", "\u202c"


def mode_from(value: str | None) -> str | None:
    """The pseudo mode for an environment value: ``1``/``stretch`` -> ``stretch``, ``mirror``, else None."""
    value = (value or "").strip().lower()
    if value in ("1", "yes", "true", "on", "stretch"):
        return "stretch"
    if value in ("mirror", "rtl"):
        return "mirror"
    return None


def pseudo_text(text: str, *, mirror: bool = False) -> str:
    """``text`` accented, padded to 140 percent of its visible length and bracketed."""
    if not text.strip():
        return text
    parts: list[str] = []
    visible = 0
    position = 0
    for match in _PROTECTED.finditer(text):
        plain = text[position : match.start()]
        parts.append(plain.translate(_ACCENTED))
        visible += len(plain)
        parts.append(match.group(0))
        position = match.end()
    tail = text[position:]
    parts.append(tail.translate(_ACCENTED))
    visible += len(tail)
    extra = max(1, math.ceil(visible * (1 + EXPANSION)) - visible - 2)
    padding = (_PADDING * (extra // len(_PADDING) + 1))[:extra]
    body = "".join(parts)
    lines = body.split("\n")
    lines[-1] += padding
    if mirror:
        lines = [f"{RLO}{line}{PDF}" if line else line for line in lines]
    return "[" + "\n".join(lines) + "]"


def write_pseudo_ts(source: TsFile, out: Path, mode: str = "stretch") -> Path:
    """Write a ``.ts`` that translates every string of ``source`` into its pseudo-translation.

    (Compiled with lrelease like the real ones: a Python override of ``QTranslator.translate`` is not
    safe in PySide6, it corrupts reference counts after many calls.)
    """
    if mode not in MODES:
        raise ValueError(f"unknown pseudo-translation mode {mode!r}; use one of {', '.join(MODES)}")
    mirror = mode == "mirror"
    import xml.etree.ElementTree as ET  # only when a pseudo file is written

    root = ET.Element("TS", {"version": "2.1", "language": "en", "sourcelanguage": "en"})
    contexts: dict[str, ET.Element] = {}
    for message in source.current():
        context = contexts.get(message.context)
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = message.context
            contexts[message.context] = context
        element = ET.SubElement(context, "message", {"numerus": "yes"} if message.numerus else {})
        ET.SubElement(element, "source").text = message.source
        if message.comment:
            ET.SubElement(element, "comment").text = message.comment
        translation = ET.SubElement(element, "translation")
        text = pseudo_text(message.source, mirror=mirror)
        if message.numerus:
            for _form in range(2):
                ET.SubElement(translation, "numerusform").text = text
        else:
            translation.text = text
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    ET.ElementTree(root).write(tmp, encoding="utf-8", xml_declaration=True)
    os.replace(tmp, out)
    return out
