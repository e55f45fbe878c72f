"""Narration playback: what miniaudio adds to the installed bundle, how long its import and a first play
take, and what the alternatives would add (issue 21: at most 10 MB more, nothing loaded at start-up).

    .venv/bin/python benchmarks/bench_audio.py [--addons-wheel pyside6_addons-*.whl] [--pygame-wheel ...]
    .venv/bin/python benchmarks/bench_audio.py --bundles WITH_DIR WITHOUT_DIR   # two built dist/quizapp

Measured on Linux (2 cores shared with 7 other jobs, so times are high): two frozen builds differ by
+1.11 MB installed (_miniaudio.abi3.so 813 KB and _cffi_backend 283 KB stripped, 39 KB of Python), +0.47 MB
in the tarball; Qt Multimedia + FFmpeg would add 21.9 MB and pygame 18.0 MB; importing the player took
388 ms, a first play 11 ms from the press to samples at the device, espeak-ng 102 ms for section 1 in Urdu.

``--bundles`` compares two frozen builds (``python3 packaging/build.py``, once as it is and once with
miniaudio, cffi and pycparser uninstalled from build/venv-linux and ``--skip-install``): the files only one
of them has and the two folders' sizes. That is the installed delta itself; the figures below estimate it
without building.

Bundle delta: the files a frozen build collects for playback, found by importing
``quizapp.services.playback`` in a fresh process and listing every Python module and shared library it
loads that the app had not loaded already (PySide6 and the app's start-up), raw and gzip-compressed (the
installers compress). Qt Multimedia and pygame are measured from their wheels when given (``pip download
--no-deps PySide6-Addons==<the PySide6 version> pygame``): for Qt Multimedia the module, its library, the
FFmpeg media plugin and the FFmpeg libraries it loads; for pygame the whole wheel's libraries, which its
PyInstaller hook collects.

Timings (each in a fresh process, median of 5): importing the player; the first play of the example
pack's narrated section into miniaudio's null device (decode + device start until the device has taken
samples); the reading voice (espeak-ng) speaking the section, where it is installed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

Figure = tuple[str, float | int | str, str, str]
MB = 1024 * 1024
RUNS = 5

LOADED = """
import json, sys
def files():
    out = {m.__file__ for m in list(sys.modules.values()) if getattr(m, "__file__", None)}
    with open("/proc/self/maps") as maps:
        out |= {line.split()[-1] for line in maps if ".so" in line and line.split()[-1].startswith("/")}
    return out
import PySide6.QtWidgets, quizapp.ui.main_window  # what the app has loaded before the first play
before = files()
import quizapp.services.playback
print(json.dumps(sorted(files() - before)))
"""

TIMED = """
import json, sys, time
from pathlib import Path
start = time.perf_counter()
from quizapp.services import playback
imported = time.perf_counter()
data = Path(sys.argv[1]).read_bytes()
player = playback.Player(["null"])
begin = time.perf_counter()
player.play(data)
while player.frames_played == 0:
    time.sleep(0.001)
