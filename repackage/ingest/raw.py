"""Parse a raw scraped page (plain text) into article fields.

``page.read_layout`` finds the article block, headline, caption and metadata; this module
turns its verdicts into ``RawFields`` and names the publisher from the page's chrome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from repackage.ingest.chrome import publisher_from_chrome, strip_bullet
from repackage.ingest.dates import parse_date
from repackage.ingest.page import Verdict, read_layout
from repackage.model import Dropped, Quote
from repackage.text.arabic import normalize

_BULLETS = "•·▪●◦"


@dataclass
class RawFields:
    """What a page yields before quotes are extracted."""

    title: str | None = None
    byline: str | None = None
    published: str | None = None
    source: str | None = None
    publisher: str | None = None
    url: str | None = None
    caption: str | None = None
    credit: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    photo_file: str | None = None  # named by the input itself (front matter, JSON)
    quotes: tuple[Quote, ...] | None = None  # given by the input; None means "extract them"
    dropped: list[Dropped] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)  # every line's reading, for --show


def page_lines(text: str) -> list[tuple[int, str]]:
    """The page's non-empty lines, normalised, with their 1-based line numbers."""
    out = []
    for number, raw_line in enumerate(text.splitlines(), start=1):
        line = normalize(raw_line)
        if line and line[0] in _BULLETS:
            line = strip_bullet(line)
        if line and not out and (m := _STORED_DATE.match(line)) and m.end() < len(line):
            # "date 2026-02-02 أكد الوزير …": the store's date field glued to the page's first line
            out.append((number, line[:m.end()].strip()))
            line = line[m.end():].strip()
        if line:
            out.append((number, line))
    return out


def _with_bullets(paragraphs, verdicts, raw: list[str]) -> list[str]:
    """Body paragraphs as the page prints them: a list item keeps its bullet (``• على نظام
    Android: …``), which only menus lose."""
    bulleted = {}
    for v in verdicts:
        if v.kind == "body" and 0 < v.line <= len(raw):
            line = normalize(raw[v.line - 1])
            if line[:1] in _BULLETS and strip_bullet(line) == v.text:
                bulleted[v.text] = line
    return [bulleted.get(p, p) for p in paragraphs]


_STORED_DATE = re.compile(r"^date \d{4}-\d{2}-\d{2}\s+(?=[\u0600-\u06ff])")


def parse_raw(text: str) -> RawFields:
    """Split a scraped page into headline, caption/credit, metadata and body paragraphs."""
    layout = read_layout(page_lines(text))
    fields = RawFields(
        title=layout.title.lstrip("# ").strip() if layout.title else None,
        byline=layout.byline, source=layout.source, url=layout.url,
        caption=layout.caption, credit=layout.credit,
        paragraphs=_with_bullets(layout.paragraphs, layout.verdicts, text.splitlines()),
        verdicts=layout.verdicts,
    )
    if layout.published:
        fields.published = parse_date(layout.published) or layout.published
    fields.dropped = [Dropped(v.text, v.why or "chrome", v.line)
                      for v in layout.verdicts if v.kind == "dropped"]
    # the outlet names itself in its sign-up and follow prompts, never inside the article
    fields.publisher = publisher_from_chrome(
        [v.text for v in layout.verdicts if v.kind == "dropped" and v.why in ("chrome", "after-end")])
    return fields
