"""Read a saved HTML page (as a browser or crawler stores it) into article fields.

trafilatura finds the article's main text; this module adds what it leaves out or gets wrong
on news pages: the headline without the site name, the publisher, the day from the page's
own markup (htmldate where there is none), the byline a reader sees, the lead photo's caption
and credit, and body paragraphs without the lines that are not paragraphs (see html_body).
Only this module's ``looks_like_html`` is cheap to import; the parsers load on first use.
"""

from __future__ import annotations

import re

from repackage.errors import InputError
from repackage.ingest.raw import RawFields
from repackage.model import Dropped
from repackage.text.arabic import has_presentation_forms

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MIN_PRECISE_CHARS = 200
_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)


def looks_like_html(text: str, suffix: str = "") -> bool:
    """True for a file named .html/.htm or whose text opens as an HTML document."""
    return suffix.lower() in HTML_SUFFIXES or bool(_HTML_START.match(text[:4096]))


def parse_html(text: str, name: str) -> RawFields:
    """Extract headline, byline, date, publisher, caption/credit and body paragraphs from a page.

    Raises InputError when the page holds no article text.
    """
    from repackage.ingest import html_body, html_figure, html_meta, html_standfirst
    from repackage.ingest.html_page import Page

    page = Page(text)
    try:
        doc = _extract(text)
        if _chars(doc) < MIN_PRECISE_CHARS:  # little or nothing found: let the extractor reach further
            wider = _extract(text, favor_recall=True)
            doc = wider if _chars(wider) > _chars(doc) else doc
    except Exception as exc:  # noqa: BLE001 - a third-party parser on arbitrary markup: any failure is bad input
        raise InputError(f"{name}: cannot read the HTML page ({type(exc).__name__})") from None
    if doc is None or doc.body is None or not len(doc.body):
        raise InputError(f"{name}: no article text found in the HTML page")
    title, affix = html_meta.headline(page, doc.title)
    caption, credit = html_figure.lead_caption(page, title)
    body = html_body.clean(html_body.resplit(html_body.blocks(doc.body), page), title, caption, credit)
    html_body.recover_lead(page, body, html_body.not_body_keys(title, caption, credit))
    site = html_meta.publisher(page, affix)
    lead = body.paragraphs[0] if body.paragraphs else None
    fields = RawFields(
        title=title,
        byline=html_meta.byline(page, doc.author, site, lead, fallback=body.byline),
        published=html_meta.published(page, text),
        source=body.source,
        publisher=site,
        url=_url(page),
        caption=caption,
        credit=credit,
        paragraphs=body.paragraphs,
        dropped=[Dropped(text=line, why=why) for line, why in body.dropped],
    )
    if summary := html_standfirst.standfirst(page, title, body.paragraphs):
        fields.dropped.insert(0, Dropped(text=summary, why="standfirst"))
    if has_presentation_forms(" ".join([title or "", caption or "", *body.paragraphs])):
        raise InputError(
            f"{name}: holds Arabic shaped for display (presentation forms); store the logical text"
        )
    return fields


def _extract(text: str, favor_recall: bool = False):
    """trafilatura's main text and metadata (its tree keeps paragraphs and line breaks)."""
    import trafilatura

    return trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_images=True,
        include_tables=False, include_formatting=False, include_links=True, deduplicate=False,
        favor_recall=favor_recall,
    )


def _chars(doc) -> int:
    return len(doc.text or "") if doc is not None and doc.body is not None else 0


def _url(page) -> str | None:
    for el in page.tree.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and (href := (el.get("href") or "").strip()):
            return href
    urls = page.meta("og:url")
    return urls[0] if urls else None
