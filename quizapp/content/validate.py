"""Validate what a user points at: module files, pack folders, pack .zip files, folders of packs."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizapp.content.diagnostics import Diagnostic, DiagnosticList
from quizapp.content.models import Module
from quizapp.content.packs import (
    MANIFEST_NAME,
    Pack,
    context_for_module,
    load_module_file,
    load_pack_folder,
    load_pack_zip,
)


@dataclass
class ValidationReport:
    diagnostics: DiagnosticList = field(default_factory=DiagnosticList)
    packs: list[Pack] = field(default_factory=list)
    loose_modules: list[Module] = field(default_factory=list)
    languages: set[str] = field(default_factory=set)

    @property
    def valid(self) -> bool:
        return not self.diagnostics.has_errors()

    def modules(self) -> list[Module]:
        return [m for p in self.packs for m in p.modules] + self.loose_modules

    def as_dict(self) -> dict[str, Any]:
        modules = self.modules()
        types = Counter(q.type for m in modules for q in m.quiz.questions)
        return {
            "valid": self.valid,
            "errors": [d.as_dict() for d in self.diagnostics.sorted() if d in self.diagnostics.errors],
            "warnings": [d.as_dict() for d in self.diagnostics.sorted() if d in self.diagnostics.warnings],
            "packs": len(self.packs),
            "modules": len(modules),
            "questions": sum(len(m.quiz.questions) for m in modules),
            "question_types": dict(sorted(types.items())),
            "languages": sorted(self.languages),
            "modules_detail": self.modules_detail(),
        }

    def modules_detail(self) -> list[dict[str, Any]]:
        """One object per module: its pack (None for a loose module file), id and question counts."""
        pairs: list[tuple[str | None, Module]] = [(p.id, m) for p in self.packs for m in p.modules]
        pairs += [(None, m) for m in self.loose_modules]
        return [
            {
                "pack": pack_id,
                "module": m.id,
                "questions": len(m.quiz.questions),
                "check_questions": 0 if m.check is None else len(m.check.questions),
            }
            for pack_id, m in pairs
        ]

    def lines(self) -> list[Diagnostic]:
        return self.diagnostics.sorted()


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _find_pack_of(module_path: Path) -> Path | None:
    for parent in list(module_path.resolve().parents)[:3]:
        if (parent / MANIFEST_NAME).is_file():
            return parent
    return None


def validate_path(path: Path, report: ValidationReport) -> None:
    display = _display(path)
    diags = report.diagnostics
    if path.is_symlink() and not path.exists():
        diags.error(display, 1, 1, "this is a broken link")
        return
    if path.is_dir():
        if (path / MANIFEST_NAME).is_file():
            _add_pack(load_pack_folder(path, display, diags), report)
            return
        children = sorted(
            p
            for p in path.iterdir()
            if (p.is_dir() and (p / MANIFEST_NAME).is_file()) or p.suffix.lower() == ".zip"
        )
        if not children:
            diags.error(
                display, 1, 1, f"no packs here: a pack is a folder with a {MANIFEST_NAME}, or a .zip of one"
            )
            return
        for child in children:
            validate_path(child, report)
        return
    if not path.exists():
        diags.error(display, 1, 1, "no such file or folder")
        return
    suffix = path.suffix.lower()
    if suffix == ".zip":
        _add_pack(load_pack_zip(path, display, diags), report)
    elif path.name == MANIFEST_NAME:
        _add_pack(load_pack_folder(path.parent, _display(path.parent), diags), report)
    elif suffix in (".yaml", ".yml"):
        pack_root = _find_pack_of(path)
        ctx = context_for_module(pack_root, display) if pack_root is not None else None
        if ctx is not None:
            result = load_module_file(path, display, diags, ctx)
            report.languages.update(ctx.languages)
            if result is not None:
                report.loose_modules.append(result[0])
            return
        result = load_module_file(path, display, diags)
        if result is not None:
            report.loose_modules.append(result[0])
            report.languages.add("en")
    else:
        diags.error(display, 1, 1, "not a pack: give a module .yaml file, a pack folder or a pack .zip")


def _add_pack(pack: Pack | None, report: ValidationReport) -> None:
    if pack is not None:
        report.packs.append(pack)
        report.languages.update(pack.manifest.languages)


def validate_paths(paths: list[Path]) -> ValidationReport:
    report = ValidationReport()
    for path in paths:
        validate_path(path, report)
    return report
