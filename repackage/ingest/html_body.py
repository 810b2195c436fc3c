"""Body paragraphs of a saved HTML page, from trafilatura's main-text tree.

trafilatura finds the article's block well but hands back everything inside it as text:
the headline printed again, the byline and date lines, the photo caption, bare subheadings
and the agency's closing credit. Those are taken out here by what they are (they equal the
headline or caption, read as a byline or a date, or are short lines that end no sentence)
and kept as metadata or dropped, never left among the paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from repackage.ingest.chrome import is_chrome
from repackage.ingest.credits import AGENCIES
from repackage.ingest.dates import MONTHS
from repackage.ingest.html_meta import BYLINE_LEAD, clean_byline
from repackage.ingest.html_page import Page, fold_key, text_of
from repackage.text.arabic import normalize, to_western_digits

MAX_SUBHEADING_WORDS = 5
MAX_SUBHEADING_CHARS = 60
MAX_DATE_LINE_WORDS = 14
MIN_LEAD_CHARS = 80
LEAD_LEVELS = 3
MIN_RUN_CHARS = 300
MIN_PIECE_CHARS = 30
LINKED_SHARE = 0.9
_SENTENCE_END = tuple(".!?؟…:؛\"”»)'")
_DATE_WORDS = {w for m in MONTHS for w in m.split()} | {
    "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الاربعاء", "الخميس", "الجمعة", "السبت",
    "نشر", "نشره", "نُشر", "تم", "في", "بتاريخ", "تاريخ", "النشر", "آخر", "اخر", "تحديث", "التحديث",
    "مساء", "مساءً", "مساءا", "صباحا", "صباحًا", "صباحاً", "ص", "م", "ظهرا", "الساعة", "منذ",
    "published", "updated", "on", "at", "am", "pm", "gmt", "utc", "/", "-", "|", "،", ",", ":",
}
_SUBHEADS = ("h2", "h3", "h4", "h5", "h6")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_AGENCY_KEYS = {fold_key(a) for a in AGENCIES}


@dataclass
class Body:
    """Paragraphs in order, plus what was found among them and taken out."""

    paragraphs: list[str] = field(default_factory=list)
    byline: str | None = None
    source: str | None = None
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (text, why) as in model.Dropped


@dataclass(frozen=True)
class Block:
    """One piece of the extractor's text: ``kind`` is ``text``, ``heading`` or ``link`` (a line
    that is all one hyperlink: a related story, never prose)."""

    text: str
    kind: str = "text"


def blocks(body) -> list[Block]:
    """trafilatura's tree as blocks: one per paragraph, list item, heading or line-broken piece."""
    out: list[Block] = []
    for el in body:
        if el.tag == "head":
            out.append(Block(_text(el), "heading"))
        elif el.tag not in ("graphic", "table", "code"):
            for item in el.findall(".//item") if el.tag == "list" else [el]:
                out.extend(_pieces(item))
    return [b for b in out if b.text]


def resplit(raw: list[Block], page: Page) -> list[Block]:
    """Cut blocks that run several of the page's own paragraphs together back into them.

    trafilatura's fallback extractors can return a whole article as one run of text; the
    page's ``<p>`` and heading elements say where its paragraphs begin and end.
    """
    out: list[Block] = []
    for block in raw:
        if len(block.text) < MIN_RUN_CHARS or block.kind != "text":
            out.append(block)
            continue
        key = fold_key(block.text)
        parts = [
            Block(text, "text" if el.tag == "p" else "heading")
            for el in page.visible.iter("p", *_SUBHEADS)
            if len(text := text_of(el)) >= (MIN_PIECE_CHARS if el.tag == "p" else 2)
            and fold_key(text) in key
        ]
        out.extend(parts if sum(p.kind == "text" for p in parts) >= 2 else [block])
    return out


def _text(el) -> str:
    return normalize(" ".join(el.itertext()))


def _pieces(el) -> list[Block]:
    """An element's text cut at its ``<lb/>`` line breaks; a piece that is all link is a link."""
    pieces: list[Block] = []
    current, linked = [el.text or ""], []

    def close() -> None:
        text = normalize("".join(current))
        link = normalize(" ".join(linked))
        pieces.append(Block(text, "link" if link and len(link) >= LINKED_SHARE * len(text) else "text"))

    for child in el:
        if child.tag == "lb":
            close()
            current, linked = [child.tail or ""], []
        else:
            inner = " ".join(child.itertext())
            current += [inner, child.tail or ""]
            if child.tag == "ref":
                linked.append(inner)
            else:
                linked += [" ".join(r.itertext()) for r in child.iter("ref")]
    close()
    return pieces


def not_body_keys(headline: str | None, caption: str | None, credit: str | None) -> set[str]:
    """Comparison keys of the texts that are never body paragraphs."""
    keys = {fold_key(t) for t in (headline, caption, credit) if t}
    if caption and credit:
        keys |= {fold_key(f"{caption} {credit}"), fold_key(f"{caption} ({credit})")}
    return keys


