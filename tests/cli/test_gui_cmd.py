"""``quizapp`` with no command opens the app on the data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_no_command_opens_the_app(tmp_path: Path) -> None:
    """The app opens on the given data folder (here it quits once the picker is shown).

    It runs in its own process, as a user starts it: the app sets application-wide state (style, fonts,
    translators) that must not leak into other tests.
    """
    data = tmp_path / "school"
    env = dict(os.environ, QUIZAPP_EXIT_WHEN_IDLE="1", QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "quizapp", "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("ready ")
    assert (data / "logs" / "quizapp.log").is_file()
    assert (data / "quizapp.sqlite3").is_file()
