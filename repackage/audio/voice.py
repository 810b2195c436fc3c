"""Voicing the script: plan chunks per segment (pure), synthesize what the cache lacks,
and join each segment's chunks into one working-format WAV with its sentence pauses."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from repackage.errors import ConfigError, RepackageError

from . import codec
from .cache import AudioCache, chunk_key, segment_key
from .engines.base import Engine
from .frontend import chunk_text, spoken_form
from .script import Segment

Progress = Callable[[int, int, str], None]
# Chunks are cached already decoded to the working PCM format (16-bit mono 44.1 kHz WAV).
CHUNK_FORMAT = "wav"


@dataclass(frozen=True)
class PlannedChunk:
    """A chunk of a segment as the engine will get it, its cache key and the pause after it."""

    text: str
    key: str
    pause_ms: int


@dataclass(frozen=True)
class PlannedSegment:
    """A segment with its chunks and its own cache key."""

    segment: Segment
    chunks: tuple[PlannedChunk, ...]
    key: str


@dataclass(frozen=True)
class VoicedSegment:
    """A voiced segment: WAV file, length in samples, and chunk spans for captions."""

    planned: PlannedSegment
    wav: Path
    samples: int
    spans: tuple[tuple[str, int, int], ...]  # (text, first sample, end sample)


def plan_segment(segment: Segment, engine: Engine, pauses: dict[str, int]) -> PlannedSegment:
    """Cut a segment into engine chunks and compute every cache key (no I/O)."""
    text = spoken_form(segment.text, engine=engine.name)
    # a chunk of bare punctuation ("…", "—") has nothing to say, and espeak returns no audio
    pieces = [c for c in chunk_text(text, engine.max_chars) if any(ch.isalnum() for ch in c.text)]
    if not pieces:
        raise ConfigError(f"segment {segment.id} ({segment.kind}): nothing to say in its text")
    chunks = []
    for i, c in enumerate(pieces):
        last = i == len(pieces) - 1
        pause = 0 if last else int(pauses.get("sentence" if c.sentence_end else "clause", 0))
        key = chunk_key(engine.name, engine.voice, engine.version, c.text)
        chunks.append(PlannedChunk(c.text, key, pause))
    seg_key = segment_key([c.key for c in chunks], [c.pause_ms for c in chunks])
    return PlannedSegment(segment, tuple(chunks), seg_key)


def _labelled(exc: Exception, segment: Segment) -> RepackageError:
    cls = type(exc) if isinstance(exc, RepackageError) else RepackageError
    try:
        return cls(f"segment {segment.id} ({segment.kind}): {exc}")
    except TypeError:
        return RepackageError(f"segment {segment.id} ({segment.kind}): {exc}")


def voice_segments(planned: list[PlannedSegment], engine: Engine, cache: AudioCache, *,
                   force: bool = False, progress: Progress | None = None) -> tuple[
                       list[VoicedSegment], dict[str, int]]:
    """Make sure every planned segment exists as a cached WAV; return them and counters.

    Only chunks missing from the cache reach the engine (all of them with ``force``).
    Counters: ``synthesized`` chunks, ``cached`` chunks.
    """
    stats = {"synthesized": 0, "cached": 0}
    hits = {p.key: None if force else cache.get_segment(p.key) for p in planned}
    todo = [p for p in planned if hits[p.key] is None]
    # unique missing chunks across all segments, in order
    need: dict[str, tuple[PlannedChunk, Segment]] = {}
    for p in todo:
        for c in p.chunks:
            if c.key in need:
                continue
            if not force and cache.get_chunk(c.key, CHUNK_FORMAT) is not None:
                stats["cached"] += 1
                continue
            need[c.key] = (c, p.segment)
    total = len(need) + len(todo)
    done = 0

    def synth(item: tuple[PlannedChunk, Segment]) -> PlannedChunk:
        # decoding and caching here, in the worker, overlaps them with other chunks' network
        # waits, and keeps every chunk voiced before a failure for the next run
        chunk, segment = item
        try:
            data = engine.synthesize(chunk.text)
            cache.put_chunk(chunk.key, CHUNK_FORMAT,
                            codec.wav_bytes(codec.to_pcm(data, engine.audio_format)))
            return chunk
        except RepackageError as exc:
            raise _labelled(exc, segment) from None

    workers = max(1, int(getattr(engine, "concurrency", 1)))
    items = list(need.values())
    if workers == 1 or len(items) <= 1:
        results = (synth(i) for i in items)
        pool = None
    else:
        pool = ThreadPoolExecutor(max_workers=workers)
        results = pool.map(synth, items)
    try:
        for _ in results:
            stats["synthesized"] += 1
            done += 1
            if progress:
                progress(done, total, "voicing")
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    voiced: list[VoicedSegment] = []
    for p in planned:
        hit = hits[p.key]
        if hit is None:
            hit = hits[p.key] = _build_segment(p, engine, cache)
            done += 1
            if progress:
                progress(done, total, "joining")
        wav, info = hit
        spans = tuple((str(t), int(a), int(b)) for t, a, b in info["spans"])
        voiced.append(VoicedSegment(p, wav, int(info["samples"]), spans))
    return voiced, stats


def _build_segment(p: PlannedSegment, engine: Engine, cache: AudioCache) -> tuple[
        Path, dict[str, Any]]:
    parts: list[bytes] = []
    spans: list[tuple[str, int, int]] = []
    pos = 0
    for c in p.chunks:
        data = cache.get_chunk(c.key, CHUNK_FORMAT)
        if data is None:
            raise RepackageError(f"segment {p.segment.id}: chunk audio vanished from the cache")
        try:
            pcm = codec.to_pcm(data, CHUNK_FORMAT)
        except RepackageError as exc:
            raise _labelled(exc, p.segment) from None
        n = len(pcm) // codec.WIDTH
        spans.append((c.text, pos, pos + n))
        parts.append(pcm)
        pos += n
        if c.pause_ms:
            gap = codec.silence(c.pause_ms)
            parts.append(gap)
            pos += len(gap) // codec.WIDTH
    info = {"segment": p.segment.id, "samples": pos, "rate": codec.RATE, "spans": spans}
    wav = cache.put_segment(p.key, codec.wav_bytes(b"".join(parts)), info)
    return wav, {**info, "wav_bytes": wav.stat().st_size}
