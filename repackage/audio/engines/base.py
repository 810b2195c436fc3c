"""The speech-engine interface: text in, one audio file's bytes out."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from repackage.errors import RepackageError


class SynthesisError(RepackageError):
    """An engine could not voice a piece of text (after any retries)."""


@runtime_checkable
class Engine(Protocol):
    """A text-to-speech engine.

    ``name``, ``voice`` and ``version`` go into the cache key, so a change to any of them
    re-voices. ``audio_format`` is the container ``synthesize`` returns ("wav" or "mp3");
    ``max_chars`` is the longest chunk it accepts; ``concurrency`` how many chunks may be
    voiced at once. The front end reads numbers for the engine named by ``name``.
    """

    name: str
    voice: str
    version: str
    audio_format: str
    max_chars: int
    concurrency: int

    def synthesize(self, text: str) -> bytes:
        """Voice ``text`` and return a complete audio file (``audio_format``)."""
        ...
