"""How much of each choice question a child sees without scrolling at a small screen (issue 14, item 5).

For every module of the built-in curriculum (the example pack included), every scenario, single and
multiple-choice question is shown in the quiz screen of a window opened as ``quizapp`` opens it, and the
script prints how many of its options are wholly on screen before any scrolling, and whether the Check
button is. With ``--png DIR`` it also saves each scenario as a picture (``--from-screen`` takes it from the
screen, under X11, as a child sees it).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_quiz_fold.py --lang ur --size 1024x600 --scale 100
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="ur")
    parser.add_argument("--size", default="1024x600")
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--types", default="scenario,single,multiple")
    parser.add_argument("--png", type=Path, default=None)
    parser.add_argument("--from-screen", action="store_true")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    types = set(args.types.split(","))

    from quizapp.progress.store import Store
    from quizapp.ui.app import open_main_window
    from quizapp.ui.autopilot import Autopilot, settle
    from quizapp.ui.screenshots import grab_from_screen, wait_until_exposed
    from quizapp.ui.visibility import options_on_screen

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        store = Store.open(data)
        store.settings.show_example_pack = True
        store.settings.default_language = args.lang
        window = open_main_window(data, store)
        window.resize(width, height)
        window.show()
        settle()
        if args.from_screen:
            wait_until_exposed(window)
        pilot = Autopilot(window)
        ctx = window.ctx
        pilot.create_learner("ثنا" if args.lang == "ur" else "Sana", language=args.lang)
        ctx.set_text_scale(args.scale)
        rows: list[tuple[str, str, int, int, bool]] = []
        for entry in list(ctx.library.entries()):
            session = ctx.learning.start_quiz(window.learner, entry)
            window._show(window.quiz)
            window.quiz.open(session)
            for index in range(session.count):
                question = session.question(index)
                if question.type not in types:
                    continue
                window.quiz.show_question(index)
                settle()
                view = window.quiz.view
                seen, total, button = options_on_screen(window.quiz)
                name = f"{entry.pack_id}/{entry.module_id}/{question.id}"
                rows.append((name, question.type, seen, total, button))
                if args.png is not None and question.type == "scenario":
                    args.png.mkdir(parents=True, exist_ok=True)
                    picture = grab_from_screen(window) if args.from_screen else window.grab()
                    file = f"{entry.module_id}-{question.id}-{width}x{height}-{args.lang}-{args.scale}.png"
                    picture.save(str(args.png / file))
                assert view is not None
        for name, qtype, seen, total, button in rows:
            print(f"{seen}/{total} {'button' if button else 'NO-BUTTON'} {qtype:9} {name}")
        full = sum(1 for r in rows if r[2] == r[3])
        print(
            f"# {args.lang} {width}x{height} scale {args.scale}: all options on screen for {full}/{len(rows)}"
        )
        window.close()
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
