"""Tell the person at the command line what opening the data folder found (a damaged database restored
from a backup, an upgrade, a read-only fallback), as the app does in a dialog.

Without this a command that happened to open a damaged database would restore it silently, and the app
would have nothing to say at its next start: the teacher would never learn that answers were lost.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizapp.progress.store import Store


def report_open(store: Store) -> None:
    """Print ``store.open_report.messages`` to standard error, one paragraph each."""
    for message in store.open_report.messages:
        print(f"quizapp: note: {message}", file=sys.stderr)
