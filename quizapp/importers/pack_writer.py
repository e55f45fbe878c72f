"""Write converted questions as a pack folder, atomically, and check it with the pack validator.

The pack is written into a temporary folder next to the target, validated, and only then renamed into
place; a non-empty target folder is replaced only when ``force`` is given. Nothing half-written is left
behind when anything fails.
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizapp.content.models import AgeBand
from quizapp.content.packs import MANIFEST_NAME
from quizapp.content.validate import validate_paths
from quizapp.importers.convert import display_path
from quizapp.importers.ids import is_slug, slugify
from quizapp.importers.phrases import SUPPORTED_LANGUAGES, phrase
from quizapp.importers.report import ConversionReport, ModulePlan
from quizapp.importers.yamlout import dump_yaml, to_data

DEFAULT_AUTHOR = "unknown (imported question bank)"
DEFAULT_LICENCE = "unknown"


class WriteProblem(Exception):
    """The pack cannot be written where asked (the target exists, is a file, or cannot be created)."""


class OutputExists(WriteProblem):
    """The target folder exists and is not empty, and ``force`` was not given."""


@dataclass(slots=True)
class PackOptions:
    """What the sources cannot tell: the pack's id, title, authors, licence and learners' age band."""

    pack_id: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=lambda: [DEFAULT_AUTHOR])
    licence: str = DEFAULT_LICENCE
    age_band: AgeBand = "11-13"
    version: str = "1.0.0"


@dataclass(slots=True)
class WriteResult:
    path: Path
    written: bool
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _texts(languages: list[str], key: str, **values: str) -> dict[str, str]:
    return {lang: phrase(lang if lang in SUPPORTED_LANGUAGES else "en", key, **values) for lang in languages}


def module_data(
    plan: ModulePlan, report: ConversionReport, default_language: str, age_band: str
) -> dict[str, Any]:
    languages = report.languages
    sources = ", ".join(Path(s).name for s in plan.sources)
    data: dict[str, Any] = {
        "id": plan.id,
        "title": dict(plan.titles) or {default_language: plan.title},
        "summary": _texts(languages, "summary", sources=sources),
        "audience": "students",
        "age_band": age_band,
        "minutes": min(240, max(5, math.ceil(len(plan.questions) * 1.5))),
    }
    if plan.tags:
        data["tags"] = plan.tags
    data["lesson"] = {"sections": [{"body": _texts(languages, "lesson")}]}
    data["quiz"] = {"questions": [to_data(q) for q in plan.questions]}
    return data


def pack_files(report: ConversionReport, options: PackOptions, folder_name: str) -> dict[str, str]:
    """The pack's files (relative path -> YAML text)."""
    languages = report.languages
    default = report.language if report.language in languages else languages[0]
    title = options.title or (report.modules[0].title if len(report.modules) == 1 else None) or folder_name
    pack_id = options.pack_id or slugify(title) or slugify(folder_name) or "imported"
    files: dict[str, str] = {}
    module_paths: list[str] = []
    for plan in report.modules:
        rel = f"modules/{plan.id}.yaml"
        module_paths.append(rel)
        files[rel] = dump_yaml(module_data(plan, report, default, options.age_band))
    sources = ", ".join(Path(s).name for s in report.sources)
    manifest: dict[str, Any] = {
        "id": pack_id,
        "title": {default: title},
        "description": _texts(languages, "pack_description", sources=sources),
        "version": options.version,
        "authors": list(options.authors),
        "licence": options.licence,
        "default_language": default,
        "languages": languages,
        "review_status": dict.fromkeys(languages, "draft"),
        "audience": ["students"],
        "modules": module_paths,
    }
    files[MANIFEST_NAME] = dump_yaml(manifest)
    return files


def _is_empty_dir(path: Path) -> bool:
    return path.is_dir() and not any(path.iterdir())


def check_target(out_dir: Path, *, force: bool) -> None:
    """Raise :class:`OutputExists` or :class:`WriteProblem` when the pack cannot go to ``out_dir``."""
    if out_dir.exists() and not out_dir.is_dir():
        raise WriteProblem(f"'{display_path(out_dir)}' is a file; give a folder for the pack")
    if out_dir.is_dir() and not _is_empty_dir(out_dir) and not force:
        raise OutputExists(
            f"the folder '{display_path(out_dir)}' is not empty; choose a new folder, "
            "or use --force to replace it"
        )


def write_pack(
    report: ConversionReport, out_dir: Path, options: PackOptions | None = None, *, force: bool = False
) -> WriteResult:
    """Write the report's modules as a pack in ``out_dir``; the result says if it was written, and why not."""
    options = options or PackOptions()
    if options.pack_id is not None and not is_slug(options.pack_id):
        raise WriteProblem(
            f"'{options.pack_id}' is not a valid pack id (lower-case letters, digits, '-' and '_')"
        )
    check_target(out_dir, force=force)
    result = WriteResult(out_dir, False)
    if not report.modules:
        result.errors.append("no question could be converted, so no pack was written")
        return result
    parent = out_dir.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise WriteProblem(f"cannot create the pack folder: {exc.strerror or exc}") from exc
    try:
        for rel, text in pack_files(report, options, out_dir.name).items():
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        validation = validate_paths([staging])
        staged, shown = display_path(staging), display_path(out_dir)
        for diagnostic in validation.lines():
            line = str(diagnostic).replace(staged, shown, 1)
            (result.warnings if diagnostic in validation.diagnostics.warnings else result.errors).append(line)
        if not validation.valid:
            return result
        _move_into_place(staging, out_dir)
        result.written = True
    except OSError as exc:
        raise WriteProblem(f"cannot write the pack: {exc.strerror or exc}") from exc
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    if options.authors == [DEFAULT_AUTHOR]:
        result.notes.append("write the real authors under 'authors' in pack.yaml")
    if options.licence == DEFAULT_LICENCE:
        result.notes.append(
            "write the licence (such as CC-BY-4.0) under 'licence' in pack.yaml before sharing the pack"
        )
    return result


def _move_into_place(staging: Path, out_dir: Path) -> None:
    if _is_empty_dir(out_dir):
        out_dir.rmdir()
    if not out_dir.exists():
        os.replace(staging, out_dir)
        return
    backup = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", suffix=".old", dir=out_dir.absolute().parent))
    backup.rmdir()
    os.replace(out_dir, backup)
    try:
        os.replace(staging, out_dir)
    except OSError:
        os.replace(backup, out_dir)
        raise
    shutil.rmtree(backup, ignore_errors=True)
