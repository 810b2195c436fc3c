"""espeak-ng data for the MBROLA Arabic voices, with the phoneme names the system table lacks.

Debian's ``ar1``/``ar2`` phoneme translation tables predate espeak-ng's Arabic phoneme names:
espeak-ng says ``R`` for ر and ``Q`` or ``gH`` for غ, the tables know only ``r`` and one of the
two, and MBROLA voices every unknown phoneme as silence. So the system's compiled table is read
back, the missing names are mapped onto the voice's own phonemes, and the result is compiled
with ``espeak-ng --compile-mbrola`` into a data directory under the user's cache (symlinks to
the system data for everything else). The voices themselves stay where Debian put them: their
licence forbids bundling them.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
import subprocess
from dataclasses import dataclass
from pathlib import Path

from repackage import atomic
from repackage.errors import DependencyError

# espeak-ng phoneme -> the MBROLA ar1/ar2 phoneme that sounds it. Added only when the system
# table has no entry of that name.
MISSING = {"R": "r", "Q": "G", "gH": "G", "r/": "r"}
VOICE_DIRS = (Path("/usr/share/mbrola"), Path("/usr/local/share/mbrola"))
TABLE_VERSION = 1


@dataclass(frozen=True)
class Entry:
    """One line of an MBROLA phoneme translation table."""

    control: int
    name: str
    next_phoneme: str
    percent: int
    mbrola1: str
    mbrola2: str


def _name(value: int) -> str:
    return value.to_bytes(4, "little").rstrip(b"\0").decode("ascii") if value else "NULL"


def read_table(data: bytes) -> tuple[int, list[Entry]]:
    """(volume, entries) of a compiled ``*_phtrans`` file."""
    if len(data) < 4:
        raise DependencyError("MBROLA phoneme table is empty")
    volume = struct.unpack_from("<i", data, 0)[0]
    entries = []
    for off in range(4, len(data) - 23, 24):
        name, nxt, m1, m2, pct, ctl = struct.unpack_from("<6i", data, off)
        if name == 0:
            break
        entries.append(Entry(ctl, _name(name), _name(nxt), pct, _name(m1),
                             _name(m2) if m2 else ""))
    return volume, entries


def table_source(volume: int, entries: list[Entry]) -> str:
    """The text form ``espeak-ng --compile-mbrola`` reads."""
    lines = [f"volume {volume}", ""]
    for e in entries:
        lines.append(f"{e.control} {e.name} {e.next_phoneme} {e.percent} {e.mbrola1} "
                     f"{e.mbrola2}".rstrip())
    return "\n".join(lines) + "\n"


def completed(entries: list[Entry], missing: dict[str, str] = MISSING) -> list[Entry]:
    """``entries`` plus a plain mapping for each phoneme name the table does not know."""
    known = {e.name for e in entries}
    extra = [Entry(0, name, "NULL", 0, target, "") for name, target in missing.items()
             if name not in known]
    return entries + extra


def espeak_binary() -> str:
    """Path of Debian's ``espeak-ng`` program (the wheel's library has no MBROLA support)."""
    exe = shutil.which("espeak-ng")
    if not exe:
        raise DependencyError("the mbrola engine needs the espeak-ng program (Debian: espeak-ng)")
    return exe


def system_data_dir(exe: str | None = None) -> Path:
    """The data directory the espeak-ng program reports (``Data at: …``)."""
    out = subprocess.run([exe or espeak_binary(), "--version"], capture_output=True,
                         text=True, check=False).stdout
    if "Data at:" not in out:
        raise DependencyError(f"espeak-ng --version did not name its data directory: {out!r}")
    return Path(out.split("Data at:", 1)[1].strip())


def voice_file(voice: str) -> Path | None:
    """The installed MBROLA voice database for ``voice`` (``ar1``), or None."""
    for base in VOICE_DIRS:
        for cand in (base / voice / voice, base / voice):
            if cand.is_file():
                return cand
    return None


def cache_base() -> Path:
    """Where compiled data lives: ``$XDG_CACHE_HOME/repackage`` (``~/.cache/repackage``)."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "repackage"


def prepare(voice: str, *, exe: str | None = None, base: Path | None = None) -> Path:
    """A ``--path`` directory whose ``espeak-ng-data`` speaks ``mb-<voice>`` with a full table.

    Built once per system table and espeak-ng version, then reused.
    """
    exe = exe or espeak_binary()
    system = system_data_dir(exe)
    table = system / "mbrola_ph" / f"{voice}_phtrans"
    spec = system / "voices" / "mb" / f"mb-{voice}"
    if not table.is_file() or not spec.is_file():
        raise DependencyError(f"espeak-ng has no MBROLA voice mb-{voice} ({table} missing)")
    raw = table.read_bytes()
    digest = hashlib.sha256(repr((TABLE_VERSION, sorted(MISSING.items()), str(system))).encode()
                            + raw).hexdigest()[:16]
    root = (base or cache_base()) / f"espeak-ng-mbrola-{voice}-{digest}"
    data = root / "espeak-ng-data"
    compiled = data / "mbrola_ph" / f"{voice}_phtrans"
    if compiled.is_file():
        return root
    work = root.with_name(root.name + f".tmp{os.getpid()}")
    shutil.rmtree(work, ignore_errors=True)
    wdata = work / "espeak-ng-data"
    (wdata / "mbrola_ph").mkdir(parents=True)
    (wdata / "voices" / "mb").mkdir(parents=True)
    for item in system.iterdir():
        if item.name not in ("mbrola_ph", "voices"):
            (wdata / item.name).symlink_to(item)
    for item in (system / "voices").iterdir():
        if item.name != "mb":
            (wdata / "voices" / item.name).symlink_to(item)
    shutil.copyfile(spec, wdata / "voices" / "mb" / spec.name)
    atomic.write_text(work / "README", "Compiled by repackage from the system's MBROLA phoneme "
                      "table; safe to delete.\n")
    source = work / voice
    source.write_text(table_source(*_complete(raw)), "utf-8")
    proc = subprocess.run([exe, f"--path={work}", f"--compile-mbrola={source}"],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0 or not (wdata / "mbrola_ph" / f"{voice}_phtrans").is_file():
        shutil.rmtree(work, ignore_errors=True)
        raise DependencyError(f"espeak-ng could not compile the mb-{voice} phoneme table: "
                              f"{(proc.stderr or proc.stdout).strip()[-200:]}")
    try:
        work.rename(root)
    except OSError:
        # another process finished first: its copy is as good as ours
        shutil.rmtree(work, ignore_errors=True)
    if not compiled.is_file():
        raise DependencyError(f"could not prepare espeak-ng data in {root}")
    return root


def _complete(raw: bytes) -> tuple[int, list[Entry]]:
    volume, entries = read_table(raw)
    return volume, completed(entries)
