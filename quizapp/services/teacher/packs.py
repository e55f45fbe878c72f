"""Install, list, update, enable and remove question packs in a data folder.

Installed packs live in ``<data_dir>/packs/<pack id>/``. Installing copies (or unpacks) the pack into a
staging folder inside ``<data_dir>/packs`` whose name starts with a dot, validates that copy, and only then
moves it into place with ``os.replace``: a half-copied or refused pack never appears under its id, and the
staging folder is removed whatever happens (leftovers of a crash are removed by the next install). Progress
is keyed by pack id + module id + question id, so installing a newer version keeps every learner's answers.
"""

from __future__ import annotations

import enum
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from quizapp.content.archive import ArchiveProblem, find_pack_root, safe_extract
from quizapp.content.diagnostics import Diagnostic, DiagnosticList, Severity
from quizapp.content.packs import MANIFEST_NAME, Pack, load_pack_folder
from quizapp.content.text import LText
from quizapp.progress.records import PackRecord
from quizapp.progress.store import Settings, Store

STAGING_PREFIX = ".install-"
OLD_PREFIX = ".old-"


def version_key(version: str) -> tuple[int, int, int]:
    """``"1.2"`` -> (1, 2, 0), so versions compare as numbers ("1.10" is newer than "1.9")."""
    parts = [int(p) for p in version.split(".") if p.isdigit()]
    parts = [*parts, 0, 0, 0][:3]
    return parts[0], parts[1], parts[2]


@dataclass(frozen=True, slots=True)
class ModuleInfo:
    id: str
    title: LText
    age_band: str
    questions: int


@dataclass(frozen=True, slots=True)
class PackInfo:
    """What the teacher sees about one usable pack."""

    id: str
    version: str
    title: LText
    authors: tuple[str, ...]
    languages: tuple[str, ...]
    default_language: str
    review_status: dict[str, str]
    modules: tuple[ModuleInfo, ...]
    folder: Path
    builtin: bool
    enabled: bool
    overrides_builtin: bool = False

    @property
    def question_count(self) -> int:
        return sum(m.questions for m in self.modules)

    @property
    def removable(self) -> bool:
        return not self.builtin


@dataclass(frozen=True, slots=True)
class BrokenPack:
    """A pack folder that cannot be used, with why (never shown to learners)."""

    folder: Path
    builtin: bool
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True, slots=True)
class PackListing:
    packs: tuple[PackInfo, ...]
    broken: tuple[BrokenPack, ...]

    def get(self, pack_id: str) -> PackInfo | None:
        return next((p for p in self.packs if p.id == pack_id), None)


class InstallOutcome(enum.Enum):
    INSTALLED = "installed"
    UPDATED = "updated"
    REINSTALLED = "reinstalled"
    DOWNGRADED = "downgraded"


@dataclass(frozen=True, slots=True)
class InstallResult:
    outcome: InstallOutcome
    pack: PackInfo
    previous_version: str | None
    warnings: tuple[Diagnostic, ...] = ()


class PackErrorKind(enum.Enum):
    NOT_FOUND = "not_found"
    INVALID = "invalid"
    DOWNGRADE = "downgrade"
    BUILTIN = "builtin"
    NOT_INSTALLED = "not_installed"
    READ_ONLY = "read_only"
    DISK = "disk"


class PackError(Exception):
    """A pack could not be installed or removed; ``str(error)`` is an English sentence, ``kind`` and the
    fields let the app say it in the teacher's language."""

    def __init__(
        self,
        kind: PackErrorKind,
        message: str,
        *,
        diagnostics: Iterable[Diagnostic] = (),
        pack_id: str = "",
        new_version: str = "",
        current_version: str = "",
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.diagnostics = tuple(diagnostics)
        self.pack_id = pack_id
        self.new_version = new_version
        self.current_version = current_version

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)


def _module_infos(pack: Pack) -> tuple[ModuleInfo, ...]:
    return tuple(ModuleInfo(m.id, m.title, m.age_band, len(m.quiz.questions)) for m in pack.modules)


def _ignore_for_copy(folder: str, names: list[str]) -> set[str]:
    """Leave out hidden files, macOS debris and links (a link could point anywhere on the computer)."""
    ignored = set()
    for name in names:
        hidden = name.startswith(".") or name in ("__MACOSX", "Thumbs.db")
        if hidden or os.path.islink(os.path.join(folder, name)):
            ignored.add(name)
    return ignored


