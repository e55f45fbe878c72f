"""Reading Qt Linguist ``.ts`` files: the messages, their translations and what is still unfinished.

Used by the maintainer script (:mod:`quizapp.ui.i18n.update`), the tests, and as a fallback translator
when ``pyside6-lrelease`` cannot be run on this computer.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%L?[0-9n]")
"""``{name}`` (``str.format``) and ``%1`` / ``%n`` / ``%L1`` (Qt) placeholders."""

RETIRED_TYPES = frozenset({"obsolete", "vanished"})


class TsFileError(ValueError):
    """A ``.ts`` file that cannot be read."""


@dataclass(frozen=True, slots=True)
class TsMessage:
    """One message of a ``.ts`` file."""

    context: str
    source: str
    translations: tuple[str, ...]
    """One text, or one per plural form when ``numerus``."""
    comment: str = ""
    """The disambiguation given in the code (the second argument of ``tr()``)."""
    numerus: bool = False
    type: str = ""
    """``""`` (finished), ``"unfinished"``, ``"obsolete"`` or ``"vanished"``."""

    @property
    def retired(self) -> bool:
        """No longer in the code (lupdate keeps it for reuse)."""
        return self.type in RETIRED_TYPES

    @property
    def finished(self) -> bool:
        """Translated and marked done (every plural form filled)."""
        return self.type == "" and bool(self.translations) and all(t.strip() for t in self.translations)

    @property
    def translation(self) -> str:
        return self.translations[0] if self.translations else ""

    def missing_placeholders(self) -> list[str]:
        """Placeholders of the source text that a (non-empty) translation leaves out."""
        wanted = set(PLACEHOLDER.findall(self.source))
        problems: list[str] = []
        for text in self.translations:
            if not text:
                continue
            found = set(PLACEHOLDER.findall(text))
            problems.extend(sorted(wanted - found))
        return sorted(set(problems))


@dataclass(slots=True)
class TsFile:
    """The messages of one ``.ts`` file."""

    path: Path
    language: str
    source_language: str
    messages: list[TsMessage] = field(default_factory=list)

    def current(self) -> list[TsMessage]:
        """Messages still used by the code."""
        return [m for m in self.messages if not m.retired]

    def unfinished(self) -> list[TsMessage]:
        """Messages used by the code that have no finished translation."""
        return [m for m in self.current() if not m.finished]

    def lookup(self) -> dict[tuple[str, str, str], tuple[str, ...]]:
        """Finished translations by ``(context, source, comment)``."""
        return {(m.context, m.source, m.comment): m.translations for m in self.current() if m.finished}


def _text(element: ET.Element | None) -> str:
    if element is None:
        return ""
    return "".join(element.itertext())


def read_ts(path: Path) -> TsFile:
    """Read a ``.ts`` file; :class:`TsFileError` says what is wrong with it."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else "?"
        raise TsFileError(f"{path}: line {line}: not a valid .ts file ({exc}). Fix the XML.") from exc
    except OSError as exc:
        raise TsFileError(f"{path}: cannot be read ({exc.strerror or exc}).") from exc
    if root.tag != "TS":
        raise TsFileError(f"{path}: the top element is <{root.tag}>, a .ts file starts with <TS>.")
    ts = TsFile(
        path=path,
        language=root.get("language", ""),
        source_language=root.get("sourcelanguage", ""),
    )
    for context in root.iter("context"):
        name = _text(context.find("name"))
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation is None:
                texts: tuple[str, ...] = ()
                kind = "unfinished"
            else:
                kind = translation.get("type", "")
                forms = translation.findall("numerusform")
                texts = tuple(_text(f) for f in forms) if numerus else (_text(translation),)
            ts.messages.append(
                TsMessage(
                    context=name,
                    source=_text(message.find("source")),
                    translations=texts,
                    comment=_text(message.find("comment")),
                    numerus=numerus,
                    type=kind,
                )
            )
    return ts
