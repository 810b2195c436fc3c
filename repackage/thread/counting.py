"""Post length under each platform's rules. Pure functions, no I/O.

X uses twitter-text's v3 weighting (checked against its conformance suite in the tests);
Bluesky counts grapheme clusters and UTF-8 bytes; Mastodon counts code points with every
URL as 23; Threads counts code points with each emoji weighing its UTF-8 byte length.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from typing import Any

import regex

from repackage.thread.platforms import TWITTER_V3, Platform

_TWITTER_OPTIONS: dict[str, Any] = {
    **dict(TWITTER_V3),
    "ranges": [dict(r) for r in TWITTER_V3["ranges"]],
}
# Mastodon links only http(s) URLs; each counts as 23 whatever its length.
_MASTODON_URL = regex.compile(r"(?<![\w/])https?://[^\s<>\"«»]+[^\s<>\"«».,،؛:;!?؟)\]]")
_GRAPHEME = regex.compile(r"\X")
_EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Regional_Indicator}]")


@dataclass(frozen=True)
class Measure:
    """A text's length under one platform: ``ok`` when it fits every limit, ``problems``
    saying which it breaks."""

    length: int
    limit: int
    ok: bool
    bytes: int
    byte_limit: int | None = None
    links: int = 0
    max_links: int | None = None
    problems: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The ``{"length", "limit", "ok"}`` form scripts read."""
        return {"length": self.length, "limit": self.limit, "ok": self.ok}


@functools.cache
def _twitter_text() -> Any:
    # Importing twitter_text compiles its URL, TLD and emoji patterns (about half a second),
    # so it waits until an X post is actually counted.
    import twitter_text
    from twitter_text.has_invalid_characters import has_invalid_characters

    return twitter_text.parse_tweet, has_invalid_characters


def x_weighted_length(text: str) -> int:
    """twitter-text v3 weighted length (NFC, URLs 23, emoji sequences 2)."""
    parse_tweet, _ = _twitter_text()
    return parse_tweet(text, _TWITTER_OPTIONS).weightedLength


def x_valid_characters(text: str) -> bool:
    """False when ``text`` holds a code point X refuses (U+FFFE, U+FFFF, a stray BOM...)."""
    _, has_invalid_characters = _twitter_text()
    return not has_invalid_characters(unicodedata.normalize("NFC", text))


def grapheme_count(text: str) -> int:
    """Number of extended grapheme clusters (what a reader sees as characters)."""
    return len(_GRAPHEME.findall(text))


def utf8_length(text: str) -> int:
    """Length of ``text`` encoded as UTF-8, in bytes."""
    return len(text.encode("utf-8"))


def mastodon_length(text: str, url_weight: int = 23) -> int:
    """Code points, with each http(s) URL counted as ``url_weight``."""
    total = 0
    pos = 0
    for m in _MASTODON_URL.finditer(text):
        total += len(text[pos:m.start()]) + url_weight
        pos = m.end()
    return total + len(text[pos:])


def link_count(text: str) -> int:
    """Number of http(s) links in ``text``."""
    return sum(1 for _ in _MASTODON_URL.finditer(text))


def threads_length(text: str) -> int:
    """Code points, except that an emoji cluster weighs its UTF-8 byte length."""
    total = 0
    for cluster in _GRAPHEME.findall(text):
        if _EMOJI.search(cluster):
            total += utf8_length(cluster)
        else:
            total += len(cluster)
    return total


def length(text: str, platform: Platform) -> int:
    """``text``'s length as ``platform`` counts it."""
    if platform.counter == "twitter":
        return x_weighted_length(text)
    if platform.counter == "graphemes":
        return grapheme_count(text)
    if platform.counter == "mastodon":
        return mastodon_length(text, platform.url_weight or 23)
    if platform.counter == "threads":
        return threads_length(text)
    raise ValueError(f"unknown counter {platform.counter!r}")


def measure(text: str, platform: Platform) -> Measure:
    """Length, limit and whether ``text`` fits ``platform`` (every limit it has)."""
    n = length(text, platform)
    nbytes = utf8_length(text)
    links = link_count(text) if platform.max_links is not None else 0
    problems = []
    if n > platform.limit:
        problems.append(f"is {n}/{platform.limit} characters, over by {n - platform.limit}")
    if platform.byte_limit is not None and nbytes > platform.byte_limit:
        problems.append(f"is {nbytes}/{platform.byte_limit} bytes, "
                        f"over by {nbytes - platform.byte_limit}")
    if platform.counter == "twitter" and not x_valid_characters(text):
        problems.append("holds characters X refuses (U+FFFE, U+FFFF or a stray BOM)")
    if platform.max_links is not None and links > platform.max_links:
        problems.append(f"has {links} links, at most {platform.max_links} allowed")
    return Measure(length=n, limit=platform.limit, ok=not problems, bytes=nbytes,
                   byte_limit=platform.byte_limit, links=links, max_links=platform.max_links,
                   problems=tuple(problems))


def fits(text: str, platform: Platform) -> bool:
    """True when ``text`` is within every limit of ``platform``."""
    return measure(text, platform).ok
