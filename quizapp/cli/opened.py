"""Tell the person at the command line what opening the data folder found (a damaged database restored
from a backup, an upgrade, a read-only fallback), as the app does in a dialog.

Without this a command that happened to open a damaged database would restore it silently, and the app
would have nothing to say at its next start: the teacher would never learn that answers were lost.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizapp.services.records import Store


def report_open(store: Store) -> None:
    """Name the data folder opened (once), then print ``store.open_report.messages``, one paragraph each."""
    where = store.location
    label = "data folder" if where == str(store.data_dir) else "database"
    print(f"quizapp: {label}: {where}", file=sys.stderr)
    for message in store.open_report.messages:
        print(f"quizapp: note: {message}", file=sys.stderr)


def require_data(data_dir: Path) -> None:
    """Refuse a folder that holds no quizapp data (no database and no backups) instead of creating one."""
    from quizapp.services.datafolder import holds_data
    from quizapp.services.offline import server_database
    from quizapp.services.records import StoreError

    if server_database():
        return  # a school server: the data is there, not in the folder ("--database sqlite": the folder)
    folder = Path(data_dir).absolute()
    if not holds_data(folder):
        raise StoreError(
            f"no quizapp data in {folder}. Give the folder quizapp uses with --data-dir "
            "(quizapp's settings page in the teacher area shows it)."
        )
