"""How many of a class of forty the teacher's results grid shows at once (issue 22, item 3).

For names in Latin letters and names in Urdu letters, in the English and the Urdu interface, the Results
page is opened as the teacher area opens it (the app's style sheet) at the given size, and the script
prints the rows wholly in view and the row height. With ``--png DIR`` it also saves each page as a picture
(``--from-screen`` takes it from the screen, under X11, as the teacher sees it).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_results_grid.py --size 1024x600
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CLASS_SIZE = 40
LATIN = [f"Learner {n:02d}" for n in range(1, CLASS_SIZE + 1)]
URDU_FIRST = ["بلال", "عائشہ", "ژالہ", "محمد یوسف", "فاطمہ", "ضیاء الحق", "شگفتہ", "گل ناز"]
URDU_LAST = ["احمد", "بی بی", "پروین", "چوہدری", "نیازی"]
URDU = [f"{URDU_FIRST[n % len(URDU_FIRST)]} {URDU_LAST[n // len(URDU_FIRST)]}" for n in range(CLASS_SIZE)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1024x600")
    parser.add_argument("--png", type=Path, default=None)
    parser.add_argument("--from-screen", action="store_true")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))

    from PySide6.QtWidgets import QApplication

    from quizapp.paths import builtin_packs_dir
    from quizapp.progress.store import Store
    from quizapp.services.library import PackLibrary
    from quizapp.ui.autopilot import settle
    from quizapp.ui.context import AppContext
    from quizapp.ui.screenshots import grab_from_screen, wait_until_exposed
    from quizapp.ui.teacher.area import TeacherArea

    app = QApplication.instance() or QApplication(sys.argv)
    print(f"{'names':6} {'ui':3} {'size':9} {'rows in view':>12} {'row px':>6}")
    for script, names in (("latin", LATIN), ("urdu", URDU)):
        for language in ("en", "ur"):
            with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "data") as store:
                blue = store.people.create_class("Class 6 Blue")
                for n, name in enumerate(names):
                    store.people.create_learner(name, class_id=blue.id, roll_number=str(n + 1))
                ctx = AppContext(
                    data_dir=Path(tmp) / "data",
                    store=store,
                    library=PackLibrary(builtin_packs_dir(), Path(tmp) / "data" / "packs"),
                )
                ctx.set_language(language, force=True)
                area = TeacherArea(ctx, standalone=True)
                area.resize(width, height)
                area.show()
                area.unlock_without_pin()
                page = area.show_page("results")
                page.class_filter.setCurrentIndex(page.class_filter.findData(blue.id))
                if args.from_screen:
                    wait_until_exposed(area)
                settle()
                rows = page.grid.visible_rows()
                row_px = page.grid.names.rowHeight(0)
                print(f"{script:6} {language:3} {args.size:9} {rows:>9}/{CLASS_SIZE} {row_px:>6}")
                if args.png is not None:
                    args.png.mkdir(parents=True, exist_ok=True)
                    how = "screen" if args.from_screen else "offscreen"
                    picture = grab_from_screen(area) if args.from_screen else area.grab()
                    picture.save(str(args.png / f"results-{script}-{language}-{args.size}-{how}.png"))
                area.close()
                area.deleteLater()
                settle()
                ctx.localizer.reset()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
