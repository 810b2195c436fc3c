"""A lock on an article's output folder, held for a whole run.

``fcntl.flock`` on ``OUT/<slug>/.lock``: the kernel drops it when the holder exits, even on
SIGKILL, so a crashed run never leaves the folder locked. The holder's pid is written into
the file so a second run can say who holds it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

from repackage.errors import LockedError

LOCK_NAME = ".lock"


def _holder_pid(fd: int) -> str:
    # The holder writes its pid just after locking: give it a moment before saying "unknown".
    for _ in range(10):
        try:
            data = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        except OSError:
            data = ""
        if data.isdigit():
            return data
        time.sleep(0.01)
    return "unknown"


@contextlib.contextmanager
def folder_lock(slug_dir: Path) -> Iterator[Path]:
    """Hold an exclusive lock on ``slug_dir`` or raise LockedError at once (no waiting)."""
    slug_dir.mkdir(parents=True, exist_ok=True)
    path = slug_dir / LOCK_NAME
    # Not an atomic write on purpose: the lock lives on this inode, and replacing the file by
    # rename would hand a second run a fresh, unlocked inode.
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockedError(
                f"{slug_dir} is in use by another repackage run (pid {_holder_pid(fd)}); "
                "wait for it to finish"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield path
    finally:
        # Closing the descriptor releases the lock; the file stays so that no two runs
        # can ever lock two different inodes under the same name.
        os.close(fd)
