"""The words of the modules a results file covers, carried in the file, so a teacher's computer without those
packs still shows "Wi-Fi in public places" and "Use mobile data" instead of ``wifi-tf`` and ``a``.

Exporting (``for_manifest``) collects, for every module with answers or progress in the file, the pack's
and module's titles, each question's prompt and its option texts, in every language the pack has, from the
packs on this computer (built-in and installed) and from the words earlier files brought here. Importing
(``remember``) keeps the words of the file in the store's settings (``module_titles``), newest first. The
reports read them back with ``catalogue`` when the pack itself is not installed, and ``missing_packs``
names the packs a teacher may want to install.

The words are plain text from other computers: every text is cut to a sane length and only strings are
kept, so a damaged or unfriendly file cannot grow the settings or put markup anywhere.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from quizapp.progress.store import Store

log = logging.getLogger(__name__)

MANIFEST_KEY = "module_titles"
SETTING_KEY = "module_titles"
MAX_TEXT = 400  # characters of one title, prompt or option
MAX_PACKS = 200
MAX_SETTING_BYTES = 4 * 1024 * 1024

Catalogue = dict[str, dict[str, Any]]
"""pack id -> {"title": {lang: text}, "default_language": lang,
"modules": {module id -> {"title": {lang: text}, "questions": {question id -> {"prompt": {lang: text},
"options": {option id -> {lang: text}}}}}}}"""


def _texts(value: Any) -> dict[str, str]:
    """A language -> text mapping from a pack's LText or an untrusted dict: strings only, cut to length."""
    if not isinstance(value, Mapping):
        return {}
    out = {}
    for language, text in value.items():
        if isinstance(language, str) and isinstance(text, str) and len(language) <= 16:
            out[language] = " ".join(text.split())[:MAX_TEXT]
    return out


# ----------------------------------------------------------------------------------------- exporting
MODULE_TABLES = ("attempts", "quiz_runs", "module_progress")
"""The tables of a results file whose rows name a module (``pack_id``, ``module_id``)."""


def _wanted(data: Mapping[str, Any]) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for table in MODULE_TABLES:
        for row in data.get(table, []):
            found.add((str(row["pack_id"]), str(row["module_id"])))
    return found


def noting_modules(
    tables: Iterable[tuple[str, Iterable[dict[str, Any]]]], found: set[tuple[str, str]]
) -> Iterator[tuple[str, Iterable[dict[str, Any]]]]:
    """The tables of a results file as they stream past, adding the modules their rows name to ``found``
    (so a streamed export learns which modules it covers without holding its rows)."""
    for name, rows in tables:
        yield (name, _noting(rows, found)) if name in MODULE_TABLES else (name, rows)


def _noting(rows: Iterable[dict[str, Any]], found: set[tuple[str, str]]) -> Iterator[dict[str, Any]]:
    for row in rows:
        found.add((str(row["pack_id"]), str(row["module_id"])))
        yield row


def _pack_folders(store: Store) -> list[Path]:
    from quizapp.paths import builtin_packs_dir

    folders = []
    builtin = builtin_packs_dir()
    if builtin.is_dir():
        folders += sorted(p for p in builtin.iterdir() if (p / "pack.yaml").is_file())
    for record in store.packs.list_packs():
        folder = Path(record.folder)
        if folder.is_dir():
            folders.append(folder)
    return folders


def collect(pack_folders: Iterable[Path], wanted: set[tuple[str, str]]) -> Catalogue:
    """The words of the ``wanted`` (pack id, module id) modules found in the pack folders."""
    from quizapp.content.diagnostics import DiagnosticList
    from quizapp.content.packs import load_pack_folder

    pack_ids = {pack_id for pack_id, _ in wanted}
    catalogue: Catalogue = {}
    for folder in pack_folders:
        if folder.name not in pack_ids and not (folder / "pack.yaml").is_file():
            continue
        pack = load_pack_folder(folder, folder.name, DiagnosticList())
        if pack is None or pack.id not in pack_ids or pack.id in catalogue:
            continue
        modules: dict[str, Any] = {}
        for module in pack.modules:
            if (pack.id, module.id) not in wanted:
                continue
            questions: dict[str, Any] = {}
            for question in module.quiz.questions:
                options = {
                    str(option.id): _texts(option.text) for option in getattr(question, "options", None) or ()
                }
                questions[question.id] = {"prompt": _texts(question.prompt), "options": options}
            modules[module.id] = {"title": _texts(module.title), "questions": questions}
        catalogue[pack.id] = {
            "title": _texts(pack.manifest.title),
            "default_language": pack.default_language,
            "modules": modules,
        }
    return catalogue