first = time.perf_counter()
player.close()
print(json.dumps({"import": imported - start, "first_play": first - begin}))
"""

SECTION = ROOT / "questions" / "example" / "audio" / "passphrases-en.ogg"


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def miniaudio_files() -> list[Path]:
    run = subprocess.run([sys.executable, "-c", LOADED], capture_output=True, text=True, check=True, cwd=ROOT)
    return [Path(p) for p in json.loads(run.stdout) if Path(p).is_file() and "quizapp" not in Path(p).parts]


def sizes(paths: list[Path]) -> tuple[int, int]:
    raw = sum(p.stat().st_size for p in paths)
    return raw, sum(_gz(p.read_bytes()) for p in paths)


def wheel_sizes(wheel: Path, wanted: tuple[str, ...]) -> tuple[int, int]:
    raw = packed = 0
    seen: set[int] = set()
    with zipfile.ZipFile(wheel) as archive:
        for info in archive.infolist():
            name = info.filename
            if any(part in name for part in wanted) and (name.endswith(".so") or ".so." in name):
                if info.CRC in seen:  # libavcodec.so, .so.61 and .so.61.19.101 are one file
                    continue
                seen.add(info.CRC)
                raw += info.file_size
                packed += _gz(archive.read(info))
    return raw, packed


QT_MULTIMEDIA = (
    "QtMultimedia.abi3",
    "libQt6Multimedia.so",
    "ffmpegmediaplugin",
    "libav",
    "libsw",
    "FFmpegStub",
)


def timings() -> dict[str, float]:
    runs = []
    for _ in range(RUNS):
        out = subprocess.run(
            [sys.executable, "-c", TIMED, str(SECTION)], capture_output=True, text=True, check=True, cwd=ROOT
        )
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def voice_time() -> float | None:
    import time

    from quizapp.content.packs import read_trusted_module
    from quizapp.content.richtext import to_plain
    from quizapp.services.reading_voice import find_reading_voice

    voice = find_reading_voice()
    if voice is None or not voice.speaks("ur"):
        return None
    module = read_trusted_module(ROOT / "questions" / "example" / "modules" / "safe-basics.yaml")
    text = to_plain(module.lesson.sections[0].body.get_text("ur"))
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        voice.speak(text, "ur")
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(addons_wheel: Path | None = None, pygame_wheel: Path | None = None) -> list[Figure]:
    # Only what the package brings: miniaudio.py also imports urllib.request (ssl, http, email), which a
    # frozen build of the app holds already (--bundles on two builds: +0.04 MB of Python, no new library).
    own = [p for p in miniaudio_files() if "site-packages" in p.parts]
    raw, packed = sizes(own)
    figures: list[Figure] = [
        ("miniaudio + cffi: bundle grows by (unstripped)", round(raw / MB, 2), "MB", "<= 10 MB"),
        ("miniaudio + cffi: compressed", round(packed / MB, 2), "MB", ""),
    ]
    if addons_wheel is not None:
        q_raw, q_packed = wheel_sizes(addons_wheel, QT_MULTIMEDIA)
        figures += [
            ("Qt Multimedia + FFmpeg: bundle would grow by", round(q_raw / MB, 2), "MB", "<= 10 MB"),
            ("Qt Multimedia + FFmpeg: compressed", round(q_packed / MB, 2), "MB", ""),
        ]
    if pygame_wheel is not None:
        p_raw, p_packed = wheel_sizes(pygame_wheel, ("",))
        figures += [
            ("pygame (SDL2, SDL_mixer...): bundle would grow by", round(p_raw / MB, 2), "MB", "<= 10 MB"),
            ("pygame: compressed", round(p_packed / MB, 2), "MB", ""),
        ]
    times = timings()
    figures += [
        ("import the player (first press only)", round(times["import"] * 1000, 1), "ms", ""),
        ("first play: decode + device start", round(times["first_play"] * 1000, 1), "ms", ""),
    ]
    spoken = voice_time()
    if spoken is not None:
        figures.append(
            ("reading voice: espeak-ng speaks section 1 (Urdu)", round(spoken * 1000, 1), "ms", "")
        )
    return figures


def folder_files(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_size for p in folder.rglob("*") if p.is_file()}


def compare_bundles(with_audio: Path, without: Path) -> int:
    have, lack = folder_files(with_audio), folder_files(without)
    for name in sorted(set(have) - set(lack)):
        print(f"  only with narration: {name} ({have[name] / 1024:.0f} KB)")
    for name in sorted(set(lack) - set(have)):
        print(f"  only without: {name} ({lack[name] / 1024:.0f} KB)")
    changed = sum(have[n] - lack[n] for n in set(have) & set(lack))
    print(f"  files in both changed by {changed / 1024:.0f} KB (the Python archive, the example pack)")
    delta = sum(have.values()) - sum(lack.values())
    print(f"{'installed bundle grows by':55} {delta / MB:>10.2f} MB  <= 10 MB")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--addons-wheel", type=Path)
    parser.add_argument("--pygame-wheel", type=Path)
    parser.add_argument("--bundles", type=Path, nargs=2, metavar=("WITH", "WITHOUT"))
    args = parser.parse_args(argv)
    if args.bundles:
        return compare_bundles(*args.bundles)
    for name, value, unit, goal in run(args.addons_wheel, args.pygame_wheel):
        print(f"{name:55} {value:>10} {unit:3} {goal}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
