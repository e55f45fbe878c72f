"""The command-line front end: ``quizapp [--data-dir DIR] COMMAND``."""
