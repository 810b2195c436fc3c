"""What the review page shows, planned from the Article and a run's outputs. Pure functions.

The result is plain data (dicts, lists, strings) for the template; every string in it is
shown escaped by the template engine, so nothing here builds HTML.
"""

from __future__ import annotations

import base64
import posixpath
from collections.abc import Sequence
from typing import Any

from repackage.model import Article, Quote
from repackage.preview.gather import Outputs
from repackage.preview.threads import plan_threads
from repackage.preview.vtt import parse_cues


def _span_of(paragraph: str, quote: Quote, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    needle = quote.text
    start = paragraph.find(needle) if needle else -1
    while start >= 0:
        end = start + len(needle)
        if all(end <= a or start >= b for a, b in taken):
            return start, end
        start = paragraph.find(needle, start + 1)
    return None


def body_segments(paragraph: str, quotes: Sequence[Quote]) -> list[dict[str, Any]]:
    """``paragraph`` cut into plain runs and quoted runs (with their speaker), in order.

    A quote whose text cannot be found in the paragraph as written is left out of the
    highlighting (``paragraph_quotes`` still lists it beside the paragraph).
    """
    spans: list[tuple[int, int, Quote]] = []
    for quote in quotes:
        span = _span_of(paragraph, quote, [(a, b) for a, b, _ in spans])
        if span:
            spans.append((*span, quote))
    spans.sort(key=lambda s: s[0])
    segments: list[dict[str, Any]] = []
    pos = 0
    for start, end, quote in spans:
        if start > pos:
            segments.append({"text": paragraph[pos:start], "quote": False})
        segments.append({"text": paragraph[start:end], "quote": True,
                         "speaker": quote.speaker, "role": quote.role})
        pos = end
    if pos < len(paragraph) or not segments:
        segments.append({"text": paragraph[pos:], "quote": False})
    return segments


def plan_article(article: Article, photo: str | None) -> dict[str, Any]:
    """The Article section: metadata, photo, body with quotes marked, and dropped lines."""
    paragraphs = []
    for i, text in enumerate(article.paragraphs):
        quotes = [q for q in article.quotes if q.paragraph == i]
        segments = body_segments(text, quotes)
        shown = sum(1 for s in segments if s["quote"])
        paragraphs.append({
            "segments": segments,
            "quotes": [{"text": q.text, "speaker": q.speaker, "role": q.role} for q in quotes],
            "unplaced": len(quotes) - shown,
        })
    dropped = [{"text": getattr(d, "text", str(d)), "why": getattr(d, "why", None),
                "line": getattr(d, "line", None)}
               for d in getattr(article, "dropped", ()) or ()]
    return {
        "title": article.title, "title_from": getattr(article, "title_from", "page"),
        "byline": article.byline, "published": article.published,
        "source": article.source, "publisher": article.publisher, "url": article.url,
        "photo": {"file": photo, "caption": article.photo.caption,
                  "credit": article.photo.credit},
        "paragraphs": paragraphs,
        "quote_count": len(article.quotes),
        "dropped": dropped,
    }


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def clock(value: float | None) -> str:
    """Seconds as ``m:ss`` (or ``h:mm:ss``)."""
    if value is None:
        return ""
    total = int(round(value))
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def plan_episode(outputs: Outputs) -> dict[str, Any] | None:
    """The Episode section, or None when the folder holds no episode."""
    if not outputs.has_audio:
        return None
    episode = outputs.episode or {}
    chapters = []
    for chapter in (outputs.chapters or {}).get("chapters") or ():
        if not isinstance(chapter, dict):
            continue
        start = _number(chapter.get("startTime"))
        if start is None:
            continue
        chapters.append({"start": start, "clock": clock(start),
                         "title": str(chapter.get("title") or "")})
    loudness = episode.get("loudness") if isinstance(episode.get("loudness"), dict) else {}
    duration = _number(episode.get("duration_s"))
    return {
        "file": "audio/episode.mp3",
        "vtt": "audio/episode.vtt" if outputs.vtt else None,
        # A file: page may not load a track from another file: URL; a data: URL it may.
        "vtt_data": ("data:text/vtt;base64," + base64.b64encode(outputs.vtt.encode("utf-8"))
                     .decode("ascii")) if outputs.vtt else None,
        "engine": episode.get("engine"),
        "voice": episode.get("voice"),
        "engine_reason": episode.get("engine_reason"),
        "fallback": bool(episode.get("fallback")),
        "fallback_reason": episode.get("fallback_reason"),
        "duration": duration,
        "duration_clock": clock(duration),
        "lufs": _number(loudness.get("integrated_lufs")),
        "true_peak": _number(loudness.get("true_peak_dbtp")),
        "chapters": chapters,
        "cues": [{"start": c.start, "end": c.end, "clock": clock(c.start), "text": c.text}
                 for c in parse_cues(outputs.vtt)],
    }


def card_path(file: str, folder: str = "cards") -> str:
    """A card's path relative to the slug folder (cards.json names them inside ``cards/``)."""
    file = file.replace("\\", "/")
    if file.startswith(f"{folder}/"):
        return posixpath.normpath(file)
    return posixpath.normpath(posixpath.join(folder, file))


def plan_cards(outputs: Outputs) -> list[dict[str, Any]]:
    """The Cards section: every card at every size, in cards.json order."""
    cards = []
    for card in (outputs.cards or {}).get("cards") or ():
        if not isinstance(card, dict) or not isinstance(card.get("file"), str):
            continue
        path = card_path(card["file"])
        if path.startswith("../") or path.startswith("/"):
            continue
        cards.append({
            "file": path, "name": posixpath.basename(path), "size": card.get("size"),
            "width": card.get("width"), "height": card.get("height"),
            "alt": card.get("alt_text") or card.get("quote") or "",
            "quote": card.get("quote"), "speaker": card.get("speaker"), "role": card.get("role"),
            "credit": card.get("credit"),
        })
    return cards


def plan_page(article: Article, outputs: Outputs) -> dict[str, Any]:
    """Everything the article's page shows."""
    return {
        "lang": article.lang or "ar",
        "slug": article.slug,
        "article": plan_article(article, outputs.photo),
        "episode": plan_episode(outputs),
        "cards": plan_cards(outputs),
        "threads": plan_threads(article, outputs),
    }
