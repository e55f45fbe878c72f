"""Maintainer tool: bring ``translations/*.ts`` up to date with the interface code and list what is left
to translate.

    python -m quizapp.ui.i18n.update            update the .ts files, then report unfinished entries
    python -m quizapp.ui.i18n.update --check    only report (lupdate runs on temporary copies)
    python -m quizapp.ui.i18n.update --release  also compile each .ts to a .qm beside it (not committed)

It runs ``pyside6-lupdate`` over every ``.py`` file in ``quizapp/ui``. ``quizapp_ur.ts`` holds every
string; ``quizapp_en.ts`` only the ones with plural forms (``%n``), because English is the language of the
source code. Exit code 1 when a string has no finished translation or a translation drops a placeholder.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from quizapp.ui.i18n.bidi import needs_rtl_mark
from quizapp.ui.i18n.compiler import compile_ts, qt_tool
from quizapp.ui.i18n.switcher import RTL_LANGUAGES
from quizapp.ui.i18n.tsfile import TsFile, TsMessage, read_ts

UI_DIR = Path(__file__).resolve().parent.parent
REPO_ROOT = UI_DIR.parent.parent
TRANSLATIONS_DIR = REPO_ROOT / "translations"

LANGUAGES: dict[str, tuple[str, bool]] = {
    "ur": ("ur_PK", False),  # (lupdate target language, plural forms only)
    "en": ("en", True),
}


class UpdateError(RuntimeError):
    """lupdate is missing or failed."""


@dataclass
class LanguageReport:
    language: str
    ts: TsFile
    unfinished: list[TsMessage] = field(default_factory=list)
    placeholder_problems: list[tuple[TsMessage, list[str]]] = field(default_factory=list)
    direction_problems: list[TsMessage] = field(default_factory=list)
    """Right-to-left translations starting with a Latin word or a placeholder but no RIGHT-TO-LEFT MARK."""

    @property
    def ok(self) -> bool:
        return not self.unfinished and not self.placeholder_problems and not self.direction_problems

    def lines(self) -> list[str]:
        name = self.ts.path.name
        out = [f"{name}: {len(self.ts.current())} strings, {len(self.unfinished)} unfinished"]
        out += [f"  unfinished [{m.context or '-'}] {m.source!r}" for m in self.unfinished]
        out += [
            f"  placeholder {', '.join(missing)} missing in [{m.context or '-'}] {m.source!r}"
            for m, missing in self.placeholder_problems
        ]
        out += [
            f"  starts left to right, begin it with U+200F: [{m.context or '-'}] {m.source!r}"
            for m in self.direction_problems
        ]
        return out


def ui_sources(ui_dir: Path = UI_DIR) -> list[Path]:
    """The Python files of the interface, in a stable order."""
    return sorted(p for p in ui_dir.rglob("*.py") if "__pycache__" not in p.parts)


def run_lupdate(sources: list[Path], ts: Path, language: str, *, plural_only: bool) -> None:
    """Extract the strings of ``sources`` into ``ts`` (created or merged)."""
    tool = qt_tool("lupdate")
    if tool is None:
        raise UpdateError("lupdate is not part of this PySide6 installation; install PySide6-Essentials.")
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "sources.lst"
        listing.write_text("\n".join(str(s) for s in sources) + "\n", encoding="utf-8")
        cmd = [str(tool), "-silent", "-locations", "none", "-no-obsolete", "-source-language", "en"]
        cmd += ["-target-language", language]
        if plural_only:
            cmd.append("-pluralonly")
        cmd += [f"@{listing}", "-ts", str(ts)]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise UpdateError(f"lupdate failed on {ts.name} (exit code {result.returncode}): {detail}")


def report_for(language: str, ts_path: Path) -> LanguageReport:
    ts = read_ts(ts_path)
    report = LanguageReport(language, ts, unfinished=ts.unfinished())
    for message in ts.current():
        missing = message.missing_placeholders()
        if missing:
            report.placeholder_problems.append((message, missing))
        if language in RTL_LANGUAGES and any(needs_rtl_mark(t) for t in message.translations):
            report.direction_problems.append(message)
    return report


def update(
    translations_dir: Path = TRANSLATIONS_DIR, ui_dir: Path = UI_DIR, *, write: bool = True
) -> list[LanguageReport]:
    """Run lupdate for every language (on temporary copies unless ``write``) and report."""
    sources = ui_sources(ui_dir)
    reports: list[LanguageReport] = []
    with tempfile.TemporaryDirectory() as tmp:
        for language, (target, plural_only) in LANGUAGES.items():
            ts = translations_dir / f"quizapp_{language}.ts"
            work = ts if write else Path(tmp) / ts.name
            if not write and ts.is_file():
                shutil.copy2(ts, work)
            run_lupdate(sources, work, target, plural_only=plural_only)
            reports.append(report_for(language, work))
    return reports


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m quizapp.ui.i18n.update", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--check", action="store_true", help="do not change the .ts files, only report")
    parser.add_argument("--release", action="store_true", help="also compile .qm files beside the .ts files")
    parser.add_argument("--translations", type=Path, default=TRANSLATIONS_DIR, help="the folder of .ts files")
    args = parser.parse_args(argv)
    if not args.translations.is_dir():
        print(f"error: {args.translations} is not a folder; run this in a source checkout.", file=sys.stderr)
        return 2
    try:
        reports = update(args.translations, write=not args.check)
        if args.release and not args.check:
            for report in reports:
                compile_ts(report.ts.path, report.ts.path.with_suffix(".qm"))
    except (UpdateError, RuntimeError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for report in reports:
        print("\n".join(report.lines()))
    return 0 if all(r.ok for r in reports) else 1


if __name__ == "__main__":
    sys.exit(main())
