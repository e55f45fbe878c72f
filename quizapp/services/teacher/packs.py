"""Install, list, update, enable and remove question packs in a data folder.

What is listed comes from the one pack catalogue (``services/library.py``), the same one the learner screens
and the command line use: what the teacher is told is what learners get. Installed packs live in
``<data_dir>/packs/<pack id>/`` (a folder copied in by hand under another name is used and listed too).

Installing copies (or unpacks) the pack into a staging folder inside ``<data_dir>/packs`` whose name starts
with a dot, validates that copy (and nothing else), and only then moves it into place with ``os.replace``:
a half-copied or refused pack never appears under its id, and the staging folder is removed whatever
happens (leftovers of a crash are removed by the next install). Progress is keyed by pack id + module id +
question id, so installing a newer version keeps every learner's answers.
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
from quizapp.progress.store import Store
from quizapp.services.learning import EXAMPLE_PACK_ID
from quizapp.services.library import BrokenPack, CataloguePack, PackLibrary

__all__ = ["BrokenPack", "PackManager"]  # BrokenPack is the catalogue's, re-exported for the pages

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
    REPLACES_BUILTIN = "replaces_builtin"
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


def _module_infos(pack: CataloguePack) -> tuple[ModuleInfo, ...]:
    return tuple(ModuleInfo(m.id, m.title_text, m.age_band, m.questions) for m in pack.facts.modules)


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

    def __init__(
        self, store: Store, data_dir: Path, builtin_dir: Path | None, library: PackLibrary | None = None
    ) -> None:
        self._store = store
        self.data_dir = Path(data_dir)
        self.installed_dir = self.data_dir / "packs"
        self.builtin_dir = builtin_dir
        if library is None:
            no_builtin = self.data_dir / ".no-built-in-packs"  # a folder that does not exist: no packs
            library = PackLibrary(builtin_dir or no_builtin, self.installed_dir)
        self.library = library

    # ------------------------------------------------------------------------------------------ listing
    def builtin_ids(self) -> set[str]:
        return self.library.builtin_ids()

    def list_packs(self) -> PackListing:
        """Every usable pack (an installed pack replaces a built-in one with the same id) and broken ones,
        exactly as the catalogue offers them to learners."""
        records = {r.id: r for r in self._store.packs.list_packs()}
        infos = [self._info(p, records.get(p.id)) for p in self.library.catalogue]
        infos.sort(key=lambda p: (not p.builtin, p.title.get_text("en", p.default_language)))
        return PackListing(tuple(infos), tuple(self.library.broken))

    def _info(self, pack: CataloguePack, record: PackRecord | None) -> PackInfo:
        facts = pack.facts
        return PackInfo(
            id=pack.id,
            version=pack.version,
            title=LText(facts.title),
            authors=facts.authors,
            languages=facts.languages,
            default_language=facts.default_language,
            review_status=dict(facts.review_status),
            modules=_module_infos(pack),
            folder=pack.folder,
            builtin=pack.builtin,
            enabled=True if record is None else record.enabled,
            overrides_builtin=pack.overrides_builtin,
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
                diags.error(
                    display, 1, 1, "no such file or folder: check its name, and that the USB stick is in"
                )
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
                    diags.error(
                        display,
                        1,
                        1,
                        f"the archive has no {MANIFEST_NAME} at its top level: make the .zip from the pack's "
                        f"folder (the one holding {MANIFEST_NAME}), or install that folder itself",
                    )
                return root, diags
            except ArchiveProblem as problem:
                diags.error(display, 1, 1, str(problem))
                return None, diags
            except OSError as exc:
                diags.error(
                    display,
                    1,
                    1,
                    f"could not be copied ({exc.strerror or exc}): check that the file can be opened and "
                    "that the disk has room, then try again",
                )
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

    def install(self, source: Path, *, force: bool = False, replace_builtin: bool = False) -> InstallResult:
        """Validate and install a pack folder or .zip; ``PackError`` says why it was refused.

        Only the new pack is read and validated. A newer version replaces the installed one (progress is
        kept); an older one is refused unless ``force``; a pack with a built-in pack's id is refused unless
        ``replace_builtin`` (it would take the built-in curriculum's place). The store's pack registry is
        updated last.
        """
        if self._store.read_only:
            raise PackError(
                PackErrorKind.READ_ONLY,
                "the progress data is open read-only (another quizapp has it open); close it and try again",
            )
        source = Path(source)
        if not source.exists():
            raise PackError(
                PackErrorKind.NOT_FOUND,
                f"{source}: no such file or folder; check its name, and that the USB stick is in",
            )
        self.remove_leftovers()
        with self._staged_for(source) as (root, diags):
            pack = None if root is None else load_pack_folder(root, source.name, diags)
            if pack is None or root is None:
                raise PackError(
                    PackErrorKind.INVALID,
                    f"{source.name} is not a valid pack; nothing was installed",
                    diagnostics=diags.sorted(),
                )
            warnings = tuple(d for d in diags.sorted() if d.severity is Severity.WARNING)
            current = self.library.in_use(pack.id)  # no other folder is validated to find it
            if current is not None and (current.builtin or current.overrides_builtin) and not replace_builtin:
                raise PackError(
                    PackErrorKind.REPLACES_BUILTIN,
                    f"its id '{pack.id}' is the id of a pack that comes with quizapp; "
                    "installing it would put it in the built-in pack's place for every learner. Nothing "
                    "was installed (give the pack its own id, or use --replace-built-in if that is "
                    "what you want)",
                    pack_id=pack.id,
                    new_version=pack.version,
                    current_version=current.version,
                )
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
            if current is not None and not current.builtin:
                target = current.folder  # a folder copied in by hand under another name is updated there
            self._move_into_place(root, target, pack.id)
        pack.root = target
        entry = self.library.installed(target, pack, current)  # no other pack folder is read
        record = self._store.packs.get_pack(pack.id)
        record = self._store.packs.register_pack(
            pack.id,
            pack.version,
            dict(pack.manifest.title),
            target,
            enabled=True if record is None else record.enabled,
        )
        return InstallResult(outcome, self._info(entry, record), previous, warnings)

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
                PackErrorKind.DISK,
                f"could not put '{pack_id}' in {self.installed_dir} ({exc.strerror or exc}); nothing was "
                "changed: check that the disk has room and the folder can be written, then try again",
                pack_id=pack_id,
            ) from exc
        finally:
            if old is not None and target.exists():
                _rmtree_quietly(old)

    # ------------------------------------------------------------------------------------------ remove
    def remove(self, name: str) -> PackInfo | None:
        """Remove an installed pack folder, named by the pack's id or by the folder's name (a broken folder
        too); learners' answers are kept. Built-in packs can only be switched off.

        Returns the built-in pack that is used again when the removed one had replaced it.
        """
        if self._store.read_only:
            raise PackError(
                PackErrorKind.READ_ONLY, "the progress data is open read-only; nothing was removed"
            )
        used = self.library.get(name)
        folder: Path | None = None
        pack_id = name
        if used is not None and not used.builtin:
            folder = used.folder
        else:
            folder = self.library.folder_named(name)
            by_folder = next((p for p in self.library.catalogue if p.folder == folder), None)
            if by_folder is not None:
                pack_id = by_folder.id
        if folder is None:
            if used is not None and used.builtin:
                raise PackError(
                    PackErrorKind.BUILTIN,
                    f"'{name}' comes with quizapp and cannot be removed; switch it off instead",
                    pack_id=name,
                )
            if self._store.packs.get_pack(name) is not None:
                self._store.packs.remove_pack(name)
                return None
            raise PackError(
                PackErrorKind.NOT_INSTALLED,
                f"'{name}' is neither an installed pack's id nor a folder in {self.installed_dir}",
                pack_id=name,
            )
        doomed = self.installed_dir / f"{OLD_PREFIX}{folder.name}-{uuid.uuid4().hex[:8]}"
        try:
            os.replace(folder, doomed)
        except OSError as exc:
            raise PackError(
                PackErrorKind.DISK,
                f"could not remove '{folder}' ({exc.strerror or exc}): close any window showing that folder "
                "and try again",
                pack_id=pack_id,
            ) from exc
        _rmtree_quietly(doomed)
        self.library.removed(folder)  # no other pack folder is read (unless the pack hid another)
        restored = self.library.get(pack_id)
        if restored is not None and restored.builtin:
            record = self._store.packs.get_pack(pack_id)
            self._store.packs.register_pack(
                pack_id,
                restored.version,
                dict(restored.facts.title),
                restored.folder,
                enabled=True if record is None else record.enabled,
            )
            return self.list_packs().get(pack_id)
        if restored is None and self._store.packs.get_pack(pack_id) is not None:
            self._store.packs.remove_pack(pack_id)
        return None

    # ----------------------------------------------------------------------------------------- enabling
    def set_enabled(self, pack_id: str, enabled: bool) -> None:
        """Switch a pack on or off for every class (built-in packs are registered to remember it)."""
        record = self._store.packs.get_pack(pack_id)
        if record is None:
            info = self.list_packs().get(pack_id)
            if info is None:
                raise PackError(
                    PackErrorKind.NOT_INSTALLED, f"'{pack_id}' is not a pack here", pack_id=pack_id
                )
            self._store.packs.register_pack(
                pack_id, info.version, dict(info.title), info.folder, enabled=enabled
            )
            return
        self._store.packs.set_pack_enabled(pack_id, enabled)

    def class_pack_ids(self, class_id: str) -> set[str] | None:
        """The packs chosen for a class, or None when the class uses every pack that is switched on."""
        return self._store.settings.enabled_packs(class_id)

    def set_class_pack_ids(self, class_id: str, pack_ids: set[str] | None) -> None:
        self._store.settings.set_enabled_packs(class_id, pack_ids)

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

    def learners_see(self, class_id: str | None) -> set[str]:
        """``enabled_for_class`` without the built-in example pack while the settings hide it from learners
        (the rule of ``LearningService.enabled_pack_ids``): what the class grid and reports list."""
        seen = self.enabled_for_class(class_id)
        if not self._store.settings.show_example_pack and self.library.is_builtin(EXAMPLE_PACK_ID):
            seen.discard(EXAMPLE_PACK_ID)
        return seen
