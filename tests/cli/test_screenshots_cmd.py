"""``quizapp screenshots``: every student screen (and each question type before and after Check) as PNG."""

from __future__ import annotations

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
