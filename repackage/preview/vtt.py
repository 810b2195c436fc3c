"""Read the cues of a WebVTT transcript (the subset the audio stage writes). Pure text."""

from __future__ import annotations

from dataclasses import dataclass

import regex

_TIMING = regex.compile(
    r"^(?P<start>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s+-->\s+(?P<end>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})")
_MARKS = "\u200e\u200f\u061c"


@dataclass(frozen=True)
class Cue:
    """One transcript cue: start and end in seconds, and its text (lines joined by spaces,
    direction marks removed: the page lays the text out itself)."""

    start: float
    end: float
    text: str


def seconds(stamp: str) -> float:
    """``[hh:]mm:ss.mmm`` as seconds."""
    parts = stamp.replace(",", ".").split(":")
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return round(total, 3)


def parse_cues(text: str | None) -> list[Cue]:
    """The cues of ``text`` in file order; anything that is not a cue (header, notes) is
    skipped, and ``None`` or a file that is not WebVTT gives no cues."""
    if not text or not text.lstrip("\ufeff").startswith("WEBVTT"):
        return []
    cues = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = block.strip("\n").split("\n")
        for i, line in enumerate(lines):
            m = _TIMING.match(line.strip())
            if m:
                words = " ".join(" ".join(lines[i + 1:]).translate({ord(c): None for c in _MARKS})
                                 .split())
                if words:
                    cues.append(Cue(seconds(m["start"]), seconds(m["end"]), words))
                break
    return cues
