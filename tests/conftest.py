"""Test-wide settings: Qt runs headless and no test touches the real user data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    data = tmp_path / "quizapp-data"
    monkeypatch.setenv("QUIZAPP_DATA_DIR", str(data))
    monkeypatch.setenv("QUIZAPP_DATABASE", "")  # empty: the SQLite file; a developer's server stays out
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    # Narration never reaches a real sound card, and the computer's reading voice (espeak-ng, where
    # installed) stays out unless a test gives one: screens look the same on every machine.
    monkeypatch.setenv("QUIZAPP_AUDIO_BACKEND", "null")
    monkeypatch.setenv("QUIZAPP_READING_VOICE", "off")
    yield data


@pytest.fixture(scope="session")
def x_display(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real X display for tests of the live window: the one the run was given (``DISPLAY``), else a
    private Xvfb at 1024x600 started here; skipped with a reason where neither exists."""
    import shutil
    import subprocess
    import time

    given = os.environ.get("DISPLAY")
    if given:
        yield given
        return
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("needs an X display: install Xvfb (Debian package xvfb) to test the real window")
    for number in range(90, 110):
        if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
            continue
        log = tmp_path_factory.mktemp("xvfb") / "xvfb.log"
        with log.open("wb") as out:
            server = subprocess.Popen(
                [xvfb, f":{number}", "-screen", "0", "1024x600x24", "-nolisten", "tcp"],
                stdout=out,
                stderr=out,
            )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and server.poll() is None:
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                break
            time.sleep(0.1)
        if server.poll() is not None or not Path(f"/tmp/.X11-unix/X{number}").exists():
            server.kill()
            continue
        try:
            yield f":{number}"
        finally:
            server.terminate()
            server.wait(timeout=10)
        return
    pytest.skip("could not start Xvfb on any display :90-:109")
