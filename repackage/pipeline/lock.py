"""A lock on an article's output folder, held for a whole run.

``fcntl.flock`` on the folder itself (a directory can be opened read-only and locked like a
file): nothing inside the results is created or rewritten to take it, so a run that finds
everything up to date leaves every modification time as it was. The kernel drops the lock
when the holder exits, even on SIGKILL, so a crashed run never leaves the folder locked.
A second run names the holder's pid, read from the kernel's lock table (``/proc/locks``).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from repackage.errors import LockedError

_PROC_LOCKS = Path("/proc/locks")


def _lock_table_pid(line: str, device: tuple[int, int], inode: int) -> int | None:
    # "1: FLOCK  ADVISORY  WRITE 4242 08:01:131074 0 EOF" (a "->" marks a waiting request)
    fields = line.split()
    if "->" in fields or len(fields) < 6 or fields[1] != "FLOCK":
        return None
    try:
        pid = int(fields[4])
        major, minor, ino = fields[5].split(":")
        if (int(major, 16), int(minor, 16)) == device and int(ino) == inode:
            return pid
    except ValueError:
        pass
    return None


def holder_pid(slug_dir: Path) -> int | None:
    """The pid holding the lock on ``slug_dir``, or None when unlocked or unknown."""
    try:
        st = os.stat(slug_dir)
        table = _PROC_LOCKS.read_text("ascii", "replace")
    except OSError:
        return None
    device = (os.major(st.st_dev), os.minor(st.st_dev))
    for line in table.splitlines():
        pid = _lock_table_pid(line, device, st.st_ino)
        if pid is not None:
            return pid
    return None


@contextlib.contextmanager
def folder_lock(slug_dir: Path) -> Iterator[Path]:
    """Hold an exclusive lock on ``slug_dir`` or raise LockedError at once (no waiting)."""
    slug_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(slug_dir, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = holder_pid(slug_dir)
            raise LockedError(
                f"{slug_dir} is in use by another repackage run "
                f"(pid {pid if pid is not None else 'unknown'}); wait for it to finish"
            ) from None
        yield slug_dir
    finally:
        # Closing the descriptor releases the lock.
        os.close(fd)
