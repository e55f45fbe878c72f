"""Results and roster files between computers, and the results as CSV, for the teacher area and the
command line: export this computer's results or roster, import other computers' files (merged in one
transaction each), describe what an import did, and name the packs a file's results belong to that are not
installed here. The files' format and checks are the store's (:mod:`quizapp.progress.bundle`,
:mod:`quizapp.progress.csvexport`); the UI and the CLI reach them through this module.
"""

from __future__ import annotations

from quizapp.progress.bundle import (
    describe_report,
    export_results,
    export_roster,
    import_results,
    import_roster,
)
from quizapp.progress.csvexport import CsvExport
from quizapp.progress.module_titles import missing_packs

__all__ = [
    "CsvExport",
    "describe_report",
    "export_results",
    "export_roster",
    "import_results",
    "import_roster",
    "missing_packs",
]
