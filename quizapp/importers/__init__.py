"""Import existing question banks (CSV template, Aiken, GIFT, Moodle XML) into packs. Plain Python, no Qt.

from quizapp.importers import convert_files, write_pack, PackOptions

report = convert_files([Path("bank.gift")], language="en")   # questions, skips, warnings
result = write_pack(report, Path("my-pack"), PackOptions(title="My pack"))
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from quizapp.importers.detect import SUFFIXES

if TYPE_CHECKING:
    from quizapp.importers.convert import convert_files, parse_file
    from quizapp.importers.pack_writer import (
        OutputExists,
        PackOptions,
        WriteProblem,
        WriteResult,
        check_target,
        write_pack,
    )
    from quizapp.importers.report import (
        ConversionReport,
        ConvertedQuestion,
        ModulePlan,
        Notice,
        ReportEntry,
        SkippedItem,
    )

# Loaded on first use, so that `quizapp --help` and the app's start do not import the validation library.
_LAZY = {
    "convert_files": "convert",
    "parse_file": "convert",
    "OutputExists": "pack_writer",
    "PackOptions": "pack_writer",
    "WriteProblem": "pack_writer",
    "WriteResult": "pack_writer",
    "check_target": "pack_writer",
    "write_pack": "pack_writer",
    "ConversionReport": "report",
    "ConvertedQuestion": "report",
    "ModulePlan": "report",
    "Notice": "report",
    "ReportEntry": "report",
    "SkippedItem": "report",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'quizapp.importers' has no attribute {name!r}")
    return getattr(importlib.import_module(f"quizapp.importers.{module}"), name)


SUPPORTED_SUFFIXES = tuple(SUFFIXES)  # for a file dialog: .csv .gift .xml .txt

__all__ = [
    "SUPPORTED_SUFFIXES",
    "ConversionReport",
    "ConvertedQuestion",
    "ModulePlan",
    "Notice",
    "OutputExists",
    "PackOptions",
    "ReportEntry",
    "SkippedItem",
    "WriteProblem",
    "WriteResult",
    "check_target",
    "convert_files",
    "parse_file",
    "write_pack",
]
