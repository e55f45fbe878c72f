"""A pack's picture is shown only when it passes the pack checks, and Qt opens no file outside the pack for it
(checked with strace in a child process)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.content.test_images import SVG_OK, png

HOSTILE_SVG = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
 width="40" height="40">
<image xlink:href="{secret}" width="40" height="40"/>
<image xlink:href="../../outside.png" width="40" height="40"/>
</svg>
"""


def test_a_checked_picture_is_drawn_and_a_hostile_one_is_not(qapp, tmp_path: Path) -> None:
    """An ordinary SVG is drawn; an SVG pointing at a local file and a huge PNG give no picture."""
    from quizapp.ui.images import load_image

    (tmp_path / "ok.svg").write_bytes(SVG_OK)
    (tmp_path / "bad.svg").write_text(HOSTILE_SVG.format(secret="/etc/hostname"), encoding="utf-8")
    (tmp_path / "huge.png").write_bytes(png(30000, 30000))
    assert load_image(tmp_path / "ok.svg", 80, 80) is not None
    assert load_image(tmp_path / "bad.svg", 80, 80) is None
    assert load_image(tmp_path / "huge.png", 80, 80) is None


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace")
def test_showing_a_hostile_svg_opens_no_file_outside_the_pack(tmp_path: Path) -> None:
    """strace sees no attempt to open the local picture an SVG in a pack refers to."""
    secret = tmp_path / "secret-photo.png"
    secret.write_bytes(png(4, 4))
    (tmp_path / "outside.png").write_bytes(png(4, 4))
    pack = tmp_path / "packs" / "evil" / "assets"
    pack.mkdir(parents=True)
    (pack / "pic.svg").write_text(HOSTILE_SVG.format(secret=secret), encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from quizapp.ui.images import load_image
        print("shown" if load_image(Path({str(pack / "pic.svg")!r}), 200, 200) else "refused")
        """
    )
    run = subprocess.run(
        ["strace", "-f", "-e", "trace=openat,open,stat,newfstatat,statx", sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "refused"
    assert "secret-photo.png" not in run.stderr
    assert "outside.png" not in run.stderr
