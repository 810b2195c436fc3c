"""Parse a raw scraped page (plain text) into article fields.

The page is read line by line: chrome is dropped, source footers, bylines and dates become
metadata, the first short line is the headline, a following line ending in a photo credit is
the caption, and the rest are body paragraphs in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from repackage.ingest.chrome import is_chrome, publisher_from_chrome, strip_bullet
from repackage.ingest.credits import looks_like_caption, split_credit
from repackage.ingest.dates import parse_date
from repackage.model import Quote
from repackage.text.arabic import normalize

MAX_HEADLINE_LEN = 200

_SOURCE = re.compile(r"^(?:المصدر|مصدر الخبر|المصادر|Source)\s*[:：]\s*(.+)$", re.I)
_BYLINE = re.compile(r"^(?:بقلم|كتب|كتبت|كتبه|إعداد|تحرير|تقرير|By)\s*[:：]?\s+(.{2,80})$", re.I)
_DATED = re.compile(
    r"^(?:نشر|نُشر|نشر في|تاريخ النشر|آخر تحديث|تم النشر|Published|Updated)\s*(?:في|on)?\s*[:：]?\s*(.+)$",
    re.I,
)
_URL = re.compile(r"^(?:الرابط|رابط المقال|URL)\s*[:：]\s*(https?://\S+)$|^(https?://\S+)$", re.I)


@dataclass
class RawFields:
    """What a raw page yields before quotes are extracted."""

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


def parse_raw(text: str) -> RawFields:
    """Split a scraped page into headline, caption/credit, metadata and body paragraphs."""
    fields = RawFields()
    chrome: list[str] = []
    body: list[str] = []
    for raw_line in text.splitlines():
        line = normalize(raw_line)
        if not line:
            continue
        if is_chrome(line):
            chrome.append(line)
            continue
        line = strip_bullet(line) if line[0] in "•·▪●◦" else line
        if m := _SOURCE.match(line):
            fields.source = m.group(1).strip(" .")
        elif len(line) <= 100 and (m := _BYLINE.match(line)):
            fields.byline = m.group(1).strip(" .")
        elif len(line) <= 100 and (m := _DATED.match(line)) and parse_date(m.group(1)):
            fields.published = parse_date(m.group(1))
        elif len(line) <= 40 and fields.published is None and parse_date(line):
            fields.published = parse_date(line)
        elif m := _URL.match(line):
            fields.url = m.group(1) or m.group(2)
        else:
            body.append(line)
    fields.publisher = publisher_from_chrome(chrome)
    if body and _is_headline(body[0]):
        fields.title = body.pop(0).lstrip("# ").strip()
    if body and looks_like_caption(body[0]) and len(body) > 1:
        fields.caption, fields.credit = split_credit(body.pop(0))
    fields.paragraphs = body
    return fields


def _is_headline(line: str) -> bool:
    if line.startswith("#"):
        return True
    return len(line) <= MAX_HEADLINE_LEN and not line.rstrip("\"”»'").endswith((".", "…", "،"))