def _rmtree_quietly(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


class PackManager:
    """Packs of one data folder: built-in ones (read-only) and installed ones."""

    def __init__(self, store: Store, data_dir: Path, builtin_dir: Path | None) -> None:
        self._store = store
        self._settings = Settings(store)
        self.data_dir = Path(data_dir)
        self.installed_dir = self.data_dir / "packs"
        self.builtin_dir = builtin_dir

    # ------------------------------------------------------------------------------------------ loading
    def _load_folder(self, folder: Path) -> tuple[Pack | None, DiagnosticList]:
        diags = DiagnosticList()
        try:
            pack = load_pack_folder(folder, folder.name, diags)
        except (OSError, ValueError, RecursionError) as exc:  # one bad pack never stops the list
            diags.error(folder.name, 1, 1, f"the pack could not be read: {exc}")
            pack = None
        return pack, diags

    def _pack_folders(self, parent: Path | None) -> list[Path]:
        if parent is None or not parent.is_dir():
            return []
        try:
            children = sorted(parent.iterdir())
        except OSError:
            return []
        return [c for c in children if c.is_dir() and not c.name.startswith((".", "_"))]

    def builtin_ids(self) -> set[str]:
        return {p.id for p in self._load_builtin()[0]}

    def _load_builtin(self) -> tuple[list[Pack], list[BrokenPack]]:
        packs: list[Pack] = []
        broken: list[BrokenPack] = []
        for folder in self._pack_folders(self.builtin_dir):
            if not (folder / MANIFEST_NAME).is_file():
                continue
            pack, diags = self._load_folder(folder)
            if pack is None:
                broken.append(BrokenPack(folder, True, tuple(diags.errors)))
            else:
                packs.append(pack)
        return packs, broken

    def list_packs(self) -> PackListing:
        """Every usable pack (an installed pack replaces a built-in one with the same id) and broken ones."""
        builtin, broken = self._load_builtin()
        records = {r.id: r for r in self._store.list_packs()}
        by_id: dict[str, PackInfo] = {}
        for pack in builtin:
            by_id[pack.id] = self._info(pack, builtin=True, record=records.get(pack.id))
        for folder in self._pack_folders(self.installed_dir):
            loaded, diags = self._load_folder(folder)
            if loaded is None:
                broken.append(BrokenPack(folder, False, tuple(diags.errors)))
                continue
            pack = loaded
            if pack.id != folder.name:
                problem = Diagnostic(
                    f"{folder.name}/{MANIFEST_NAME}",
                    1,
                    1,
                    Severity.ERROR,
                    f"the pack's id is '{pack.id}' but its folder is named '{folder.name}'; install it again",
                )
                broken.append(BrokenPack(folder, False, (problem,)))
                continue
            overrides = pack.id in by_id and by_id[pack.id].builtin
            by_id[pack.id] = self._info(pack, builtin=False, record=records.get(pack.id), overrides=overrides)
        packs = sorted(
            by_id.values(), key=lambda p: (not p.builtin, p.title.get_text("en", p.default_language))
        )
        return PackListing(tuple(packs), tuple(broken))

    def _info(
        self, pack: Pack, *, builtin: bool, record: PackRecord | None, overrides: bool = False
    ) -> PackInfo:
        manifest = pack.manifest
        return PackInfo(
            id=pack.id,
            version=pack.version,
            title=manifest.title,
            authors=tuple(manifest.authors),
            languages=tuple(manifest.languages),
            default_language=manifest.default_language,
            review_status=dict(manifest.review_status),
            modules=_module_infos(pack),
            folder=pack.root,
            builtin=builtin,
            enabled=True if record is None else record.enabled,
            overrides_builtin=overrides,
        )

    # ----------------------------------------------------------------------------------------- checking
    def check(self, source: Path) -> tuple[Pack | None, tuple[Diagnostic, ...]]:
        """Validate a pack folder or .zip without installing it."""
        with self._staged_for(source) as (root, diags):
            pack = None if root is None else load_pack_folder(root, source.name, diags)
            return pack, tuple(diags.sorted())

    class _staged:
        """Context manager: the source copied or unpacked into a staging folder inside ``packs/``."""

        def __init__(self, source: Path, parent: Path) -> None:
            self._source = Path(source)
            self._parent = parent
            self.staging: Path | None = None

        def __enter__(self) -> tuple[Path | None, DiagnosticList]:
            diags = DiagnosticList()
            source = self._source
            display = source.name or str(source)
            if source.name == MANIFEST_NAME and source.is_file():
                source = source.parent
                display = source.name
            if not source.exists():
                diags.error(display, 1, 1, "no such file or folder")
                return None, diags
            self._parent.mkdir(parents=True, exist_ok=True)
            self.staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self._parent))
            unpacked = self.staging / "pack"
            try:
                if source.is_dir():
                    root = find_pack_root(source)
                    if root is None:
                        diags.error(
                            display,
                            1,
                            1,
                            f"no {MANIFEST_NAME} here; choose the pack's folder (the one holding "
                            f"{MANIFEST_NAME}) or the pack's .zip file",
                        )
                        return None, diags
                    shutil.copytree(root, unpacked, ignore=_ignore_for_copy)
                    return unpacked, diags
                if source.suffix.lower() != ".zip":
                    diags.error(display, 1, 1, "not a pack: choose a pack folder or a pack .zip file")
                    return None, diags
                unpacked.mkdir()
                safe_extract(source, unpacked)
                root = find_pack_root(unpacked)
                if root is None:
                    diags.error(display, 1, 1, f"the archive has no {MANIFEST_NAME} at its top level")
                return root, diags
            except ArchiveProblem as problem:
                diags.error(display, 1, 1, str(problem))
                return None, diags
            except OSError as exc:
                diags.error(display, 1, 1, f"could not be copied: {exc.strerror or exc}")
                return None, diags

        def __exit__(self, *exc: object) -> None:
            if self.staging is not None:
                _rmtree_quietly(self.staging)

    def _staged_for(self, source: Path) -> PackManager._staged:
        return PackManager._staged(source, self.installed_dir)

    # ----------------------------------------------------------------------------------------- install
    def remove_leftovers(self) -> list[Path]:
        """Remove staging and old-version folders left by an install that was interrupted."""
        removed: list[Path] = []
        if not self.installed_dir.is_dir():
            return removed
        for child in self.installed_dir.iterdir():
            if child.name.startswith((STAGING_PREFIX, OLD_PREFIX)) and child.is_dir():
                _rmtree_quietly(child)
                removed.append(child)
        return removed

    def install(self, source: Path, *, force: bool = False) -> InstallResult:
        """Validate and install a pack folder or .zip; ``PackError`` says why it was refused.

        A newer version replaces the installed one (progress is kept); an older one is refused unless
        ``force``. The store's pack registry is updated last.
        """
        if self._store.read_only:
            raise PackError(
                PackErrorKind.READ_ONLY,
                "the progress data is open read-only (another quizapp has it open); close it and try again",
            )
        source = Path(source)
        if not source.exists():
            raise PackError(PackErrorKind.NOT_FOUND, f"{source}: no such file or folder")
        self.remove_leftovers()
        listing_before = self.list_packs()
        with self._staged_for(source) as (root, diags):
            pack = None if root is None else load_pack_folder(root, source.name, diags)
            if pack is None or root is None:
                raise PackError(
                    PackErrorKind.INVALID,
                    f"{source.name} is not a valid pack; nothing was installed",
                    diagnostics=diags.sorted(),
                )
            warnings = tuple(d for d in diags.sorted() if d.severity is Severity.WARNING)
            current = listing_before.get(pack.id)
            outcome = InstallOutcome.INSTALLED
            previous = current.version if current is not None else None
            if current is not None:
                new_key, old_key = version_key(pack.version), version_key(current.version)
                if new_key < old_key and not force:
                    raise PackError(
                        PackErrorKind.DOWNGRADE,
                        f"'{pack.id}' version {current.version} is installed and {pack.version} is older; "
                        "nothing was changed (use --force to install the older version anyway)",
                        pack_id=pack.id,
                        new_version=pack.version,
                        current_version=current.version,
                    )
                if current.builtin and new_key == old_key:
                    outcome = InstallOutcome.INSTALLED
                elif new_key > old_key:
                    outcome = InstallOutcome.UPDATED
                elif new_key < old_key:
                    outcome = InstallOutcome.DOWNGRADED
                else:
                    outcome = InstallOutcome.REINSTALLED
            target = self.installed_dir / pack.id
            self._move_into_place(root, target, pack.id)
        record = self._store.get_pack(pack.id)
        self._store.register_pack(
            pack.id,
            pack.version,
            dict(pack.manifest.title),
            target,
            enabled=True if record is None else record.enabled,
        )
        installed = self.list_packs().get(pack.id)
        if installed is None:  # pragma: no cover - the folder was just validated
            raise PackError(PackErrorKind.DISK, f"'{pack.id}' could not be read back after installing")
        return InstallResult(outcome, installed, previous, warnings)

    def _move_into_place(self, root: Path, target: Path, pack_id: str) -> None:
        old: Path | None = None
        try:
            if target.exists():
                old = self.installed_dir / f"{OLD_PREFIX}{pack_id}-{uuid.uuid4().hex[:8]}"
                os.replace(target, old)
            os.replace(root, target)
        except OSError as exc:
            if old is not None and not target.exists():
                try:
                    os.replace(old, target)
                    old = None
                except OSError:
                    pass
            raise PackError(
                PackErrorKind.DISK, f"could not put '{pack_id}' in place: {exc.strerror or exc}"
            ) from exc
        finally:
            if old is not None and target.exists():
                _rmtree_quietly(old)

    # ------------------------------------------------------------------------------------------ remove
    def remove(self, pack_id: str) -> PackInfo | None:
        """Remove an installed pack (answers to it are kept). Built-in packs can only be switched off.

        Returns the built-in pack that is used again when the removed one had replaced it.
        """
        if self._store.read_only:
            raise PackError(
                PackErrorKind.READ_ONLY, "the progress data is open read-only; nothing was removed"
            )
        folder = self.installed_dir / pack_id
        builtin = self.builtin_ids()
        if not pack_id or "/" in pack_id or "\\" in pack_id or pack_id.startswith("."):
            raise PackError(
                PackErrorKind.NOT_INSTALLED, f"'{pack_id}' is not an installed pack", pack_id=pack_id
            )
        if not folder.is_dir():
            if pack_id in builtin:
                raise PackError(
                    PackErrorKind.BUILTIN,
                    f"'{pack_id}' comes with quizapp and cannot be removed; switch it off instead",
                    pack_id=pack_id,
                )
            if self._store.get_pack(pack_id) is not None:
                self._store.remove_pack(pack_id)
                return None
            raise PackError(
                PackErrorKind.NOT_INSTALLED, f"'{pack_id}' is not an installed pack", pack_id=pack_id
            )
        doomed = self.installed_dir / f"{OLD_PREFIX}{pack_id}-{uuid.uuid4().hex[:8]}"
        try:
            os.replace(folder, doomed)
        except OSError as exc:
            raise PackError(
                PackErrorKind.DISK, f"could not remove '{pack_id}': {exc.strerror or exc}"
            ) from exc
        _rmtree_quietly(doomed)
        if pack_id in builtin:
            restored = self.list_packs().get(pack_id)
            if restored is not None:
                record = self._store.get_pack(pack_id)
                self._store.register_pack(
                    pack_id,
                    restored.version,
                    dict(restored.title),
                    restored.folder,
                    enabled=True if record is None else record.enabled,
                )
            return restored
        if self._store.get_pack(pack_id) is not None:
            self._store.remove_pack(pack_id)
        return None

    # ----------------------------------------------------------------------------------------- enabling
    def set_enabled(self, pack_id: str, enabled: bool) -> None:
        """Switch a pack on or off for every class (built-in packs are registered to remember it)."""
        record = self._store.get_pack(pack_id)
        if record is None:
            info = self.list_packs().get(pack_id)
            if info is None:
                raise PackError(
                    PackErrorKind.NOT_INSTALLED, f"'{pack_id}' is not a pack here", pack_id=pack_id
                )
            self._store.register_pack(pack_id, info.version, dict(info.title), info.folder, enabled=enabled)
            return
        self._store.set_pack_enabled(pack_id, enabled)

    def class_pack_ids(self, class_id: str) -> set[str] | None:
        """The packs chosen for a class, or None when the class uses every pack that is switched on."""
        return self._settings.enabled_packs(class_id)

    def set_class_pack_ids(self, class_id: str, pack_ids: set[str] | None) -> None:
        self._settings.set_enabled_packs(class_id, pack_ids)

    def set_enabled_for_class(self, class_id: str, pack_id: str, enabled: bool) -> None:
        """Switch one pack on or off for one class (starting from every pack switched on)."""
        listing = self.list_packs()
        chosen = self.class_pack_ids(class_id)
        if chosen is None:
            chosen = {p.id for p in listing.packs if p.enabled}
        if enabled:
            chosen.add(pack_id)
        else:
            chosen.discard(pack_id)
        self.set_class_pack_ids(class_id, chosen)

    def enabled_for_class(self, class_id: str | None, listing: PackListing | None = None) -> set[str]:
        """Pack ids a class's learners see: switched on, and chosen for the class when it has a choice."""
        listing = listing or self.list_packs()
        on = {p.id for p in listing.packs if p.enabled}
        if class_id is None:
            return on
        chosen = self.class_pack_ids(class_id)
        return on if chosen is None else on & chosen
