"""Turn question bank files (CSV, Aiken, GIFT, Moodle XML) into a pack and install it.

The conversion itself is the importers' (``quizapp.importers``); this module writes the converted pack
into a temporary folder and installs it like any other pack (validated, moved into place atomically).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.importers.convert import convert_files
from quizapp.importers.pack_writer import PackOptions, WriteProblem, write_pack
from quizapp.importers.report import ConversionReport
from quizapp.services.teacher.packs import InstallResult, PackError, PackErrorKind, PackManager

SOURCE_SUFFIXES = (".csv", ".gift", ".txt", ".xml")


def convert(paths: Sequence[Path], *, language: str) -> ConversionReport:
    """Convert question bank files; every problem is in the report (nothing is raised for bad files)."""
    return convert_files([Path(p) for p in paths], language=language, display=lambda p: p.name)


@dataclass(slots=True)
class ImportInstall:
    """The installed pack, and what writing it said (notes such as "write the real authors")."""

    result: InstallResult
    notes: list[str] = field(default_factory=list)


def install_converted(
    report: ConversionReport,
    manager: PackManager,
    *,
    title: str,
    age_band: str = "11-13",
    authors: Sequence[str] = (),
) -> ImportInstall:
    """Write the converted questions as a pack and install it; ``PackError`` says why when it cannot."""
    if not report.modules:
        raise PackError(
            PackErrorKind.INVALID, "no question could be converted, so there is nothing to install"
        )
    options = PackOptions(title=title.strip() or None, age_band=age_band)  # type: ignore[arg-type]
    if authors:
        options.authors = [a for a in authors if a.strip()] or options.authors
    scratch = Path(tempfile.mkdtemp(prefix="quizapp-import-"))
    try:
        folder = scratch / "imported-pack"
        try:
            written = write_pack(report, folder, options)
        except WriteProblem as exc:
            raise PackError(PackErrorKind.DISK, str(exc)) from exc
        if not written.written:
            raise PackError(
                PackErrorKind.INVALID,
                "the converted questions did not make a valid pack: " + "; ".join(written.errors),
            )
        return ImportInstall(manager.install(folder), list(written.notes))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
