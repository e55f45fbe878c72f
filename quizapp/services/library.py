"""The packs the app can show: built-in packs plus packs a teacher installed, validated on load.

A pack folder that fails validation is kept in :attr:`PackLibrary.broken` with its diagnostics (for the
teacher area) and is never offered to students. An installed pack overrides a built-in pack with the same
id; when the installed copy is broken, the built-in one stays in use.

Loading imports the pack model (pydantic), so it happens on first use of :attr:`PackLibrary.packs`, not
when the library is made: the learner picker can be on screen before any pack is read.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizapp.content.diagnostics import Diagnostic
    from quizapp.content.models import Module
    from quizapp.content.packs import Pack

MANIFEST_NAME = "pack.yaml"
ADULTS = "adults"  # the age band of the modules for parents and teachers


@dataclass(frozen=True, slots=True)
class BrokenPack:
    """A pack folder that could not be loaded, with what is wrong (for teachers only)."""

    folder: Path
    diagnostics: tuple[Diagnostic, ...]
    builtin: bool

    @property
    def messages(self) -> list[str]:
        return [str(d) for d in self.diagnostics]


@dataclass(frozen=True, slots=True)
class ModuleEntry:
    """One module with the pack it belongs to."""

    pack: Pack
    module: Module

    @property
    def pack_id(self) -> str:
        return self.pack.id

    @property
    def module_id(self) -> str:
        return self.module.id

    @property
    def key(self) -> tuple[str, str]:
        return (self.pack.id, self.module.id)


class PackLibrary:
    """Valid packs by id, built-in and installed (``<data_dir>/packs/<pack id>/``)."""

    def __init__(self, builtin_dir: Path, installed_dir: Path) -> None:
        self.builtin_dir = Path(builtin_dir)
        self.installed_dir = Path(installed_dir)
        self._packs: list[Pack] = []
        self._broken: list[BrokenPack] = []
        self._builtin_ids: set[str] = set()
        self._loaded = False

    # ------------------------------------------------------------------------------------------ loading
    def reload(self) -> None:
        """Read every pack folder again (after a teacher installed, updated or removed a pack)."""
        from quizapp.content.diagnostics import DiagnosticList
        from quizapp.content.packs import load_pack_folder

        packs: dict[str, Pack] = {}
        builtin_ids: set[str] = set()
        broken: list[BrokenPack] = []
        for builtin, base in ((True, self.builtin_dir), (False, self.installed_dir)):
            for folder in _pack_folders(base, require_manifest=builtin):
                diags = DiagnosticList()
                try:
                    pack = load_pack_folder(folder, folder.name, diags)
                except (OSError, ValueError, RecursionError) as exc:  # a pack never stops the app
                    diags.error(folder.name, 1, 1, f"the pack could not be read: {exc}")
                    pack = None
                if pack is None:
                    broken.append(BrokenPack(folder, tuple(diags.errors or diags.items), builtin))
                    continue
                if builtin:
                    builtin_ids.add(pack.id)
                packs[pack.id] = pack  # an installed pack replaces a built-in one with the same id
        self._packs = list(packs.values())
        self._broken = broken
        self._builtin_ids = builtin_ids
        self._loaded = True

    def _ensure_loaded(self) -> None:
        if not self._loaded:
            self.reload()

    # -------------------------------------------------------------------------------------------- reads
    @property
    def packs(self) -> list[Pack]:
        """Valid packs, built-in first, each id once."""
        self._ensure_loaded()
        return list(self._packs)

    @property
    def broken(self) -> list[BrokenPack]:
        """Pack folders that failed validation; never shown to students."""
        self._ensure_loaded()
        return list(self._broken)

    def pack(self, pack_id: str) -> Pack | None:
        self._ensure_loaded()
        return next((p for p in self._packs if p.id == pack_id), None)

    def is_builtin(self, pack_id: str) -> bool:
        """True when the pack in use comes from the built-in folder (not overridden by an installed one)."""
        self._ensure_loaded()
        pack = self.pack(pack_id)
        return pack is not None and pack_id in self._builtin_ids and _is_inside(pack.root, self.builtin_dir)

    def entry(self, pack_id: str, module_id: str) -> ModuleEntry | None:
        pack = self.pack(pack_id)
        if pack is None:
            return None
        module = pack.module(module_id)
        return None if module is None else ModuleEntry(pack, module)

    def entries(self) -> Iterator[ModuleEntry]:
        for pack in self.packs:
            for module in pack.modules:
                yield ModuleEntry(pack, module)

    def modules_for(
        self, age_band: str | None, enabled_pack_ids: Collection[str] | None = None
    ) -> list[ModuleEntry]:
        """Modules for an age band in packs enabled (every pack when None): student modules of that band
        (of every band when None), or for ``"adults"`` the modules written for parents and teachers."""
        return [
            entry
            for entry in self.entries()
            if _for_band(entry.module.audience, entry.module.age_band, age_band)
            and (enabled_pack_ids is None or entry.pack.id in enabled_pack_ids)
        ]


def _for_band(audience: str, module_band: str, wanted: str | None) -> bool:
    if wanted == ADULTS:
        return audience != "students" and module_band == ADULTS
    return audience == "students" and (wanted is None or module_band == wanted)


def _pack_folders(base: Path, *, require_manifest: bool) -> list[Path]:
    """Sub-folders of ``base`` in name order. Built-in folders without a manifest are not packs; an installed
    folder without one is reported as broken by the loader."""
    try:
        children = sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    except OSError:
        return []
    return [p for p in children if not require_manifest or (p / MANIFEST_NAME).is_file()]


def _is_inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False