def clean(raw: list[Block], headline: str | None, caption: str | None, credit: str | None) -> Body:
    """Sort blocks into body paragraphs and the headline/byline/date/caption/credit lines among them."""
    body = Body()
    not_body = not_body_keys(headline, caption, credit)
    for i, block in enumerate(raw):
        last, text = i == len(raw) - 1, block.text
        if block.kind == "heading":
            body.dropped.append((text, "duplicate" if fold_key(text) in not_body else "subheading"))
        elif block.kind == "link":
            body.dropped.append((text, "related"))
        elif is_chrome(text) or not re.search(r"[^\W\d_]", text):  # prompts; counters and stray numbers
            body.dropped.append((text, "chrome"))
        elif fold_key(text) in not_body:
            body.dropped.append((text, "duplicate"))
        elif (name := _byline_line(text)) is not None:
            body.byline = body.byline or name
            body.dropped.append((text, "byline"))
        elif is_date_line(text):
            body.dropped.append((text, "date"))
        elif last and (agency := _agency_line(text)):
            body.source = agency
            body.dropped.append((text, "source"))
        elif not last and is_subheading(text):
            body.dropped.append((text, "subheading"))
        else:
            body.paragraphs.append(text)
    return body


def recover_lead(page: Page, body: Body, not_body: set[str]) -> None:
    """Put back paragraphs the extractor skipped just before the first one it kept.

    Looks at what precedes the first kept ``<p>`` in its container, then in up to two
    enclosing ones (a lead often sits in its own box beside the text's), and takes whole
    sentences only; it stops at the first other text (the headline, a byline, a caption).
    """
    if not body.paragraphs:
        return
    start = fold_key(body.paragraphs[0])[:60]
    node = next((el for el in page.visible.iter("p") if fold_key(text_of(el)).startswith(start)), None)
    lead: list[str] = []
    for _ in range(LEAD_LEVELS):
        if node is None:
            break
        found, blocked = _lead_before(node, not_body)
        lead[:0] = found
        if blocked:
            break
        node = node.getparent()
    if lead:
        body.paragraphs[:0] = lead
        body.dropped = [d for d in body.dropped if d[0] not in lead]


def _lead_before(node, not_body: set[str]) -> tuple[list[str], bool]:
    """Lead paragraphs among ``node``'s preceding siblings, and whether other text stopped the search."""
    found: list[str] = []
    for sib in node.itersiblings(preceding=True):
        if not isinstance(sib.tag, str) or sib.tag in _SUBHEADS:
            continue  # a subheading between the lead and the rest does not end the lead
        text = text_of(sib)
        if not text:
            continue  # pictures, empty ad slots
        pieces = [text_of(p) for p in sib.iter("p")] if sib.tag != "p" else [text]
        pieces = [t for t in pieces if t] or [text]
        if sib.tag not in ("p", "div", "section") or not all(_is_lead(t, not_body) for t in pieces):
            return found, True
        found[:0] = pieces
    return found, False


def _is_lead(text: str, not_body: set[str]) -> bool:
    return (
        len(text) >= MIN_LEAD_CHARS and text.endswith(_SENTENCE_END) and fold_key(text) not in not_body
        and not is_chrome(text) and _byline_line(text) is None and not is_date_line(text)
    )


def _byline_line(text: str) -> str | None:
    if len(text.split()) > 8 or text.endswith((".", "!", "?", "؟")) or not BYLINE_LEAD.match(text):
        return None  # "كتبت الصحيفة: …." is a sentence, not a byline
    return clean_byline(text)


def is_date_line(text: str) -> bool:
    """True for a short line that only says when the story was published."""
    words = to_western_digits(text).casefold().split()
    if len(words) > MAX_DATE_LINE_WORDS or not _YEAR.search(to_western_digits(text)):
        return False
    return all(w.strip(".,،:()") in _DATE_WORDS or not re.sub(r"[\d\W]", "", w) for w in words)


def _agency_line(text: str) -> str | None:
    """The agency named by a closing credit line such as ``(بترا)`` or ``-- رويترز``."""
    inner = text.strip(" -–—.")
    bracketed = inner.startswith("(") and inner.endswith(")")
    inner = inner.strip("() ")
    if not inner or len(inner.split()) > 3:
        return None
    return inner if bracketed or fold_key(inner) in _AGENCY_KEYS else None


def is_subheading(text: str) -> bool:
    """A short line that ends no sentence: a subheading between paragraphs, not a paragraph."""
    return (
        len(text.split()) <= MAX_SUBHEADING_WORDS
        and len(text) <= MAX_SUBHEADING_CHARS
        and not text.endswith(_SENTENCE_END)
    )
