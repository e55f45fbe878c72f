"""Just enough of the ELF format (64-bit little-endian: x86-64, aarch64) to check and tidy a Linux bundle.

Used by build.py (no third-party dependency: the build environment holds only the pinned packages):

- ``read(path)``: the libraries a file needs (DT_NEEDED), its RPATH/RUNPATH and the symbol versions it asks of
  each library (what the dynamic loader checks before it runs anything);
- ``drop_search_paths(path)``: removes an RPATH/RUNPATH that points outside the bundle (pyenv's libpython
  keeps the build machine's ``/root/.pyenv/versions/X/lib``), the way ``chrpath -d`` does;
- ``pin_symbol_version(path, ...)``: makes a file ask for an older, ABI-compatible version of one symbol and
  forgets the newer version (see PINS in build.py for why ``hypot`` needs this and why it is safe).

The tests check the result with binutils' ``objdump``, independently of this module.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
SHT_DYNAMIC = 6
SHT_DYNSYM = 11
SHT_GNU_VERNEED = 0x6FFFFFFE
SHT_GNU_VERSYM = 0x6FFFFFFF
DT_NULL = 0
DT_NEEDED = 1
DT_RPATH = 15
DT_RUNPATH = 29


class ElfError(ValueError):
    """The file is not an ELF file this module can read or change safely."""


@dataclass
class _Section:
    name: str
    type: int
    offset: int
    size: int
    link: int
    entsize: int


@dataclass
class _Aux:
    """One version a file needs from one library (a Vernaux entry), with where it sits in the file."""

    name: str
    other: int  # the index symbols use (in .gnu.version) to say they want this version
    offset: int
    next: int


@dataclass
class _Need:
    library: str
    offset: int  # of the Verneed entry
    aux: list[_Aux]


@dataclass
class ElfInfo:
    path: Path
    needed: list[str] = field(default_factory=list)
    search_paths: list[tuple[str, str]] = field(default_factory=list)  # ("RPATH"|"RUNPATH", value)
    # library -> versions the loader will demand from it (e.g. "libc.so.6" -> {"GLIBC_2.2.5", "GLIBC_2.34"})
    versions: dict[str, set[str]] = field(default_factory=dict)


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == ELF_MAGIC
    except OSError:
        return False


class _Elf:
    def __init__(self, data: bytearray, path: Path) -> None:
        if data[:4] != ELF_MAGIC:
            raise ElfError(f"{path}: not an ELF file")
        if data[4] != 2 or data[5] != 1:
            raise ElfError(f"{path}: only 64-bit little-endian ELF files are supported")
        self.data = data
        self.path = path
        shoff = struct.unpack_from("<Q", data, 0x28)[0]
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
        raw = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
        names = raw[shstrndx][4] if shnum else 0
        self.sections = [
            _Section(self._cstr(names + r[0]) if shnum else "", r[1], r[4], r[5], r[6], r[9]) for r in raw
        ]

    def _cstr(self, offset: int) -> str:
        end = self.data.index(b"\0", offset)
        return self.data[offset:end].decode("utf-8", "replace")

    def section(self, kind: int) -> _Section | None:
        return next((s for s in self.sections if s.type == kind), None)

    def dynamic(self) -> list[tuple[int, int, int]]:
        """(offset of the entry, tag, value) up to DT_NULL."""
        dyn = self.section(SHT_DYNAMIC)
        if dyn is None:
            return []
        out = []
        for off in range(dyn.offset, dyn.offset + dyn.size, 16):
            tag, value = struct.unpack_from("<qQ", self.data, off)
            if tag == DT_NULL:
                break
            out.append((off, tag, value))
        return out

    def dynstr(self, value: int) -> str:
        dyn = self.section(SHT_DYNAMIC)
        assert dyn is not None
        return self._cstr(self.sections[dyn.link].offset + value)

    def verneed(self) -> list[_Need]:
        sec = self.section(SHT_GNU_VERNEED)
        if sec is None:
            return []
        strings = self.sections[sec.link].offset
        needs = []
        off = sec.offset
        while True:
            _version, cnt, file_, aux, nxt = struct.unpack_from("<HHIII", self.data, off)
            entries = []
            aoff = off + aux
            for _ in range(cnt):
                _hash, _flags, other, name, anext = struct.unpack_from("<IHHII", self.data, aoff)
                entries.append(_Aux(self._cstr(strings + name), other, aoff, anext))
                aoff += anext
            needs.append(_Need(self._cstr(strings + file_), off, entries))
            if not nxt:
                return needs
            off += nxt

    def dynsym_names(self) -> list[tuple[str, bool]]:
        """(name, undefined?) for every dynamic symbol, in table order."""
        sym = self.section(SHT_DYNSYM)
        if sym is None:
            return []
        strings = self.sections[sym.link].offset
        out = []
        for off in range(sym.offset, sym.offset + sym.size, sym.entsize or 24):
            name, _info, _other, shndx = struct.unpack_from("<IBBH", self.data, off)
            out.append((self._cstr(strings + name), shndx == 0))
        return out

    def versym_offset(self) -> int | None:
        sec = self.section(SHT_GNU_VERSYM)
        return sec.offset if sec else None


def _load(path: Path) -> _Elf:
    return _Elf(bytearray(path.read_bytes()), path)


def read(path: Path) -> ElfInfo:
    elf = _load(path)
    info = ElfInfo(path)
    for _off, tag, value in elf.dynamic():
        if tag == DT_NEEDED:
            info.needed.append(elf.dynstr(value))
        elif tag in (DT_RPATH, DT_RUNPATH):
            info.search_paths.append(("RPATH" if tag == DT_RPATH else "RUNPATH", elf.dynstr(value)))
    for need in elf.verneed():
        info.versions.setdefault(need.library, set()).update(a.name for a in need.aux)
    return info


def _write(path: Path, data: bytearray) -> None:
    mode = path.stat().st_mode
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(bytes(data))
    tmp.chmod(mode)
    tmp.replace(path)


def inside_bundle(value: str) -> bool:
    """An RPATH/RUNPATH entry that stays inside the bundle: every part starts with $ORIGIN."""
    return all(part.startswith(("$ORIGIN", "${ORIGIN}")) for part in value.split(":") if part)


def drop_search_paths(path: Path) -> list[str]:
    """Remove every RPATH/RUNPATH entry that is not relative to $ORIGIN; returns the values removed."""
    elf = _load(path)
    entries = elf.dynamic()
    removed = [elf.dynstr(v) for _o, t, v in entries if t in (DT_RPATH, DT_RUNPATH)]
    removed = [r for r in removed if not inside_bundle(r)]
    if not removed:
        return []
    kept = [(t, v) for _o, t, v in entries if not (t in (DT_RPATH, DT_RUNPATH) and elf.dynstr(v) in removed)]
    start = entries[0][0]
    for i, (tag, value) in enumerate([*kept, *[(DT_NULL, 0)] * (len(entries) - len(kept) + 1)]):
        struct.pack_into("<qQ", elf.data, start + 16 * i, tag, value)
    _write(path, elf.data)
    return removed


def pin_symbol_version(path: Path, symbol: str, library: str, newer: str, older: str) -> bool:
    """Make ``path`` bind ``symbol`` to ``older`` instead of ``newer`` in ``library``, and stop requiring
    ``newer`` from it when nothing else uses it. Returns whether the file changed.

    Refuses (ElfError) when the file does not already require ``older`` from that library: the pin never adds
    a requirement, it only moves one symbol to a version the file asks for anyway.
    """
    elf = _load(path)
    need = next((n for n in elf.verneed() if n.library == library), None)
    if need is None:
        return False
    by_name = {a.name: a for a in need.aux}
    if newer not in by_name:
        return False
    if older not in by_name:
        raise ElfError(f"{path}: does not already need {older} from {library}; not pinning {symbol}")
    versym = elf.versym_offset()
    if versym is None:
        raise ElfError(f"{path}: versioned references but no .gnu.version section")
    new_index, old_index = by_name[newer].other, by_name[older].other
    still_used = False
    for i, (name, undefined) in enumerate(elf.dynsym_names()):
        (value,) = struct.unpack_from("<H", elf.data, versym + 2 * i)
        if value & 0x7FFF != new_index:
            continue
        if name == symbol and undefined:
            struct.pack_into("<H", elf.data, versym + 2 * i, (value & 0x8000) | old_index)
        else:
            still_used = True
    if not still_used:
        _unlink_aux(elf, need, by_name[newer])
    _write(path, elf.data)
    return True


def _unlink_aux(elf: _Elf, need: _Need, aux: _Aux) -> None:
    """Take one Vernaux entry out of its chain (the bytes stay, unreferenced) and lower vn_cnt."""
    index = need.aux.index(aux)
    cnt = struct.unpack_from("<H", elf.data, need.offset + 2)[0]
    if index == 0:
        (vn_aux,) = struct.unpack_from("<I", elf.data, need.offset + 8)
        struct.pack_into("<I", elf.data, need.offset + 8, vn_aux + aux.next)
    else:
        prev = need.aux[index - 1]
        struct.pack_into("<I", elf.data, prev.offset + 12, prev.next + aux.next if aux.next else 0)
    struct.pack_into("<H", elf.data, need.offset + 2, cnt - 1)
