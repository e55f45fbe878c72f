"""Build hook: ship the top-level ``questions/``, ``assets/`` and ``translations/`` folders inside the
package.

Everything else about the project is in pyproject.toml. In a source checkout or an editable install,
``quizapp.paths`` finds these folders beside the package instead. The interface translations are shipped
as ``.ts`` sources, plus compiled ``.qm`` files when PySide6's ``lrelease`` can run here; an install
without them compiles the ``.ts`` files at first start (see ``quizapp/ui/i18n/catalog.py``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA_DIRS = ("questions", "assets", "translations")


def _lrelease() -> Path | None:
    try:
        import PySide6
    except ImportError:
        return None
    exe = "lrelease.exe" if os.name == "nt" else "lrelease"
    tool = Path(PySide6.__file__).resolve().parent / exe
    return tool if tool.is_file() else None


def compile_translations(folder: Path) -> None:
    """Compile each ``.ts`` in ``folder`` to a ``.qm`` beside it, when lrelease is available."""
    tool = _lrelease()
    if tool is None:
        return
    for ts in sorted(folder.glob("*.ts")):
        result = subprocess.run(
            [str(tool), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=False
        )
        if result.returncode != 0:
            ts.with_suffix(".qm").unlink(missing_ok=True)  # the app compiles it at first start instead


class BuildPyWithData(build_py):
    """Copy the bundled data folders to ``quizapp/_data/`` in the build."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "quizapp" / "_data"
        for name in DATA_DIRS:
            source = ROOT / name
            if source.is_dir():
                ignore = shutil.ignore_patterns("*.qm") if name == "translations" else None
                shutil.copytree(source, target / name, dirs_exist_ok=True, ignore=ignore)
        if (target / "translations").is_dir():
            compile_translations(target / "translations")


setup(cmdclass={"build_py": BuildPyWithData})
