"""Import existing question banks (CSV template, Aiken, GIFT, Moodle XML) into packs. Plain Python, no Qt.

from quizapp.importers import convert_files, write_pack, PackOptions

report = convert_files([Path("bank.gift")], language="en")   # questions, skips, warnings
result = write_pack(report, Path("my-pack"), PackOptions(title="My pack"))
"""

from quizapp.importers.convert import convert_files, parse_file
from quizapp.importers.detect import SUFFIXES
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
