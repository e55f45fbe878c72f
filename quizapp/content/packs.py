"""Load and validate packs: folders or .zip files with a ``pack.yaml`` and module files."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from quizapp.content import qtypes
from quizapp.content.archive import ArchiveProblem, find_pack_root, safe_extract
from quizapp.content.audio import AUDIO_SUFFIXES, AudioProblem, check_audio_file
from quizapp.content.diagnostics import DiagnosticList
from quizapp.content.errors import describe, suggest
from quizapp.content.images import IMAGE_SUFFIXES, check_image_file
from quizapp.content.item_rules import check_module_items
from quizapp.content.models import AnyQuestion, Manifest, Module, Question, picture_paths
from quizapp.content.placeholders import KNOWN_PLACEHOLDERS, unknown_placeholders
from quizapp.content.qtypes.base import CheckContext
from quizapp.content.text import DEFAULT_KEY, Accepted, LText, language_name
from quizapp.content.yamlsafe import YamlDocument, YamlProblem, load_yaml_file, locate

MANIFEST_NAME = "pack.yaml"
MAX_TITLE = 120  # letters in a pack or module title, in each language (docs/authoring.md)
MAX_SUMMARY = 500
MAX_AUTHOR = 100


@dataclass(slots=True)
class Pack:
    """A validated pack: its manifest and modules, in order."""

    manifest: Manifest
    root: Path
    modules: list[Module] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.manifest.id

    @property
    def version(self) -> str:
        return self.manifest.version

    @property
    def default_language(self) -> str:
        return self.manifest.default_language

    def questions(self) -> Iterator[AnyQuestion]:
        for module in self.modules:
            yield from module.quiz.questions

    def module(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)

    def asset_path(self, rel: str) -> Path:
        return self.root.joinpath(*PurePosixPath(rel).parts)


@dataclass(slots=True)
class PackContext:
    """What module checks need to know about the surrounding pack."""

    display: str
    root: Path
    default_language: str
    languages: tuple[str, ...]


def _validate_model(
    model: type[BaseModel], doc: YamlDocument, display: str, diags: DiagnosticList
) -> Any | None:
    if not isinstance(doc.data, dict):
        diags.error(
            display, 1, 1, "the file should be a mapping of 'key: value' lines, not a single value or list"
        )
        return None
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            message, at_key = describe(error, model)
            loc = error["loc"]
            if error["type"] == "union_tag_invalid":
                loc = (*loc, "type")
            line, column = locate(doc.root, loc, want_key=at_key)
            diags.error(display, line, column, message)
        return None


def _read(path: Path, display: str, diags: DiagnosticList) -> YamlDocument | None:
    found: list[YamlProblem] = []
    try:
        doc = load_yaml_file(path, found)
    except YamlProblem as fatal:
        found.append(fatal)
        doc = None
    for problem in found:
        diags.error(display, problem.line, problem.column, problem.message)
    return doc


def _check_rel_path(
    rel: str,
    ctx: PackContext,
    doc: YamlDocument,
    loc: tuple[int | str, ...],
    diags: DiagnosticList,
    what: str,
) -> Path | None:
    """Check that ``rel`` names a file inside the pack; return its path when it does."""
    line, column = locate(doc.root, loc)
    posix = PurePosixPath(rel.replace("\\", "/"))
    if posix.is_absolute() or rel.startswith(("/", "\\")) or (len(rel) > 1 and rel[1] == ":"):
        diags.error(
            ctx.display, line, column, f"{what} '{rel}' must be a path inside the pack, not an absolute one"
        )
        return None
    if ".." in posix.parts:
        diags.error(
            ctx.display, line, column, f"{what} '{rel}' leaves the pack folder ('..'); keep files inside it"
        )
        return None
    target = ctx.root.joinpath(*posix.parts)
    try:
        resolved = target.resolve()
        inside = resolved.is_relative_to(ctx.root.resolve())
    except OSError:
        inside = False
    if not inside:
        diags.error(ctx.display, line, column, f"{what} '{rel}' points outside the pack folder")
        return None
    if not target.is_file():
        diags.error(ctx.display, line, column, f"{what} '{rel}' was not found in the pack")
        return None
    return target


def _check_image(
    rel: str | None, ctx: PackContext, doc: YamlDocument, loc: tuple[int | str, ...], diags: DiagnosticList
) -> Path | None:
    """Check a picture named in the pack; its path when it may be shown."""
    if rel is None:
        return None
    if not rel.lower().endswith(IMAGE_SUFFIXES):
        line, column = locate(doc.root, loc)
        diags.error(
            ctx.display, line, column, f"image '{rel}' must be a .png, .jpg, .gif, .webp or .svg file"
        )
        return None
    path = _check_rel_path(rel, ctx, doc, loc, diags, "image")
    if path is None:
        return None
    problems = check_image_file(path)
    if problems:
        line, column = locate(doc.root, loc)
    for problem in problems:
        where = ""
        if rel.lower().endswith(".svg"):
            where = f" (line {problem.line}, column {problem.column} of {rel})"
        diags.error(ctx.display, line, column, f"image '{rel}': {problem.message}{where}")
    return None if problems else path


def _check_audio(
    audio: object, ctx: PackContext, doc: YamlDocument, loc: tuple[int | str, ...], diags: DiagnosticList
) -> None:
    """Each narration file of an ``audio:`` mapping: in a language of the pack, inside the pack, real Ogg
    Vorbis or MP3 within the size and length limits (content/audio.py)."""
    if not isinstance(audio, dict):
        return
    for lang, rel in audio.items():
        if not isinstance(lang, str) or not isinstance(rel, str):
            continue
        at = (*loc, lang)
        if lang not in ctx.languages:
            line, column = locate(doc.root, at, want_key=True)
            diags.warning(
                ctx.display,
                line,
                column,
                f"narration in '{lang}', which is not among the pack's languages "
                f"({', '.join(ctx.languages)})",
            )
        if not rel.lower().endswith(AUDIO_SUFFIXES):
            line, column = locate(doc.root, at)
            diags.error(
                ctx.display, line, column, f"narration '{rel}' must be an .ogg (Ogg Vorbis) or .mp3 file"
            )
            continue
        path = _check_rel_path(rel, ctx, doc, at, diags, "narration")
        if path is None:
            continue
        try:
            check_audio_file(path)
        except AudioProblem as problem:
            line, column = locate(doc.root, at)
            diags.error(ctx.display, line, column, f"narration '{rel}': {problem}")


def _iter_texts(
    value: Any, loc: tuple[int | str, ...]
) -> Iterator[tuple[tuple[int | str, ...], LText | Accepted]]:
    if isinstance(value, LText | Accepted):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            item = getattr(value, name)
            if item is not None and not isinstance(item, str | int | bool):
                yield from _iter_texts(item, (*loc, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if not isinstance(item, str):
                yield from _iter_texts(item, (*loc, index))


def _check_languages(
    part: BaseModel,
    ctx: PackContext,
    doc: YamlDocument,
    diags: DiagnosticList,
    base: tuple[int | str, ...] = (),
) -> None:
    wanted = set(ctx.languages)
    default = ctx.default_language
    for loc, text in _iter_texts(part, base):
        if isinstance(text, LText):
            for value in text.values():
                if "{{" in value:
                    for name in unknown_placeholders(value):
                        line, column = locate(doc.root, loc)
                        diags.error(
                            ctx.display,
                            line,
                            column,
                            f"unknown placeholder '{{{{{name}}}}}'{suggest(name, KNOWN_PLACEHOLDERS)} "
                            f"(known: {', '.join('{{' + k + '}}' for k in KNOWN_PLACEHOLDERS)})",
                        )
        have = {default if k == DEFAULT_KEY else k for k in text}
        if DEFAULT_KEY in text and default in text:
            line, column = locate(doc.root, loc)
            diags.error(ctx.display, line, column, "the text is given twice for the default language")
        missing = wanted - have
        extra = have - wanted
        if not missing and not extra:
            continue
        line, column = locate(doc.root, loc)
        for lang in sorted(missing):
            diags.warning(
                ctx.display,
                line,
                column,
                f"missing {language_name(lang)} ('{lang}') text; {language_name(default)} is shown instead",
            )
        for lang in sorted(extra):
            diags.warning(
                ctx.display,
                line,
                column,
                f"text in '{lang}', which is not among the pack's languages ({', '.join(ctx.languages)})",
            )


def _check_question(
    question: AnyQuestion,
    loc: tuple[int | str, ...],
    ctx: PackContext,
    doc: YamlDocument,
    diags: DiagnosticList,
) -> None:
    def err(sub: tuple[int | str, ...], message: str) -> None:
        line, column = locate(doc.root, (*loc, *sub))
        diags.error(ctx.display, line, column, message)

    def asset(rel: str, sub: tuple[int | str, ...]) -> Path | None:
        return _check_image(rel, ctx, doc, (*loc, *sub), diags)

    qtypes.kind_of(question).check(question, CheckContext(err, asset, ctx.languages, ctx.default_language))
    for picture_lang, path in picture_paths(question.image):
        where = (*loc, "image") if picture_lang is None else (*loc, "image", picture_lang)
        _check_image(path, ctx, doc, where, diags)
    _check_audio(question.audio, ctx, doc, (*loc, "audio"), diags)
    for index, option in enumerate(getattr(question, "options", ())):
        _check_audio(option.audio, ctx, doc, (*loc, "options", index, "audio"), diags)


def _check_lengths(
    text: LText | None,
    limit: int,
    what: str,
    ctx: PackContext,
    doc: YamlDocument,
    loc: tuple[int | str, ...],
    diags: DiagnosticList,
) -> None:
    """A title or summary longer than ``limit`` letters in any language is an error (it would take over
    headers and lists on a small screen)."""
    for lang, value in (text or {}).items():
        if len(value) > limit:
            line, column = locate(doc.root, (*loc, lang) if lang else loc)
            diags.error(
                ctx.display,
                line,
                column,
                f"the {what} is {len(value)} letters long; at most {limit} are allowed",
            )


def check_module(module: Module, ctx: PackContext, doc: YamlDocument, diags: DiagnosticList) -> None:
    """Checks the model alone cannot make: references, ids, images, lengths and languages."""
    _check_lengths(module.title, MAX_TITLE, "module title", ctx, doc, ("title",), diags)
    _check_lengths(module.summary, MAX_SUMMARY, "module summary", ctx, doc, ("summary",), diags)
    question_ids: dict[str, int] = {}
    for index, question in enumerate(module.quiz.questions):
        loc: tuple[int | str, ...] = ("quiz", "questions", index)
        if question.id in question_ids:
            line, column = locate(doc.root, (*loc, "id"))
            diags.error(
                ctx.display, line, column, f"question id '{question.id}' is used twice in this module"
            )
        question_ids[question.id] = index
        _check_question(question, loc, ctx, doc, diags)
    check_ids: set[str] = set()
    for index, question in enumerate(module.check.questions if module.check is not None else ()):
        loc = ("check", "questions", index)
        clash = question.id in check_ids or question.id in question_ids
        if clash:
            line, column = locate(doc.root, (*loc, "id"))
            where = "check questions" if question.id in check_ids else "quiz"
            diags.error(
                ctx.display, line, column, f"check question id '{question.id}' is also used in the {where}"
            )
        check_ids.add(question.id)
        _check_question(question, loc, ctx, doc, diags)
    for finding in check_module_items(module, ctx.languages, ctx.default_language):
        line, column = locate(doc.root, finding.loc)
        diags.warning(ctx.display, line, column, f"item rule ({finding.rule}): {finding.message}")
    _check_image(module.image, ctx, doc, ("image",), diags)
    for index, section in enumerate(module.lesson.sections):
        _check_image(section.image, ctx, doc, ("lesson", "sections", index, "image"), diags)
        _check_audio(section.audio, ctx, doc, ("lesson", "sections", index, "audio"), diags)
    if module.id in module.prerequisites:
        line, column = locate(doc.root, ("prerequisites",))
        diags.error(ctx.display, line, column, "a module cannot be its own prerequisite")
    _check_languages(module, ctx, doc, diags)


_QUESTION_ADAPTER: TypeAdapter[AnyQuestion] = TypeAdapter(Question)


def check_valid_parts(data: Any, ctx: PackContext, doc: YamlDocument, diags: DiagnosticList) -> None:
    """Where a module has model errors, still check its well-formed questions and images.

    A teacher then sees every problem of the file in one run (a wrong correct answer, a missing picture or
    translation), not only the model errors, which hide the rest until they are fixed.
    """
    if not isinstance(data, dict):
        return
    if isinstance(data.get("image"), str):
        _check_image(data["image"], ctx, doc, ("image",), diags)
    lesson = data.get("lesson")
    sections = lesson.get("sections") if isinstance(lesson, dict) else None
    for index, section in enumerate(sections if isinstance(sections, list) else []):
        if isinstance(section, dict) and isinstance(section.get("image"), str):
            _check_image(section["image"], ctx, doc, ("lesson", "sections", index, "image"), diags)
        if isinstance(section, dict):
            _check_audio(section.get("audio"), ctx, doc, ("lesson", "sections", index, "audio"), diags)
    quiz = data.get("quiz")
    questions = quiz.get("questions") if isinstance(quiz, dict) else None
    seen: set[str] = set()
    for index, raw in enumerate(questions if isinstance(questions, list) else []):
        try:
            question = _QUESTION_ADAPTER.validate_python(raw)
        except ValidationError:
            continue  # its model errors are reported already
        loc: tuple[int | str, ...] = ("quiz", "questions", index)
        if question.id in seen:
            line, column = locate(doc.root, (*loc, "id"))
            diags.error(
                ctx.display, line, column, f"question id '{question.id}' is used twice in this module"
            )
        seen.add(question.id)
        _check_question(question, loc, ctx, doc, diags)
        _check_languages(question, ctx, doc, diags, loc)


@dataclass(slots=True)
class _LoadedModule:
    module: Module
    doc: YamlDocument
    display: str


def load_module_file(
    path: Path, display: str, diags: DiagnosticList, ctx: PackContext | None = None
) -> tuple[Module, YamlDocument] | None:
    doc = _read(path, display, diags)
    if doc is None:
        return None
    if ctx is None:
        ctx = PackContext(display, path.parent, "en", ("en",))
    else:
        ctx = PackContext(display, ctx.root, ctx.default_language, ctx.languages)
    module: Module | None = _validate_model(Module, doc, display, diags)
    if module is None:
        check_valid_parts(doc.data, ctx, doc, diags)
        return None
    check_module(module, ctx, doc, diags)
    return module, doc


def load_pack_folder(root: Path, display: str, diags: DiagnosticList) -> Pack | None:
    """Load and check a pack folder. Returns the pack when it has no errors."""
    manifest_display = f"{display}/{MANIFEST_NAME}"
    manifest_path = root / MANIFEST_NAME
    if not manifest_path.is_file():
        diags.error(
            display, 1, 1, f"no {MANIFEST_NAME} here; a pack folder needs one (see docs/authoring.md)"
        )
        return None
    errors_before = len(diags.errors)
    doc = _read(manifest_path, manifest_display, diags)
    if doc is None:
        return None
    manifest: Manifest | None = _validate_model(Manifest, doc, manifest_display, diags)
    if manifest is None:
        return None
    mctx = PackContext(manifest_display, root, manifest.default_language, tuple(manifest.languages))
    _check_lengths(manifest.title, MAX_TITLE, "pack title", mctx, doc, ("title",), diags)
    for index, author in enumerate(manifest.authors):
        if len(author) > MAX_AUTHOR:
            line, column = locate(doc.root, ("authors", index))
            diags.error(
                manifest_display, line, column, f"an author's name may be at most {MAX_AUTHOR} letters long"
            )
    if manifest.default_language not in manifest.languages:
        line, column = locate(doc.root, ("languages",))
        diags.error(
            manifest_display,
            line,
            column,
            f"languages must include the default language '{manifest.default_language}'",
        )
    for lang in manifest.review_status:
        if lang not in manifest.languages:
            line, column = locate(doc.root, ("review_status", lang), want_key=True)
            diags.error(
                manifest_display, line, column, f"review_status names '{lang}', which is not in languages"
            )
    for lang in manifest.languages:
        if lang not in manifest.review_status and len(manifest.languages) > 1:
            line, column = locate(doc.root, ("languages",))
            diags.warning(
                manifest_display,
                line,
                column,
                f"no review_status for '{lang}'; add 'review_status: {{{lang}: draft}}' or 'reviewed'",
            )
    for loc, text in _iter_texts(manifest, ()):
        have = {manifest.default_language if k == DEFAULT_KEY else k for k in text}
        for lang in sorted(set(manifest.languages) - have):
            line, column = locate(doc.root, loc)
            diags.warning(manifest_display, line, column, f"missing {language_name(lang)} ('{lang}') text")

    pack = Pack(manifest=manifest, root=root)
    loaded: list[_LoadedModule] = []
    seen_files: set[str] = set()
    for index, rel in enumerate(manifest.modules):
        if rel in seen_files:
            line, column = locate(doc.root, ("modules", index))
            diags.error(manifest_display, line, column, f"module file '{rel}' is listed twice")
            continue
        seen_files.add(rel)
        if not rel.lower().endswith((".yaml", ".yml")):
            line, column = locate(doc.root, ("modules", index))
            diags.error(manifest_display, line, column, f"module file '{rel}' must be a .yaml file")
            continue
        path = _check_rel_path(rel, mctx, doc, ("modules", index), diags, "module file")
        if path is None:
            continue
        mdisplay = f"{display}/{rel}"
        ctx = PackContext(mdisplay, root, manifest.default_language, tuple(manifest.languages))
        result = load_module_file(path, mdisplay, diags, ctx)
        if result is not None:
            loaded.append(_LoadedModule(result[0], result[1], mdisplay))

    _check_pack_ids(loaded, diags)
    listed = {PurePosixPath(r).as_posix() for r in manifest.modules}
    for extra in sorted(root.rglob("*.y*ml")):
        rel = extra.relative_to(root).as_posix()
        if rel != MANIFEST_NAME and rel not in listed and not rel.startswith("."):
            diags.warning(
                f"{display}/{rel}", 1, 1, "this module file is not listed under 'modules' in pack.yaml"
            )
    pack.modules = [item.module for item in loaded]
    if len(diags.errors) > errors_before:
        return None
    return pack


def _check_pack_ids(loaded: list[_LoadedModule], diags: DiagnosticList) -> None:
    module_ids: dict[str, str] = {}
    question_ids: dict[str, str] = {}
    for item in loaded:
        module = item.module
        if module.id in module_ids:
            line, column = locate(item.doc.root, ("id",))
            diags.error(
                item.display, line, column, f"module id '{module.id}' is also used by {module_ids[module.id]}"
            )
        else:
            module_ids[module.id] = item.display
        for index, question in enumerate(module.quiz.questions):
            where = f"{item.display} ({module.id})"
            if question.id in question_ids and question_ids[question.id] != where:
                line, column = locate(item.doc.root, ("quiz", "questions", index, "id"))
                diags.error(
                    item.display,
                    line,
                    column,
                    f"question id '{question.id}' is also used in {question_ids[question.id]}; "
                    "ids must be unique in a pack",
                )
            question_ids.setdefault(question.id, where)
    for item in loaded:
        for index, prereq in enumerate(item.module.prerequisites):
            if prereq not in module_ids:
                line, column = locate(item.doc.root, ("prerequisites", index))
                diags.error(
                    item.display, line, column, f"prerequisite '{prereq}' is not a module in this pack"
                )


def load_pack_zip(archive: Path, display: str, diags: DiagnosticList) -> Pack | None:
    """Validate a pack .zip by unpacking it into a temporary folder that is removed afterwards.

    The returned pack's ``root`` no longer exists; use :func:`unpacked_pack` to work with its files.
    """
    with unpacked_pack(archive, display, diags) as root:
        if root is None:
            return None
        return load_pack_folder(root, display, diags)


class unpacked_pack:
    """Context manager: unpack a pack archive into a temporary folder; yields the pack root or None."""

    def __init__(self, archive: Path, display: str, diags: DiagnosticList) -> None:
        self._archive = archive
        self._display = display
        self._diags = diags
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    def __enter__(self) -> Path | None:
        self._tmp = tempfile.TemporaryDirectory(prefix="quizapp-pack-")
        dest = Path(self._tmp.name)
        try:
            safe_extract(self._archive, dest)
        except ArchiveProblem as problem:
            self._diags.error(self._display, 1, 1, str(problem))
            return None
        root = find_pack_root(dest)
        if root is None:
            self._diags.error(self._display, 1, 1, f"the archive has no {MANIFEST_NAME} at its top level")
        return root

    def __exit__(self, *exc: object) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()


class TrustedPackError(ValueError):
    """A pack folder that was valid when validated no longer reads as valid (changed behind our back)."""


def read_trusted_module(path: Path) -> Module:
    """Read a module file of a pack that passed validation (no checks beyond the model's)."""
    found: list[YamlProblem] = []
    try:
        doc = load_yaml_file(path, found)
        if found:
            raise TrustedPackError(f"{path}: {found[0].message}")
        return Module.model_validate(doc.data)
    except (YamlProblem, ValidationError) as exc:
        raise TrustedPackError(f"{path}: {exc}") from exc


def read_trusted_pack(root: Path) -> Pack:
    """Read a whole pack folder that passed validation (no checks beyond the model's)."""
    found: list[YamlProblem] = []
    try:
        doc = load_yaml_file(root / MANIFEST_NAME, found)
        manifest = Manifest.model_validate(doc.data)
    except (YamlProblem, ValidationError) as exc:
        raise TrustedPackError(f"{root / MANIFEST_NAME}: {exc}") from exc
    pack = Pack(manifest=manifest, root=root)
    pack.modules = [read_trusted_module(root.joinpath(*PurePosixPath(rel).parts)) for rel in manifest.modules]
    return pack


def context_for_module(pack_root: Path, display: str) -> PackContext | None:
    """The pack context (languages, asset folder) for checking one module file of a pack on its own."""
    scratch = DiagnosticList()
    doc = _read(pack_root / MANIFEST_NAME, display, scratch)
    manifest: Manifest | None = _validate_model(Manifest, doc, display, scratch) if doc else None
    if manifest is None:
        return None
    return PackContext(display, pack_root, manifest.default_language, tuple(manifest.languages))
