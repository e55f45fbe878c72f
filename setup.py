"""Build hook: ship the top-level ``questions/`` and ``assets/`` folders inside the package.

Everything else about the project is in pyproject.toml. In a source checkout or an editable install,
``quizapp.paths`` finds these folders beside the package instead.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA_DIRS = ("questions", "assets")


class BuildPyWithData(build_py):
    """Copy the bundled data folders to ``quizapp/_data/`` in the build."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "quizapp" / "_data"
        for name in DATA_DIRS:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, target / name, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildPyWithData})
