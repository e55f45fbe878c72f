"""Turning ``.ts`` sources into ``.qm`` files with the ``lrelease`` that ships with PySide6.

The compiled files are build products (never committed): the frozen build compiles them in
``packaging/build.py``, a wheel build in ``setup.py`` when it can, and a source or pip install at start-up
into a cache folder (see :func:`compiled`), again whenever the ``.ts`` is newer than its ``.qm``.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

log = logging.getLogger("quizapp")

COMPILE_TIMEOUT_S = 60


class CompileError(RuntimeError):
    """A translation could not be compiled (the message says which file and why)."""


def qt_tool(name: str) -> Path | None:
    """A Qt tool shipped inside the PySide6 package (``lrelease``, ``lupdate``), or None."""
    try:
        import PySide6
    except ImportError:  # pragma: no cover - the UI cannot run without it
        return None
    package = Path(PySide6.__file__).resolve().parent
    exe = f"{name}.exe" if os.name == "nt" else name
    for candidate in (package / exe, package / "Qt" / "libexec" / exe, package / "Qt" / "bin" / exe):
        if candidate.is_file():
            return candidate
    import shutil

    found = shutil.which(f"pyside6-{name}")
    return Path(found) if found else None


def needs_compiling(ts: Path, qm: Path) -> bool:
    """True when ``qm`` is missing or older than ``ts``."""
    try:
        return not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime or qm.stat().st_size == 0
    except OSError:
        return True


def compile_ts(ts: Path, qm: Path, lrelease: Path | None = None) -> Path:
    """Compile ``ts`` to ``qm`` (written to a temporary file, then moved into place); returns ``qm``."""
    tool = lrelease or qt_tool("lrelease")
    if tool is None:
        raise CompileError(f"{ts}: cannot compile, lrelease is not part of this PySide6 installation.")
    qm.parent.mkdir(parents=True, exist_ok=True)
    import subprocess  # loaded only when a translation is compiled
    import tempfile

    fd, tmp_name = tempfile.mkstemp(prefix=f".{qm.stem}-", suffix=".qm", dir=qm.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        flags = {"creationflags": 0x08000000} if sys.platform == "win32" else {}  # no console window
        result = subprocess.run(
            [str(tool), "-silent", str(ts), "-qm", str(tmp)],
            capture_output=True,
            text=True,
            timeout=COMPILE_TIMEOUT_S,
            check=False,
            **flags,  # type: ignore[call-overload]
        )
        if result.returncode != 0 or tmp.stat().st_size == 0:
            detail = (result.stderr or result.stdout or "").strip() or f"exit code {result.returncode}"
            raise CompileError(f"{ts}: lrelease failed: {detail}")
        os.replace(tmp, qm)
    except (OSError, subprocess.SubprocessError) as exc:
        raise CompileError(f"{ts}: could not compile to {qm}: {exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return qm


def compiled(ts: Path, cache_dir: Path, lrelease: Path | None = None) -> Path:
    """The ``.qm`` for ``ts`` in ``cache_dir``, compiled now when it is missing or out of date."""
    qm = cache_dir / f"{ts.stem}.qm"
    if needs_compiling(ts, qm):
        log.info("Compiling the translation %s into %s", ts.name, cache_dir)
        compile_ts(ts, qm, lrelease)
    return qm
