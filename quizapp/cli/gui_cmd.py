"""``quizapp`` with no command: open the student app."""

from __future__ import annotations

import argparse

from quizapp.cli.main import data_dir_from


def open_app(args: argparse.Namespace) -> int:
    from quizapp.ui.app import exit_when_idle_requested, run_app

    return run_app(data_dir_from(args), exit_when_idle=exit_when_idle_requested())
