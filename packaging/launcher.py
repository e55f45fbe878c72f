"""Entry point of the packaged app (PyInstaller freezes this script)."""

import sys

sys.dont_write_bytecode = True  # never write into the (read-only) install folder

from quizapp.cli.main import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
