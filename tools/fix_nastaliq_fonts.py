"""Make the bundled Noto Nastaliq Urdu files set correctly by Qt (run once when the font files change).

``python3 tools/fix_nastaliq_fonts.py assets/fonts`` (needs ``pip install fonttools``) rewrites the two
files in place, changing only what Qt reads wrongly; the letters themselves are untouched:

1. **Cursive anchors given as outline points.** Nastaliq joins each letter to the next with cursive
   attachment (GPOS lookup type 3). Noto Nastaliq Urdu 2.000 gives some of those anchors in format 2 (a
   point of the glyph's outline as well as x/y). HarfBuzz then asks the caller's font functions for the
   point; Qt answers from its own font engine with a point that is not the font's, so whole joined letter
   chains are shifted (in "میرے" the meem and yeh slide 0.2 em left and 0.14 em up over the reh and the
   yeh's dots disappear under it). HarfBuzz's own functions, ``hb-view``, browsers and PDF viewers use the
   anchor's x/y, which the font's designers give equal to the point. Writing each such anchor as format 1
   (x/y only) gives every renderer the same, right, positions.
2. **The Bold file says it is regular.** Its OS/2 weight class is 400, so Qt's font database files both
   files as weight 400: bold Urdu (titles, buttons, headings) is then the Regular file thickened by
   FreeType ("synthetic bold"), whose strokes run into each other, or, depending on the order the files
   were registered in, regular text comes from the Bold file. The weight class is set to 700, as its
   style name, ``macStyle`` and ``fsSelection`` already say.

The font stays under the SIL Open Font License (no Reserved Font Name); the change is recorded in
``assets/fonts/OFL.txt``.
"""

from __future__ import annotations

import sys
from pathlib import Path

FILES = {"NotoNastaliqUrdu-Regular.ttf": 400, "NotoNastaliqUrdu-Bold.ttf": 700}


def fix(path: Path, weight: int) -> tuple[int, int]:
    """Rewrite ``path``; returns (anchors changed, weight class before)."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(path))
    changed = 0
    for lookup in font["GPOS"].table.LookupList.Lookup:
        for subtable in lookup.SubTable:
            table = subtable.ExtSubTable if lookup.LookupType == 9 else subtable
            for record in getattr(table, "EntryExitRecord", None) or []:
                for anchor in (record.EntryAnchor, record.ExitAnchor):
                    if anchor is not None and anchor.Format == 2:
                        anchor.Format = 1
                        del anchor.AnchorPoint
                        changed += 1
    before = font["OS/2"].usWeightClass
    font["OS/2"].usWeightClass = weight
    temp = path.with_suffix(".tmp")
    font.save(str(temp))
    temp.replace(path)
    return changed, before


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path("assets/fonts")
    for name, weight in FILES.items():
        changed, before = fix(folder / name, weight)
        print(f"{name}: {changed} cursive anchor(s) made x/y only; weight class {before} -> {weight}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
