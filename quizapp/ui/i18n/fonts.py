"""The fonts each language needs: Noto Nastaliq Urdu (shipped in ``assets/fonts`` with its licence) for
Urdu, the system's interface font for English, and Noto Naskh Arabic (also shipped) for Urdu words in the
teacher's dense tables only (:func:`compact_font`).

Nastaliq is tall: at the same pixel size its lines are about twice as high as a Latin font's, and some
letter stacks reach above the font's own ascent. Qt's layouts size labels, buttons and fields from the
font's metrics, so they grow with it; :func:`extra_line_padding` gives the few pixels more that widgets
with hand-set heights must add so nothing is cut off.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

log = logging.getLogger("quizapp")

URDU_FAMILY = "Noto Nastaliq Urdu"
TABLE_FAMILY = "Noto Naskh Arabic"
"""Naskh writes Urdu letters side by side on the line instead of in Nastaliq's descending stacks: at the
same pixel size its ink is about half as tall (15 px against 28 at 13 px), so a table of Urdu names gets
twice the rows. Only for the teacher's dense tables; children read Nastaliq, the script they are taught."""
FONT_FILES = ("NotoNastaliqUrdu-Regular.ttf", "NotoNastaliqUrdu-Bold.ttf", "NotoNaskhArabic-Regular.ttf")
SCRIPT_FAMILIES = {"ur": URDU_FAMILY}
URDU_SCALE = 1.2
"""Urdu text is shown 1.2 times as large as English: at the same pixel size Nastaliq's letters, dots and
marks are much smaller than Latin ones, too small for children who are learning to read."""
SCRIPT_SCALES = {URDU_FAMILY: URDU_SCALE}


@dataclass
class FontSet:
    """Loads the bundled fonts once and gives the application font for a language."""

    fonts_dir: Path
    base: QFont | None = None
    loaded: dict[str, list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def load(self) -> list[str]:
        """Add the bundled font files to Qt's font database; returns the families now available."""
        for name in FONT_FILES:
            if name in self.loaded:
                continue
            path = self.fonts_dir / name
            if not path.is_file():
                who = "tables of Urdu names use" if name.startswith("NotoNaskh") else "Urdu uses"
                self.problems.append(f"{path}: the font file is missing; {who} a system font.")
                log.warning("Font file missing: %s", path)
                self.loaded[name] = []
                continue
            font_id = QFontDatabase.addApplicationFont(str(path))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if not families:
                self.problems.append(f"{path}: Qt could not read this font file.")
                log.warning("Font could not be loaded: %s", path)
            self.loaded[name] = list(families)
        return sorted({family for families in self.loaded.values() for family in families})

    def available(self, language: str) -> bool:
        """True when the language's own font is loaded (or it needs none)."""
        family = SCRIPT_FAMILIES.get(language)
        return family is None or family in self.load()

    def text_scale(self, language: str) -> float:
        """How much larger than English the text of ``language`` is shown (1.0 without its font)."""
        family = SCRIPT_FAMILIES.get(language)
        if family is None or not self.available(language):
            return 1.0
        return SCRIPT_SCALES.get(family, 1.0)

    def tall_script(self, language: str) -> bool:
        """The language is written in Nastaliq (when its font is there)."""
        return SCRIPT_FAMILIES.get(language) == URDU_FAMILY and self.available(language)

    def font_for(self, language: str, base: QFont | None = None) -> QFont:
        """The application font for ``language``: its script's font first, then the interface font for
        the letters and signs that font lacks (Latin names such as "WhatsApp" inside Urdu sentences)."""
        base = QFont(base or self.base or QFont())
        family = SCRIPT_FAMILIES.get(language)
        if family is None or not self.available(language):
            return base
        font = QFont(base)
        fallbacks = [f for f in base.families() or [base.family()] if f and f != family]
        font.setFamilies([family, *fallbacks])
        return font


def uses_nastaliq(font: QFont) -> bool:
    families = font.families() or [font.family()]
    return bool(families) and families[0] == URDU_FAMILY


def extra_line_padding(font: QFont) -> int:
    """Pixels to add above and below one line of ``font`` so Nastaliq's highest marks and deepest tails
    are not cut (0 for other fonts)."""
    if not uses_nastaliq(font):
        return 0
    metrics = QFontMetrics(font)
    return max(2, round(metrics.height() * 0.08))


def line_height(font: QFont) -> int:
    """The height one line of ``font`` needs, with the Nastaliq padding."""
    return QFontMetrics(font).height() + 2 * extra_line_padding(font)


def has_arabic_script(text: str) -> bool:
    """True when ``text`` has letters of the Arabic script (Urdu), which Nastaliq draws tall."""
    return any(
        "\u0600" <= c <= "\u06ff"
        or "\u0750" <= c <= "\u077f"
        or "\ufb50" <= c <= "\ufdff"
        or "\ufe70" <= c <= "\ufeff"
        for c in text
    )


def text_line_height(font: QFont, text: str) -> int:
    """The height one line of ``text`` needs in ``font``: Nastaliq's (padded) for Urdu letters, the
    fallback font's for Latin letters and digits shown with a Nastaliq application font."""
    if not uses_nastaliq(font) or has_arabic_script(text):
        return line_height(font)
    fallback = QFont(font)
    families = font.families()[1:]
    if families:
        fallback.setFamilies(families)
    return QFontMetrics(fallback).height()


def compact_font(font: QFont, text: str) -> QFont:
    """The font a dense table (the teacher's results grid) draws ``text`` in: Noto Naskh Arabic at the
    same size when ``text`` has Arabic-script letters, ``font`` itself otherwise. Latin letters and
    signs in the text fall back to ``font``'s other families; Nastaliq comes last, for any letter Naskh
    lacks. Rows must be sized from this font's ink (``QFontMetrics(compact_font(...))``)."""
    if not has_arabic_script(text):
        return font
    others = [f for f in font.families() or [font.family()] if f and f not in (TABLE_FAMILY, URDU_FAMILY)]
    compact = QFont(font)
    compact.setFamilies([TABLE_FAMILY, *others, URDU_FAMILY])
    return compact
