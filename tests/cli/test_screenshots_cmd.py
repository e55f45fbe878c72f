"""``quizapp screenshots``: every student screen (and each question type before and after Check) as PNG."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from quizapp.cli.main import main

TYPES = ("single", "multiple", "true_false", "ordering", "matching", "fill_blank", "scenario")


def test_screenshots_of_every_screen(qapp, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    """Each student screen is saved at the size asked for, named after the screen."""
    out = tmp_path / "shots"
    assert main(["screenshots", "--out", str(out), "--size", "800x600"]) == 0
    names = {p.name for p in out.glob("*.png")}
    expected = {
        "picker",
        "new-learner",
        "home",
        "lesson",
        "lesson-key-points",
        "help-card",
        "results",
        "home-badge",
    }
    expected |= {f"quiz-{t}" for t in TYPES} | {f"quiz-{t}-checked" for t in TYPES}
    assert {f"{name}-800x600-en.png" for name in expected} <= names
    image = QImage(str(out / "results-800x600-en.png"))
    assert (image.width(), image.height()) == (800, 600)
    assert "screen(s) saved" in capsys.readouterr().out


@pytest.mark.parametrize("size", ["big", "10x10", "1024"])
def test_screenshots_refuse_a_bad_size(size: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A size that is not WxH (or is too small) is a usage error with a clear message."""
    assert main(["screenshots", "--out", str(tmp_path), "--size", size]) == 2
    assert "--size" in capsys.readouterr().err


def test_from_screen_needs_a_display(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--from-screen with Qt told to draw off the screen is a usage error that says what it needs."""
    assert main(["screenshots", "--from-screen", "--out", str(tmp_path)]) == 2
    assert "--from-screen needs a display" in capsys.readouterr().err


@pytest.mark.slow
def test_from_screen_matches_the_offscreen_pictures(tmp_path: Path, x_display: str) -> None:
    """Under X11 the pictures taken from the real window have the offscreen names and the same pixels
    (screens without a shuffled order: picker, form, home, lesson)."""
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"} | {"DISPLAY": x_display}
    command = [sys.executable, "-m", "quizapp", "screenshots", "--lang", "ur", "--out"]
    subprocess.run([*command, str(tmp_path / "screen"), "--from-screen"], env=env, check=True, timeout=600)
    subprocess.run(
        [*command, str(tmp_path / "off")], env=env | {"QT_QPA_PLATFORM": "offscreen"}, check=True, timeout=600
    )
    screen = {p.name for p in (tmp_path / "screen").glob("*.png")}
    assert screen == {p.name for p in (tmp_path / "off").glob("*.png")}
    for name in ("picker", "new-learner", "home", "lesson", "lesson-key-points"):
        file = f"{name}-1024x600-ur.png"
        shown, drawn = QImage(str(tmp_path / "screen" / file)), QImage(str(tmp_path / "off" / file))
        assert shown.convertToFormat(QImage.Format.Format_RGB32) == drawn.convertToFormat(
            QImage.Format.Format_RGB32
        ), file
