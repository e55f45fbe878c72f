"""What goes into the packaged app, for each operating system (used by quizapp.spec; tested without building).

Qt: only the modules the app imports (and what they load), and only the plugins it uses. Names differ per
system (``libQt6Network.so.6`` / ``Qt6Network.dll`` / ``QtNetwork.framework``; ``libqtiff.so`` / ``qtiff.dll``
/ ``libqtiff.dylib``), so the rules are written as Qt names and matched against each system's file names.

Linux: the bundle carries the Python runtime, the Qt of the PySide6 wheel and a few small X libraries that
Qt's xcb plugin needs and desktop installs often lack. Every other library comes from the system (glibc,
libstdc++, fontconfig, X11, GL, D-Bus, CUPS...): copying the build machine's versions is what made the old
bundle need the build machine's glibc. Those are the .deb's ``Depends`` (build.py computes them).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePosixPath

# Qt modules the app loads (PySide6 modules it imports and the libraries those link to).
KEEP_QT_MODULES = frozenset({"Core", "Gui", "Widgets", "Svg", "PrintSupport", "Test", "DBus", "XcbQpa"})

# Qt plugins the app uses, by folder: the screens (xcb on Linux, including Wayland desktops through
# XWayland; windows; cocoa; offscreen for `selftest` and `screenshots`), PNG is built in, JPEG and SVG for
# pictures in packs, SVG icons, printing through CUPS on Linux, the native widget style on Windows and macOS.
KEEP_QT_PLUGINS = {
    "platforms": frozenset({"xcb", "offscreen", "windows", "cocoa"}),
    "imageformats": frozenset({"svg", "jpeg"}),
    "iconengines": frozenset({"svgicon"}),
    "printsupport": frozenset({"cupsprintersupport"}),
    "styles": frozenset({"modernwindowsstyle", "windowsvistastyle", "macstyle"}),
}

# Other files of the PySide6 wheels the app never uses. opengl32sw.dll is Mesa's software OpenGL (20 MB) for
# OpenGL programs on computers without a driver; quizapp paints with QPainter and uses no OpenGL.
UNUSED_FILES = frozenset({"opengl32sw.dll"})

# System libraries the Linux bundle carries on purpose: Qt's xcb plugin needs them, they are small, need an
# old glibc, depend only on libxcb, and are missing from many desktop installs (libxcb-cursor0 from Ubuntu
# 22.04 and Mint 21, which makes Qt >= 6.5 fail with "could not load the Qt platform plugin xcb").
# build.py fails when one of them is missing on the build machine.
BUNDLED_SYSTEM_LIBS = frozenset(
    {
        "libxcb-cursor.so.0",
        "libxcb-icccm.so.4",
        "libxcb-image.so.0",
        "libxcb-keysyms.so.1",
        "libxcb-render-util.so.0",
        "libxcb-util.so.1",
        "libxkbcommon-x11.so.0",
    }
)

SYSTEM_LIB_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/local/lib/")

_QT_LIB = re.compile(r"^(?:lib)?Qt6(?P<module>[A-Za-z0-9]+)\.(?:so\.6|dll)$")
_QT_FRAMEWORK = re.compile(r"^Qt(?P<module>[A-Za-z0-9]+)\.framework$")
_PLUGIN_SUFFIX = re.compile(r"\.(?:so|dll|dylib)$")


def _parts(dest: str) -> list[str]:
    return list(PurePosixPath(dest.replace("\\", "/")).parts)


def qt_module(dest: str) -> str | None:
    """The Qt module of a file: "Network" for libQt6Network.so.6, Qt6Network.dll, QtNetwork.framework/..."""
    for part in _parts(dest):
        match = _QT_LIB.match(part) or _QT_FRAMEWORK.match(part)
        if match:
            return match.group("module")
    return None


def plugin_name(dest: str) -> tuple[str, str] | None:
    """(folder, name) of a Qt plugin: ("imageformats", "tiff") for .../plugins/imageformats/libqtiff.so."""
    parts = _parts(dest)
    if "plugins" not in parts[:-2]:
        return None
    index = len(parts) - 1 - parts[::-1].index("plugins")
    folder, filename = parts[index + 1], parts[-1]
    stem = _PLUGIN_SUFFIX.sub("", filename)
    stem = stem.removeprefix("lib")
    return folder, stem


def is_unused(dest: str) -> bool:
    """Whether a file the analysis collected (its path inside the bundle) is left out of the bundle."""
    parts = _parts(dest)
    if not parts:
        return False
    if parts[-1] in UNUSED_FILES:
        return True
    in_pyside = parts[0] == "PySide6"
    if in_pyside and ("translations" in parts or "qml" in parts):
        return True  # Qt's own translations (the app ships its own) and QML
    module = qt_module(dest)
    if module is not None and module not in KEEP_QT_MODULES:
        return True
    plugin = plugin_name(dest) if in_pyside else None
    if plugin is not None:
        folder, stem = plugin
        keep = KEEP_QT_PLUGINS.get(folder, frozenset())
        return not (stem in keep or (stem.startswith("q") and stem[1:] in keep))
    return False


def is_system_library(source: str) -> bool:
    """A Linux library from the build machine's system folders (not from the Python install or a wheel)."""
    return source.startswith(SYSTEM_LIB_DIRS) and "/site-packages/" not in source


def keep_linux_binary(source: str) -> bool:
    """The Linux bundle keeps Python's own files (libpython, lib-dynload), the wheels' files and
    BUNDLED_SYSTEM_LIBS; not the rest of the system's libraries."""
    path = PurePosixPath(source)
    if "/site-packages/" in source or path.name.startswith("libpython3") or "lib-dynload" in path.parts:
        return True
    return not is_system_library(source) or path.name in BUNDLED_SYSTEM_LIBS


def is_root(dest: str) -> bool:
    """Files something loads by path rather than by being linked to: Python extension modules, Qt plugins
    and libpython (the bootloader opens it)."""
    parts = _parts(dest)
    name = parts[-1] if parts else ""
    return (
        bool(re.search(r"\.(?:abi3|cpython-[^.]+)\.(?:so|pyd)$", name))
        or "plugins" in parts
        or name.startswith("libpython3")
    )


def without_orphans(
    entries: list[tuple[str, str]], needed: Callable[[str], list[str]]
) -> list[tuple[str, str]]:
    """Keep the (dest, source) libraries reachable through DT_NEEDED from the roots (see is_root); drop the
    rest, which nothing would ever load (GTK pieces a dropped plugin needed, a Qt library for a dropped
    plugin). ``needed(source)`` lists a file's DT_NEEDED names."""
    by_name = {PurePosixPath(dest.replace("\\", "/")).name: (dest, source) for dest, source in entries}
    seen: set[str] = set()
    todo = [PurePosixPath(dest.replace("\\", "/")).name for dest, _src in entries if is_root(dest)]
    while todo:
        name = todo.pop()
        if name in seen or name not in by_name:
            continue
        seen.add(name)
        todo.extend(needed(by_name[name][1]))
    return [(dest, src) for dest, src in entries if PurePosixPath(dest.replace("\\", "/")).name in seen]
