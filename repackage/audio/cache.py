"""Content-addressed cache of synthesized audio.

A chunk's key hashes (engine, voice, engine version, text): the same words in the same
voice are never synthesized twice, whatever episode they belong to. Chunks are stored
decoded, as working-format WAV, once the engine's answer has been checked to decode. A voiced segment (its
chunks decoded, joined with pauses, as working-format WAV) is cached under the hash of its
chunk keys and pauses, so an unchanged segment costs one file lookup.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from repackage import atomic

CACHE_VERSION = 2


def cache_root(out_dir: Path) -> Path:
    """``$REPACKAGE_CACHE`` if set, else ``OUT/.cache``."""
    env = os.environ.get("REPACKAGE_CACHE")
    return Path(env) if env else out_dir / ".cache"


def chunk_key(engine: str, voice: str, version: str, text: str) -> str:
    """The cache key of one synthesized chunk."""
    blob = json.dumps([CACHE_VERSION, engine, voice, version, text], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def segment_key(chunk_keys: list[str], pauses_ms: list[int]) -> str:
    """The cache key of a voiced segment: its chunks and the pauses between them."""
    blob = json.dumps([CACHE_VERSION, "segment", chunk_keys, pauses_ms])
    return hashlib.sha256(blob.encode("ascii")).hexdigest()


class AudioCache:
    """Files under ``root/audio``: ``chunks/ab/<key>.<fmt>`` and ``segments/<key>.wav|json``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root) / "audio"

    def chunk_path(self, key: str, fmt: str) -> Path:
        """Where the chunk ``key`` lives (whether or not it exists)."""
        return self.root / "chunks" / key[:2] / f"{key}.{fmt}"

    def get_chunk(self, key: str, fmt: str) -> bytes | None:
        """The cached chunk's bytes, or None on a miss."""
        try:
            data = self.chunk_path(key, fmt).read_bytes()
        except FileNotFoundError:
            return None
        return data or None

    def put_chunk(self, key: str, fmt: str, data: bytes) -> Path:
        """Store a chunk that has already been checked to decode."""
        return atomic.write_bytes(self.chunk_path(key, fmt), data)

    def segment_paths(self, key: str) -> tuple[Path, Path]:
        """(WAV, JSON sidecar) paths of a voiced segment."""
        base = self.root / "segments" / key[:2] / key
        return base.with_suffix(".wav"), base.with_suffix(".json")

    def get_segment(self, key: str) -> tuple[Path, dict[str, Any]] | None:
        """(WAV path, sidecar) of a cached voiced segment, or None."""
        wav, meta = self.segment_paths(key)
        try:
            info = json.loads(meta.read_text("utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return None
        if not wav.is_file() or wav.stat().st_size != info.get("wav_bytes"):
            return None
        return wav, info

    def put_segment(self, key: str, wav_data: bytes, info: dict[str, Any]) -> Path:
        """Store a voiced segment; the sidecar is written last so it marks completeness."""
        wav, meta = self.segment_paths(key)
        atomic.write_bytes(wav, wav_data)
        atomic.write_json(meta, {**info, "wav_bytes": len(wav_data)})
        return wav
