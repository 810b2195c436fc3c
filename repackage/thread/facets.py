"""Bluesky rich-text facets: where a post's links and hashtags are, in UTF-8 bytes. Pure.

Bluesky addresses text by UTF-8 byte offsets (``byteStart`` inclusive, ``byteEnd``
exclusive), not by characters: an Arabic letter is two bytes, a direction mark three.
"""

from __future__ import annotations

from typing import Any

import regex

LINK = "app.bsky.richtext.facet#link"
TAG = "app.bsky.richtext.facet#tag"
_URL = regex.compile(r"https?://[^\s\u200e\u200f\u061c\u2066-\u2069]+", regex.IGNORECASE)
_TAG = regex.compile(r"(?<![\p{L}\p{N}_])#([\p{L}\p{M}\p{N}_]*[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*)")
_TRAILING = ".,;:!?،؛)»”'\""


def _byte_span(text: str, start: int, end: int) -> dict[str, int]:
    before = len(text[:start].encode("utf-8"))
    return {"byteStart": before, "byteEnd": before + len(text[start:end].encode("utf-8"))}


def facets(text: str) -> list[dict[str, Any]]:
    """The ``facets`` of an ``app.bsky.feed.post`` record for ``text``'s links and hashtags."""
    out: list[dict[str, Any]] = []
    for m in _URL.finditer(text):
        url = m.group(0).rstrip(_TRAILING)
        out.append({"index": _byte_span(text, m.start(), m.start() + len(url)),
                    "features": [{"$type": LINK, "uri": url}]})
    for m in _TAG.finditer(text):
        out.append({"index": _byte_span(text, m.start(), m.end()),
                    "features": [{"$type": TAG, "tag": m.group(1)}]})
    out.sort(key=lambda f: f["index"]["byteStart"])
    return out
