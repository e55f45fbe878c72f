"""The pinned PySide6 keeps Python's reference counts: a long session must not abort.

PySide6-Essentials 6.12.0 on Python 3.11 dropped a reference to None on every void call and to True on every
Signal.emit, so the app aborted ("deallocating None") after some thousands of calls. pyproject.toml keeps
PySide6 below 6.12; this test fails if an upgrade brings the fault back.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

LONG_SESSION = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication, QLabel

    class Source(QObject):
        changed = Signal(int)

    app = QApplication([])
    label = QLabel()
    source = Source()
    source.changed.connect(lambda value: None)
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(50_000):
        label.setText("a")  # returns None
        source.changed.emit(1)  # returns True
    after = sys.getrefcount(None), sys.getrefcount(True)
    print(after[0] - before[0], after[1] - before[1])
    """
)


def test_many_qt_calls_keep_reference_counts() -> None:
    """50,000 void calls and signal emits leave None's and True's reference counts where they were."""
    done = subprocess.run([sys.executable, "-c", LONG_SESSION], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-500:]
    none_drift, true_drift = (int(x) for x in done.stdout.split())
    assert abs(none_drift) < 100 and abs(true_drift) < 100, done.stdout
