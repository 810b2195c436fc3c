"""Publishing the episode: the timeline, captions (WebVTT, SRT), Podcasting 2.0 chapters,
and ID3v2 tags with CHAP/CTOC chapters. Timeline and caption building are pure."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RLM = "\u200f"
CUE_LINE = 65
CUE_LINES = 2


@dataclass(frozen=True)
class Placed:
    """A segment placed on the episode timeline (seconds)."""

    id: str
    kind: str
    title: str
    start: float
    end: float  # end of its speech (its pause follows)
    spans: tuple[tuple[str, float, float], ...]  # (text, start, end) in episode seconds


def place_segments(items: list[tuple[str, str, str, int, list[tuple[str, int, int]]]],
                   gaps_ms: list[int], *, offset: float, rate: int) -> list[Placed]:
    """Lay segments end to end: items are (id, kind, title, samples, spans in samples).

    Positions are computed in samples, as the mixer joins them, so they do not drift.
    """
    placed: list[Placed] = []
    pos = 0
    for (sid, kind, title, samples, spans), gap in zip(items, gaps_ms, strict=True):
        start = offset + pos / rate
        sp = tuple((t, offset + (pos + a) / rate, offset + (pos + b) / rate) for t, a, b in spans)
        placed.append(Placed(sid, kind, title, start, offset + (pos + samples) / rate, sp))
        pos += samples + rate * gap // 1000
    return placed


def chapters(placed: list[Placed], total: float) -> list[dict[str, Any]]:
    """One chapter per segment; the first starts at 0 (the jingle), the last ends at ``total``."""
    out = []
    for i, p in enumerate(placed):
        start = 0.0 if i == 0 else p.start
        end = placed[i + 1].start if i + 1 < len(placed) else total
        out.append({"id": p.id, "kind": p.kind, "title": p.title or p.id,
                    "start": round(start, 3), "end": round(max(end, start), 3)})
    return out


def chapters_json(chaps: list[dict[str, Any]], title: str) -> dict[str, Any]:
    """The Podcasting 2.0 JSON chapters document."""
    return {"version": "1.2.0", "title": title,
            "chapters": [{"startTime": c["start"], "endTime": c["end"], "title": c["title"]}
                         for c in chaps]}


def wrap_line(text: str, width: int = CUE_LINE) -> list[str]:
    """Break ``text`` into lines of at most ``width`` characters at spaces."""
    lines: list[str] = []
    cur = ""
    for word in text.split():
        cand = f"{cur} {word}" if cur else word
        if len(cand) <= width or not cur:
            cur = cand
        else:
            lines.append(cur)
            cur = word
    if cur:
        lines.append(cur)
    return lines


def cues(placed: list[Placed]) -> list[tuple[float, float, list[str]]]:
    """Caption cues: each chunk's lines in groups of two, its time shared out by length.

    Every line starts with RIGHT-TO-LEFT MARK so players lay it out right to left even when
    it begins with a digit or a Latin name.
    """
    out: list[tuple[float, float, list[str]]] = []
    for p in placed:
        for text, start, end in p.spans:
            lines = wrap_line(text)
            groups = [lines[i:i + CUE_LINES] for i in range(0, len(lines), CUE_LINES)]
            total = sum(len(" ".join(g)) for g in groups) or 1
            t = start
            for g in groups:
                dur = (end - start) * len(" ".join(g)) / total
                out.append((t, t + dur, [RLM + line for line in g]))
                t += dur
    return out


def _stamp(t: float, sep: str) -> str:
    ms = int(round(t * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def webvtt(cue_list: list[tuple[float, float, list[str]]]) -> str:
    """A WebVTT transcript."""
    parts = ["WEBVTT", "Kind: captions", "Language: ar", ""]
    for i, (a, b, lines) in enumerate(cue_list, 1):
        parts += [str(i), f"{_stamp(a, '.')} --> {_stamp(b, '.')}", *lines, ""]
    return "\n".join(parts)


def srt(cue_list: list[tuple[float, float, list[str]]]) -> str:
    """The same cues as SubRip."""
    parts: list[str] = []
    for i, (a, b, lines) in enumerate(cue_list, 1):
        parts += [str(i), f"{_stamp(a, ',')} --> {_stamp(b, ',')}", *lines, ""]
    return "\n".join(parts)


def tag_mp3(path: Path, *, title: str, artist: str, album: str, date: str | None,
            language: str, genre: str, chaps: list[dict[str, Any]],
            cover: Path | None = None, comment: str | None = None) -> None:
    """Write ID3v2.3 tags and CHAP + CTOC chapter frames (Arabic titles) into ``path``."""
    from mutagen.id3 import (
        APIC,
        CHAP,
        COMM,
        CTOC,
        ID3,
        TALB,
        TCON,
        TDRC,
        TIT2,
        TLAN,
        TPE1,
        CTOCFlags,
    )

    tags = ID3()
    tags.add(TIT2(encoding=3, text=title))
    tags.add(TPE1(encoding=3, text=artist))
    tags.add(TALB(encoding=3, text=album))
    tags.add(TCON(encoding=3, text=genre))
    tags.add(TLAN(encoding=3, text=language))
    if date:
        tags.add(TDRC(encoding=3, text=date))
    if comment:
        tags.add(COMM(encoding=3, lang=language[:3], desc="", text=comment))
    if cover is not None and cover.is_file():
        mime = mimetypes.guess_type(cover.name)[0] or "image/jpeg"
        tags.add(APIC(encoding=3, mime=mime, type=3, desc="cover", data=cover.read_bytes()))
    ids = []
    for n, c in enumerate(chaps, 1):
        cid = f"chp{n:02d}"
        ids.append(cid)
        tags.add(CHAP(element_id=cid, start_time=int(round(c["start"] * 1000)),
                      end_time=int(round(c["end"] * 1000)),
                      sub_frames=[TIT2(encoding=3, text=c["title"])]))
    tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
                  child_element_ids=ids, sub_frames=[TIT2(encoding=3, text=title)]))
    tags.save(str(path), v2_version=3)
    order_chapter_frames(path)


def order_chapter_frames(path: Path) -> None:
    """Put the CHAP frames of an ID3v2.3/2.4 tag in time order, in place.

    mutagen writes frames sorted by size; players that read chapters in file order (ffmpeg
    and what is built on it) then list them shuffled. The frames are only permuted, so the
    tag keeps its size and the audio is not touched.
    """
    with open(path, "r+b") as fh:
        head = fh.read(10)
        if head[:3] != b"ID3" or head[3] not in (3, 4) or head[5] & 0x80:
            return
        size = (head[6] << 21) | (head[7] << 14) | (head[8] << 7) | head[9]
        body = fh.read(size)
        frames: list[bytes] = []
        pos = 0
        while pos + 10 <= len(body) and body[pos] != 0:
            n = int.from_bytes(body[pos + 4:pos + 8], "big")
            if head[3] == 4:
                n = (body[pos + 4] << 21) | (body[pos + 5] << 14) | (body[pos + 6] << 7) | body[
                    pos + 7]
            frames.append(body[pos:pos + 10 + n])
            pos += 10 + n

        def start(frame: bytes) -> int:
            nul = frame.index(b"\0", 10)
            return int.from_bytes(frame[nul + 1:nul + 5], "big")

        slots = [i for i, f in enumerate(frames) if f[:4] == b"CHAP"]
        chaps = sorted((frames[i] for i in slots), key=start)
        for i, f in zip(slots, chaps, strict=True):
            frames[i] = f
        fh.seek(10)
        fh.write(b"".join(frames))


def mp3_length(path: Path) -> float:
    """Playing time of an MP3 in seconds (from its frames / Xing header)."""
    from mutagen.mp3 import MP3

    return float(MP3(str(path)).info.length)
