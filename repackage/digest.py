"""Content digests of files, shared by the stages that key their work on inputs."""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

_CHUNK = 1 << 20


def file_sha256(path: str | os.PathLike[str]) -> str:
    """Hex sha256 of a file's bytes, read in chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def input_sha256(path: str | os.PathLike[str]) -> str:
    """``file_sha256`` of an input that a run reads but never writes (a jingle, a photo),
    remembered per process while its size and modification time are unchanged."""
    p = Path(path).resolve()
    st = p.stat()
    return _cached(str(p), st.st_size, st.st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _cached(path: str, size: int, mtime_ns: int) -> str:
    return file_sha256(path)
