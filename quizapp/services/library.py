"""The pack catalogue: every pack folder, built-in and installed, with one notion of usable, broken, built-in
and installed, used by the learner screens, the teacher area and the command line alike.

What is usable (``packs`` / ``modules_for``) is exactly what learners are offered and what the teacher is told
they get; a folder that cannot be used is in ``broken`` with why, and is never offered to learners.

- Every sub-folder of the built-in folder that holds a ``pack.yaml``, and every sub-folder of
  ``<data_dir>/packs`` (whatever its name), is a pack folder. Names starting with "." or "_" are not.
- An installed pack replaces a built-in pack with the same id (``overrides_builtin``). Two installed folders
  with the same id: the first in name order is used, the other is broken and says which folder has the id.
- A pack is validated once: when it is installed, or when its files change (a built-in pack after an update,
  a folder copied in by hand). The result is kept in a compact cache (``cache/pack-catalogue.json`` in the
  data folder) keyed by the
  folder's content hash, holding only what lists and home screens need (titles, age groups, counts). A
  start-up reads that file and looks at the files' sizes and dates; a module's questions are read from its
  file when the module is opened. Start-up and home therefore do not parse every pack.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import threading
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizapp.content.diagnostics import Diagnostic
    from quizapp.content.models import Module
    from quizapp.content.packs import Pack
    from quizapp.content.text import LText

MANIFEST_NAME = "pack.yaml"
ADULTS = "adults"  # the age band of the modules for parents and teachers
CACHE_NAME = "pack-catalogue.json"
CACHE_FORMAT = 1


# ------------------------------------------------------------------------------------------- records
@dataclass(frozen=True, slots=True)
class ModuleFacts:
    """What lists and the home screen show about one module (kept in the cache)."""

    file: str
    id: str
    title: dict[str, str]
    summary: dict[str, str]
    audience: str
    age_band: str
    minutes: int
    image: str | None
    sections: int
    questions: int

    @property
    def title_text(self) -> LText:
        from quizapp.content.text import LText

        return LText(self.title)

    @property
    def summary_text(self) -> LText:
        from quizapp.content.text import LText

        return LText(self.summary)


@dataclass(frozen=True, slots=True)
class PackFacts:
    """What the catalogue keeps about one valid pack (the manifest and its modules' facts)."""

    id: str
    version: str
    title: dict[str, str]
    authors: tuple[str, ...]
    languages: tuple[str, ...]
    default_language: str
    review_status: dict[str, str]
    modules: tuple[ModuleFacts, ...]

    @staticmethod
    def of(pack: Pack) -> PackFacts:
        manifest = pack.manifest
        modules = tuple(
            ModuleFacts(
                file=rel,
                id=module.id,
                title=dict(module.title),
                summary=dict(module.summary),
                audience=module.audience,
                age_band=module.age_band,
                minutes=module.minutes,
                image=module.image,
                sections=len(module.lesson.sections),
                questions=len(module.quiz.questions),
            )
            for rel, module in zip(manifest.modules, pack.modules, strict=True)
        )
        return PackFacts(
            id=manifest.id,
            version=manifest.version,
            title=dict(manifest.title),
            authors=tuple(manifest.authors),
            languages=tuple(manifest.languages),
            default_language=manifest.default_language,
            review_status={k: str(v) for k, v in manifest.review_status.items()},
            modules=modules,
        )

    def as_json(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in self.__slots__ if name != "modules"}
        data["modules"] = [{n: getattr(m, n) for n in m.__slots__} for m in self.modules]
        return data

    @staticmethod
    def from_json(data: dict[str, Any]) -> PackFacts:
        modules = tuple(ModuleFacts(**m) for m in data["modules"])
        fields = {k: v for k, v in data.items() if k != "modules"}
        fields["authors"] = tuple(fields["authors"])
        fields["languages"] = tuple(fields["languages"])
        return PackFacts(**fields, modules=modules)


@dataclass(frozen=True, slots=True)
class BrokenPack:
    """A pack folder that cannot be used, with why (for teachers only; learners never see it)."""

    folder: Path
    diagnostics: tuple[Diagnostic, ...]
    builtin: bool

    @property
    def messages(self) -> list[str]:
        return [str(d) for d in self.diagnostics]


class CataloguePack:
    """One usable pack folder. Its facts come from the cache; a module's questions are read from its file
    on first use (the folder was validated when the cache entry was written)."""

    def __init__(self, folder: Path, facts: PackFacts, *, builtin: bool, overrides_builtin: bool = False):
        self.folder = folder
        self.facts = facts
        self.builtin = builtin
        self.overrides_builtin = overrides_builtin
        self._modules: dict[str, Module] = {}
        self._full: Pack | None = None

    @property
    def id(self) -> str:
        return self.facts.id

    @property
    def version(self) -> str:
        return self.facts.version

    @property
    def default_language(self) -> str:
        return self.facts.default_language

    @property
    def root(self) -> Path:
        return self.folder

    def asset_path(self, rel: str) -> Path:
        return self.folder.joinpath(*PurePosixPath(rel).parts)

    def module_facts(self, module_id: str) -> ModuleFacts | None:
        return next((m for m in self.facts.modules if m.id == module_id), None)

    def module(self, module_id: str) -> Module | None:
        """The whole module (lesson and questions), read from its file the first time it is asked for."""
        if module_id in self._modules:
            return self._modules[module_id]
        if self._full is not None:
            return self._full.module(module_id)
        facts = self.module_facts(module_id)
        if facts is None:
            return None
        from quizapp.content.packs import read_trusted_module

        module = read_trusted_module(self.asset_path(facts.file))
        self._modules[module_id] = module
        return module

    def full(self) -> Pack:
        """The whole pack (every module), read once (teacher reports, worksheets)."""
        if self._full is None:
            from quizapp.content.packs import read_trusted_pack

            self._full = read_trusted_pack(self.folder)
        return self._full


@dataclass(frozen=True, slots=True)
class ModuleEntry:
    """One module with the pack it belongs to; ``facts`` for lists, ``module`` (read on first use) for the
    lesson and the quiz."""

    pack: CataloguePack
    facts: ModuleFacts

    @property
    def module(self) -> Module:
        module = self.pack.module(self.facts.id)
        if module is None:  # pragma: no cover - facts come from the same file
            raise LookupError(f"{self.pack.id}/{self.facts.id}")
        return module

    @property
    def pack_id(self) -> str:
        return self.pack.id

    @property
    def module_id(self) -> str:
        return self.facts.id

    @property
    def key(self) -> tuple[str, str]:
        return (self.pack.id, self.facts.id)


# --------------------------------------------------------------------------------------------- cache
@dataclass(slots=True)
class _Checked:
    """A cache entry: one folder's validation result, keyed by its content hash."""

    stamp: str
    content_hash: str
    facts: PackFacts | None
    diagnostics: list[dict[str, Any]] = field(default_factory=list)


def _entries_of(folder: Path) -> list[tuple[str, os.DirEntry[str]]]:
    """(path inside the pack with '/', directory entry) of every file, hidden ones left out, in name order
    (one ``scandir`` per folder: a start-up looks at every pack folder this way)."""
    found: list[tuple[str, os.DirEntry[str]]] = []
    pending = [("", os.fspath(folder))]
    while pending:
        prefix, path = pending.pop()
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir():
                    pending.append((f"{prefix}{entry.name}/", entry.path))
                else:
                    found.append((f"{prefix}{entry.name}", entry))
    found.sort(key=lambda item: item[0])
    return found


def _files_of(folder: Path) -> list[tuple[str, str]]:
    """(path inside the pack with '/', full path) of every file, hidden ones left out, in name order."""
    return [(rel, entry.path) for rel, entry in _entries_of(folder)]


def folder_stamp(folder: Path) -> str:
    """A cheap fingerprint of a folder from its files' names, sizes and times (no file is read)."""
    digest = hashlib.sha256()
    for rel, entry in _entries_of(folder):
        st = entry.stat()
        digest.update(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def content_hash(folder: Path) -> str:
    """The hash of every file's name and bytes in a pack folder: the cache key of a validation."""
    digest = hashlib.sha256()
    for rel, full in _files_of(folder):
        digest.update(rel.encode() + b"\0")
        with open(full, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        digest.update(b"\0")
    return digest.hexdigest()


def _diagnostic_json(d: Diagnostic) -> dict[str, Any]:
    return {**d.as_dict(), "severity": d.severity.value}


def _diagnostic_from(data: dict[str, Any]) -> Diagnostic:
    from quizapp.content.diagnostics import Diagnostic, Severity

    return Diagnostic(data["path"], data["line"], data["column"], Severity(data["severity"]), data["message"])


class ValidationCache:
    """``cache/pack-catalogue.json``: folder -> stamp, content hash and the validation result. Written whole
    to a temporary file and renamed into place; a damaged or unwritable file only means validating again."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[str, _Checked] = {}
        self._dirty = False
        self._read()

    def _read(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") != CACHE_FORMAT:
                return
            for key, raw in data["folders"].items():
                facts = PackFacts.from_json(raw["facts"]) if raw.get("facts") else None
                self._entries[key] = _Checked(
                    raw["stamp"], raw["hash"], facts, list(raw.get("diagnostics", []))
                )
        except (OSError, ValueError, KeyError, TypeError):
            self._entries = {}

    def get(self, key: str) -> _Checked | None:
        return self._entries.get(key)

    def put(self, key: str, entry: _Checked) -> None:
        self._entries[key] = entry
        self._dirty = True

    def by_hash(self, digest: str) -> _Checked | None:
        return next((e for e in self._entries.values() if e.content_hash == digest), None)

    def forget(self, key: str) -> None:
        if self._entries.pop(key, None) is not None:
            self._dirty = True

    def same_id_elsewhere(self, key: str, pack_id: str) -> bool:
        """True when a folder other than ``key`` holds a valid pack with the id ``pack_id``."""
        return any(
            k != key and e.facts is not None and e.facts.id == pack_id for k, e in self._entries.items()
        )

    def forget_missing(self, keep: Collection[str]) -> None:
        for key in [k for k in self._entries if k not in keep]:
            del self._entries[key]
            self._dirty = True

    def save(self) -> None:
        if not self._dirty:
            return
        data = {
            "format": CACHE_FORMAT,
            "folders": {
                key: {
                    "stamp": e.stamp,
                    "hash": e.content_hash,
                    "facts": e.facts.as_json() if e.facts else None,
                    "diagnostics": e.diagnostics,
                }
                for key, e in self._entries.items()
            },
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".catalogue-", dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, self.path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
            self._dirty = False
        except OSError:
            pass  # a read-only data folder: validate again next time


# ------------------------------------------------------------------------------------------ catalogue
class PackLibrary:
    """Every pack folder, built-in (``builtin_dir``) and installed (``installed_dir``, i.e.
    ``<data_dir>/packs``): the usable packs by id and the broken folders."""

    def __init__(self, builtin_dir: Path, installed_dir: Path) -> None:
        self.builtin_dir = Path(builtin_dir)
        self.installed_dir = Path(installed_dir)
        self._packs: list[CataloguePack] = []
        self._broken: list[BrokenPack] = []
        self._loaded = False
        self._cache_entries: ValidationCache | None = None  # the cache as the last reload left it
        self._lock = threading.RLock()  # prepare() may run in the thread that opens the store
        self.validations = 0  # folders validated by the last reload (for tests and benchmarks)

    # ------------------------------------------------------------------------------------------ loading
    def _cache(self) -> ValidationCache:
        return ValidationCache(self.installed_dir.parent / "cache" / CACHE_NAME)

    def reload(self) -> None:
        """Look at every pack folder again (after an install, an update or a removal). A folder whose files
        are unchanged is not read; one that changed is validated and the result cached."""
        with self._lock:
            self._reload()

    def prepare(self) -> None:
        """Read the catalogue now if it has not been read (the app calls this from the thread that opens the
        store, so that a pack changed since the last start is validated off the GUI thread)."""
        self._ensure_loaded()

    def _reload(self) -> None:
        cache = self._cache()
        packs: dict[str, CataloguePack] = {}
        broken: list[BrokenPack] = []
        seen: list[str] = []
        self.validations = 0
        for builtin, base in ((True, self.builtin_dir), (False, self.installed_dir)):
            for folder in pack_folders(base, require_manifest=builtin):
                key = str(folder.resolve())
                seen.append(key)
                checked = self._checked(folder, key, cache)
                if checked.facts is None:
                    diagnostics = tuple(_diagnostic_from(d) for d in checked.diagnostics)
                    broken.append(BrokenPack(folder, diagnostics, builtin))
                    continue
                facts = checked.facts
                other = packs.get(facts.id)
                if other is not None and not other.builtin:
                    broken.append(BrokenPack(folder, (_same_id(folder, facts.id, other.folder),), builtin))
                    continue
                overrides = other is not None and other.builtin and not builtin
                packs[facts.id] = CataloguePack(folder, facts, builtin=builtin, overrides_builtin=overrides)
        cache.forget_missing(seen)
        cache.save()
        self._cache_entries = cache
        self._packs = list(packs.values())
        self._broken = broken
        self._loaded = True

    def _checked(self, folder: Path, key: str, cache: ValidationCache) -> _Checked:
        try:
            stamp = folder_stamp(folder)
        except OSError as exc:
            return _unreadable(folder, "", exc)
        cached = cache.get(key)
        if cached is not None and cached.stamp == stamp:
            return cached
        try:
            digest = content_hash(folder)
        except OSError as exc:
            return _unreadable(folder, stamp, exc)
        same = cached if cached is not None and cached.content_hash == digest else cache.by_hash(digest)
        if same is not None and (same.facts is not None or same is cached):
            entry = _Checked(stamp, digest, same.facts, list(same.diagnostics))
        else:
            entry = self._validate(folder, stamp, digest)
        cache.put(key, entry)
        return entry

    def _validate(self, folder: Path, stamp: str, digest: str) -> _Checked:
        from quizapp.content.diagnostics import DiagnosticList
        from quizapp.content.packs import load_pack_folder

        self.validations += 1
        diags = DiagnosticList()
        try:
            pack = load_pack_folder(folder, folder.name, diags)
        except (OSError, ValueError, RecursionError) as exc:  # one pack never stops the app
            diags.error(
                folder.name,
                1,
                1,
                f"the pack could not be read ({exc}): remove this folder and install the pack again",
            )
            pack = None
        if pack is None:
            return _Checked(stamp, digest, None, [_diagnostic_json(d) for d in (diags.errors or diags.items)])
        return _Checked(stamp, digest, PackFacts.of(pack))

    def in_use(self, pack_id: str) -> CataloguePack | None:
        """The pack learners get under ``pack_id`` (what an install updates or replaces), found without
        validating any folder: from the catalogue when it has been read, else from the cache's entries and,
        for a folder the cache does not know, its ``pack.yaml``'s id and version (a first install after the
        cache was deleted does not validate every pack). The same rules as the catalogue: an installed pack
        replaces a built-in one, the first installed folder in name order wins."""
        with self._lock:
            if self._cache_entries is None and not self._loaded:
                self._cache_entries = self._cache()
            if not self._loaded and self._all_cached():
                self._reload()  # nothing to validate: read the catalogue, later installs look it up
            if self._loaded:
                return self.get(pack_id)
            found: CataloguePack | None = None
            for builtin, base in ((True, self.builtin_dir), (False, self.installed_dir)):
                for folder in pack_folders(base, require_manifest=builtin):
                    facts = self._facts_without_validating(folder)
                    if facts is None or facts.id != pack_id:
                        continue
                    if found is None or (found.builtin and not builtin):
                        overrides = found is not None and found.builtin and not builtin
                        found = CataloguePack(folder, facts, builtin=builtin, overrides_builtin=overrides)
            return found

    def _all_cached(self) -> bool:
        """True when every pack folder is unchanged since its cache entry was written (files' sizes and
        dates only)."""
        cache = self._cache_entries
        if cache is None:
            return False
        for builtin, base in ((True, self.builtin_dir), (False, self.installed_dir)):
            for folder in pack_folders(base, require_manifest=builtin):
                known = cache.get(str(folder.resolve()))
                try:
                    if known is None or known.stamp != folder_stamp(folder):
                        return False
                except OSError:
                    return False
        return True

    def _facts_without_validating(self, folder: Path) -> PackFacts | None:
        cache = self._cache_entries
        known = None if cache is None else cache.get(str(folder.resolve()))
        try:
            if known is not None and known.facts is not None and known.stamp == folder_stamp(folder):
                return known.facts  # unchanged since it was validated
        except OSError:
            return None
        import yaml

        try:
            with open(folder / MANIFEST_NAME, "rb") as handle:
                data = yaml.safe_load(handle.read(1 << 16))
        except (OSError, yaml.YAMLError):
            return None
        if not isinstance(data, dict) or not isinstance(data.get("id"), str):
            return None
        version = str(data.get("version", "0"))
        return PackFacts(data["id"], version, {}, (), (), "en", {}, ())

    def installed(self, folder: Path, pack: Pack, replaced: CataloguePack | None = None) -> CataloguePack:
        """Take in a pack that an install just validated and put in ``folder``, without looking at any other
        folder: its cache entry is written (the cache file read first only when nothing has been loaded)
        and it takes the place of what the catalogue had for that folder or that id."""
        with self._lock:
            if self._cache_entries is None:
                self._cache_entries = self._cache()
            cache = self._cache_entries
            facts = PackFacts.of(pack)
            with contextlib.suppress(OSError):  # else validated again at the next start
                cache.put(str(folder.resolve()), _Checked(folder_stamp(folder), content_hash(folder), facts))
            cache.save()
            previous = next((p for p in self._packs if p.id == facts.id), None) if self._loaded else replaced
            overrides = previous is not None and (previous.builtin or previous.overrides_builtin)
            entry = CataloguePack(folder, facts, builtin=False, overrides_builtin=overrides)
            if not self._loaded:
                return entry  # the first read of the catalogue finds the cache entry just written
            displaced = [p for p in self._packs if p.folder == folder and p is not previous]
            if any(p.overrides_builtin for p in displaced):  # the built-in pack it hid is used again
                self._reload()
                return self.get(facts.id) or entry
            packs = [p for p in self._packs if p not in displaced]
            if previous is not None:
                packs[packs.index(previous)] = entry  # in the place of the pack it updates or replaces
            else:
                at = next(
                    (
                        i
                        for i, p in enumerate(packs)
                        if not (p.builtin or p.overrides_builtin) and p.folder.name > folder.name
                    ),
                    len(packs),
                )
                packs.insert(at, entry)
            self._packs = packs
            self._broken = [b for b in self._broken if b.folder != folder]
            return entry

    def removed(self, folder: Path) -> None:
        """Take out a pack folder just removed, without looking at any other folder: its cache entry is
        dropped and so is its catalogue entry. Only when the removed pack hid another (a built-in pack it
        replaced, or a second folder of the same id) is the catalogue read again, to bring that one back."""
        with self._lock:
            if self._cache_entries is None:
                self._cache_entries = self._cache()
            cache = self._cache_entries
            key = str(folder.resolve())
            cache.forget(key)
            cache.save()
            if not self._loaded:
                return
            gone = next((p for p in self._packs if p.folder == folder), None)
            hid_another = gone is not None and (
                gone.overrides_builtin or cache.same_id_elsewhere(key, gone.id)
            )
            if hid_another:
                self._reload()
                return
            self._packs = [p for p in self._packs if p is not gone]
            self._broken = [b for b in self._broken if b.folder != folder]

    def _ensure_loaded(self) -> None:
        if not self._loaded:
            with self._lock:
                if not self._loaded:
                    self._reload()

    # -------------------------------------------------------------------------------------------- reads
    @property
    def catalogue(self) -> list[CataloguePack]:
        """Usable packs, built-in first, each id once."""
        self._ensure_loaded()
        return list(self._packs)

    @property
    def packs(self) -> list[Pack]:
        """Usable packs, whole (every module read): for teacher reports and worksheets."""
        return [p.full() for p in self.catalogue]

    def pack_ids(self) -> set[str]:
        return {p.id for p in self.catalogue}

    @property
    def broken(self) -> list[BrokenPack]:
        """Pack folders that cannot be used; never shown to learners."""
        self._ensure_loaded()
        return list(self._broken)

    def get(self, pack_id: str) -> CataloguePack | None:
        self._ensure_loaded()
        return next((p for p in self._packs if p.id == pack_id), None)

    def pack(self, pack_id: str) -> Pack | None:
        found = self.get(pack_id)
        return None if found is None else found.full()

    def builtin_ids(self) -> set[str]:
        """Ids of the built-in packs (also those an installed pack replaces)."""
        self._ensure_loaded()
        ids = {p.id for p in self._packs if p.builtin or p.overrides_builtin}
        return ids

    def is_builtin(self, pack_id: str) -> bool:
        """True when the pack in use comes from the built-in folder (not replaced by an installed one)."""
        found = self.get(pack_id)
        return found is not None and found.builtin

    def entry(self, pack_id: str, module_id: str) -> ModuleEntry | None:
        pack = self.get(pack_id)
        facts = None if pack is None else pack.module_facts(module_id)
        return None if pack is None or facts is None else ModuleEntry(pack, facts)

    def entries(self) -> Iterator[ModuleEntry]:
        for pack in self.catalogue:
            for facts in pack.facts.modules:
                yield ModuleEntry(pack, facts)

    def modules_for(
        self, age_band: str | None, enabled_pack_ids: Collection[str] | None = None
    ) -> list[ModuleEntry]:
        """Modules for an age band in packs enabled (every pack when None): student modules of that band
        (of every band when None), or for ``"adults"`` the modules written for parents and teachers."""
        return [
            entry
            for entry in self.entries()
            if _for_band(entry.facts.audience, entry.facts.age_band, age_band)
            and (enabled_pack_ids is None or entry.pack.id in enabled_pack_ids)
        ]

    def folder_named(self, name: str) -> Path | None:
        """The installed pack folder called ``name`` (usable or broken), or None."""
        if not name or name.startswith((".", "_")) or "/" in name or "\\" in name or name in ("..",):
            return None
        folder = self.installed_dir / name
        return folder if folder.is_dir() else None


def _problem(folder: Path, message: str) -> Diagnostic:
    from quizapp.content.diagnostics import Diagnostic, Severity

    return Diagnostic(f"{folder.name}/{MANIFEST_NAME}", 1, 1, Severity.ERROR, message)


def _unreadable(folder: Path, stamp: str, exc: OSError) -> _Checked:
    problem = _problem(
        folder,
        f"the pack folder could not be read ({exc.strerror or exc}): check that it can be opened, or "
        "remove it and install the pack again",
    )
    return _Checked(stamp, "", None, [_diagnostic_json(problem)])


def _same_id(folder: Path, pack_id: str, other: Path) -> Diagnostic:
    return _problem(
        folder,
        f"the pack id '{pack_id}' is already used by the folder '{other.name}'; remove one of the two",
    )


def _for_band(audience: str, module_band: str, wanted: str | None) -> bool:
    if wanted == ADULTS:
        return audience != "students" and module_band == ADULTS
    return audience == "students" and (wanted is None or module_band == wanted)


def pack_folders(base: Path, *, require_manifest: bool) -> list[Path]:
    """Sub-folders of ``base`` in name order. Built-in folders without a manifest are not packs; an installed
    folder without one is listed as broken."""
    try:
        children = sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    except OSError:
        return []
    return [p for p in children if not require_manifest or (p / MANIFEST_NAME).is_file()]
