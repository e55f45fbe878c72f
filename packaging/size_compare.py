#!/usr/bin/env python3
"""Compare the packaged app's size with a default PyInstaller build of a bare PySide6-Essentials window.

    python3 packaging/size_compare.py            # builds both (uses packaging/build.py for quizapp)
    python3 packaging/size_compare.py --reuse    # reuse dist/ if quizapp was already built

Both are compressed the same way (tar.gz, level 9). Goal (issue 8): ratio <= 1.0.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

import build  # noqa: E402

BARE_APP = """\
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.show()
sys.exit(app.exec())
"""


def tar_size(folder: Path, work: Path) -> int:
    archive = work / f"{folder.name}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=9) as tar:
        tar.add(folder, arcname=folder.name)
    return archive.stat().st_size


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reuse", action="store_true")
    args = parser.parse_args(argv)
    env_python = build.build_env(sys.executable, skip_install=args.reuse)
    if not args.reuse or not (build.DIST / "quizapp").is_dir():
        build.main(["--skip-install"])
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "bare.py").write_text(BARE_APP, encoding="utf-8")
        subprocess.run(
            [str(env_python), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--onedir",
             "--distpath", str(work / "dist"), "--workpath", str(work / "build"), "--specpath", str(work),
             str(work / "bare.py")],
            check=True,
        )  # fmt: skip
        bare_dir = work / "dist" / "bare"
        ours_dir = build.DIST / "quizapp"
        bare = tar_size(bare_dir, work)
        ours = tar_size(ours_dir, work)
        mb = 1048576
        print(f"{'build':<34}{'unpacked MB':>12}{'tar.gz MB':>11}")
        print(f"{'bare PySide6 window (default)':<34}{folder_size(bare_dir) / mb:>12.1f}{bare / mb:>11.1f}")
        print(f"{'quizapp (pruned)':<34}{folder_size(ours_dir) / mb:>12.1f}{ours / mb:>11.1f}")
        print(f"ratio quizapp / bare (compressed): {ours / bare:.2f}x  (goal <= 1.00x)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
