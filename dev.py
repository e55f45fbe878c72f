#!/usr/bin/env python3
"""Set up a virtual environment and run quizapp or its checks. Needs only Python 3.11+.

python3 dev.py app     # set up, then open the app
python3 dev.py test    # set up, then run every check: ruff, mypy, import-linter and pytest
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def run(*cmd: str | os.PathLike[str]) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], cwd=ROOT, check=True)


def setup(extras: str) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - say so clearly on an old Python
        sys.exit("quizapp needs Python 3.11 or newer")
    if not PYTHON.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", f".{extras}")


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "help"
    rest = argv[1:]
    try:
        if command == "app":
            setup("")
            return subprocess.call([str(PYTHON), "-m", "quizapp", *rest], cwd=ROOT)
        if command == "test":
            setup("[dev]")
            run(PYTHON, "-m", "ruff", "check", ".")
            run(PYTHON, "-m", "ruff", "format", "--check", ".")
            run(PYTHON, "-m", "mypy")
            run(BIN / "lint-imports")
            return subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT)
    except subprocess.CalledProcessError as exc:
        return exc.returncode or 1
    print(__doc__)
    return 0 if command == "help" else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