def for_manifest(store: Store, kind: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """The manifest entry of a results file: the words of its modules (those this computer knows, from its
    packs or from files imported before). Empty for a roster file. Never fails the export: a pack that
    cannot be read is left out (its ids are shown as they are on the other computer)."""
    return for_modules(store, kind, _wanted(data))


def for_modules(store: Store, kind: str, wanted: set[tuple[str, str]]) -> dict[str, Any]:
    """:func:`for_manifest` for the modules a results file covers (see :func:`noting_modules`)."""
    if kind != "results":
        return {}
    if not wanted:
        return {}
    try:
        found = collect(_pack_folders(store), wanted)
    except Exception:  # a broken pack must not stop a teacher saving results
        log.exception("could not read the packs' words for the results file")
        found = {}
    known = catalogue(store)
    for pack_id, module_id in sorted(wanted):
        if pack_id in found and module_id in found[pack_id]["modules"]:
            continue
        remembered = known.get(pack_id, {}).get("modules", {}).get(module_id)
        if remembered is not None:
            entry = found.setdefault(
                pack_id,
                {
                    "title": known[pack_id].get("title", {}),
                    "default_language": known[pack_id].get("default_language", "en"),
                    "modules": {},
                },
            )
            entry["modules"][module_id] = remembered
    return {MANIFEST_KEY: found} if found else {}


# ----------------------------------------------------------------------------------------- importing
def _clean(raw: Any) -> Catalogue:
    """The catalogue of an untrusted manifest: known keys, strings only, cut to size."""
    if not isinstance(raw, Mapping):
        return {}
    out: Catalogue = {}
    for pack_id, pack in list(raw.items())[:MAX_PACKS]:
        if not isinstance(pack_id, str) or not isinstance(pack, Mapping) or len(pack_id) > 80:
            continue
        modules: dict[str, Any] = {}
        raw_modules = pack.get("modules")
        for module_id, module in raw_modules.items() if isinstance(raw_modules, Mapping) else ():
            if not isinstance(module_id, str) or not isinstance(module, Mapping):
                continue
            questions: dict[str, Any] = {}
            raw_questions = module.get("questions")
            for qid, question in raw_questions.items() if isinstance(raw_questions, Mapping) else ():
                if not isinstance(qid, str) or not isinstance(question, Mapping):
                    continue
                raw_options = question.get("options")
                options = {
                    str(oid): _texts(text)
                    for oid, text in (raw_options.items() if isinstance(raw_options, Mapping) else ())
                }
                questions[qid[:80]] = {"prompt": _texts(question.get("prompt")), "options": options}
            modules[module_id[:80]] = {"title": _texts(module.get("title")), "questions": questions}
        language = pack.get("default_language")
        out[pack_id] = {
            "title": _texts(pack.get("title")),
            "default_language": language if isinstance(language, str) and len(language) <= 16 else "en",
            "modules": modules,
        }
    return out


def catalogue(store: Store) -> Catalogue:
    """The words earlier results files brought to this computer (empty when none or unreadable)."""
    text = store.settings.read(SETTING_KEY)
    if not text:
        return {}
    try:
        return _clean(json.loads(text))
    except (ValueError, TypeError):
        return {}


def remember(store: Store, manifest: Mapping[str, Any]) -> list[str]:
    """Keep the words of an imported file's manifest; returns the pack ids it had words for."""
    incoming = _clean(manifest.get(MANIFEST_KEY))
    if not incoming:
        return []
    known = catalogue(store)
    for pack_id, pack in incoming.items():
        merged = known.setdefault(pack_id, {"title": {}, "default_language": "en", "modules": {}})
        merged["title"] = pack["title"] or merged.get("title", {})
        merged["default_language"] = pack["default_language"]
        merged.setdefault("modules", {}).update(pack["modules"])
    text = json.dumps(known, ensure_ascii=False, sort_keys=True)
    if len(text.encode("utf-8")) <= MAX_SETTING_BYTES:
        store.settings.write(SETTING_KEY, text)
    else:
        log.warning("the module words of %s are too many to keep; kept the earlier ones", list(incoming))
    return sorted(incoming)


def missing_packs(store: Store, installed: Iterable[str]) -> dict[str, str]:
    """Packs with results on this computer (by the words files brought) that are not installed here: id ->
    title in the pack's default language (the id when it has none)."""
    have = set(installed)
    out = {}
    for pack_id, pack in catalogue(store).items():
        if pack_id in have:
            continue
        titles = pack.get("title", {})
        out[pack_id] = titles.get(pack.get("default_language", "en")) or next(iter(titles.values()), pack_id)
    return out
