"""Headline, publisher, publication date and byline of a saved HTML page.

Each field is read from the page's structured markup first (JSON-LD, ``<meta>``, microdata),
then from what the page shows, and checked against what a reader sees: a site name glued to
the title is cut off (and becomes the publisher), an author that exists only in hidden markup
or names the site itself is no byline.
"""

from __future__ import annotations

import re

from repackage.ingest.dates import parse_date
from repackage.ingest.html_page import Page, fold_key, looks_like_url, text_of, title_parts
from repackage.text.arabic import arabic_ratio, normalize

MAX_BYLINE_WORDS = 6
_ISO_DAY = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ]|$)")
_PUBLISHED_META = (
    "article:published_time", "og:published_time", "datepublished", "publish-date",
    "publish_date", "pubdate", "publishdate", "dc.date.issued", "dcterms.created", "dc.date",
    "sailthru.date", "parsely-pub-date", "date",
)
_AUTHORISH = re.compile(r"author|byline|writer|writeby|reporter|kateb|editor-name", re.I)
# "كتب فلان", "بقلم: فلان", "حوار: فلان", "By Name": the word that introduces a byline.
BYLINE_LEAD = re.compile(
    r"^(?:كتب|كتبت|كتبه|كتبها|بقلم|حوار|حاوره|حاورها|إعداد|اعداد|تحرير|تقرير|متابعة|ترجمة|بواسطة|الكاتب|المحرر|By)\s*[:：\-–—/]?\s+(.+)$", re.I
)


def headline(page: Page, extracted: str | None) -> tuple[str | None, str | None]:
    """``(headline, site affix)``: the page title without the site name glued to it."""
    candidates = [extracted] if extracted else []
    candidates += page.meta("og:title", "twitter:title")
    title_el = page.tree.find(".//title")
    if title_el is not None and (t := text_of(title_el)):
        candidates.append(t)
    if not candidates:
        return (page.headings[0] if page.headings else None), None
    title = normalize(candidates[0])
    shown = {fold_key(h) for h in page.titles}
    sites = {fold_key(s) for s in page.site_names}
    cut: list[str] = []
    for _ in range(3):  # "Headline - Section - Site": one affix at a time
        affix = _site_affix(title, sites, shown)
        if affix is None:
            break
        cut.append(affix)
        title = _without(title, affix)
    if cut:
        return title, next((a for a in cut if fold_key(a) in sites), cut[0])
    if fold_key(title) not in shown:
        # the title tag often carries the site name without a separator we know: trust an <h1> it holds
        for h in page.headings:
            if len(fold_key(h)) >= 0.5 * len(fold_key(title)) and fold_key(h) in fold_key(title):
                return h, None
    return title, None


def _site_affix(title: str, sites: set[str], shown: set[str]) -> str | None:
    """The first or last part of ``title`` that is the site's name (or not the shown headline)."""
    parts = title_parts(title)
    if len(parts) < 2:
        return None
    for affix in (parts[-1], parts[0]):
        rest = fold_key(_without(title, affix))
        if fold_key(affix) in sites or (rest in shown and fold_key(affix) not in shown):
            return affix
    return None


def _without(title: str, affix: str) -> str:
    """``title`` with ``affix`` and the separator next to it cut from its start or end."""
    if title.endswith(affix):
        rest = title[: -len(affix)]
    else:
        rest = title[len(affix):]
    return rest.strip(" -|–—»«:•·")


def publisher(page: Page, affix: str | None) -> str | None:
    """The outlet's name as the page prints it: the title's site affix, else its declared name.

    A name in Arabic script comes before a Latin one (``صحيفة اليوم`` over ``alyaum``): it is
    the name readers of the article know, and the one a card in Arabic can carry.
    """
    names = [
        n for n in ([affix] if affix else []) + page.site_names
        if n and not looks_like_url(n) and len(n.split()) <= 8
    ]
    arabic = [n for n in names if arabic_ratio(n) > 0.5]
    return (arabic or names or [None])[0]


def published(page: Page, html: str) -> str | None:
    """Publication day (YYYY-MM-DD): structured markup first, then htmldate's search."""
    for value in _structured_dates(page):
        if day := _day(value):
            return day
    from htmldate import find_date  # imported late: htmldate pulls in dateparser, slow to load

    try:
        found = find_date(html, original_date=True, extensive_search=True, outputformat="%Y-%m-%d")
    except (ValueError, TypeError):
        found = None
    return found


def _structured_dates(page: Page) -> list[str]:
    values: list[str] = []
    for obj in page.json_ld:
        if isinstance(obj.get("datePublished"), str):
            values.append(obj["datePublished"])
    values += page.meta(*_PUBLISHED_META)
    for el in page.tree.iter():
        if not isinstance(el.tag, str):
            continue
        marked = (el.get("itemprop") or "").lower() == "datepublished" or (
            el.get("property") or ""
        ).lower() in ("dc:date", "dc:created", "dcterms:created")
        if marked or (el.tag == "time" and (
            el.get("pubdate") is not None or "publish" in (el.get("class") or "").lower()
        )):
            values += [v for v in (el.get("content"), el.get("datetime"), text_of(el)) if v]
    return values


def _day(value: str) -> str | None:
    if m := _ISO_DAY.match(value):
        return parse_date(m.group(1))
    return parse_date(value)


def byline(
    page: Page, extracted: str | None, site: str | None, body_start: str | None,
    fallback: str | None = None,
) -> str | None:
    """The visible byline: the extractor's author when a reader sees it, else ``fallback`` (a
    byline line found in the text), else an element marked as the author before the lead."""
    not_people = {fold_key(n) for n in page.site_names + ([site] if site else [])}
    for name in re.split(r"\s*[;؛]\s*", extracted or ""):
        if (clean := clean_byline(name)) and page.shows(clean) and not _is_site(clean, not_people):
            return clean
    if fallback:
        return fallback
    for el in _marked_authors(page, body_start):
        if (clean := clean_byline(text_of(el))) and not _is_site(clean, not_people):
            return clean
    return None


def _is_site(name: str, sites: set[str]) -> bool:
    key = fold_key(name)
    return key in sites or any(key and (key in s or s in key) for s in sites if len(s) > 3)


def _marked_authors(page: Page, body_start: str | None) -> list:
    """Visible elements marked as author/byline that come before the article's first paragraph."""
    found = []
    start_key = fold_key(body_start or "")[:40]
    for el in page.visible.iter():
        if not isinstance(el.tag, str):
            continue
        if start_key and el.text and start_key in fold_key(el.text):
            break  # past the lead: author boxes further down belong to other stories
        marks = " ".join(el.get(a) or "" for a in ("class", "id", "itemprop", "rel"))
        if _AUTHORISH.search(marks) and 0 < len(text_of(el)) <= 80:
            found.append(el)
    return found


def clean_byline(text: str) -> str | None:
    """A person's name from a byline line: lead word and dateline city dropped; None if not a name."""
    text = normalize(text).strip(" .،,:|")
    if m := BYLINE_LEAD.match(text):
        text = m.group(1)
    text = re.split(r"\s+[-–—|/]\s+", text)[0].strip(" .،,:|")  # "Name - City"
    words = text.split()
    if len(words) < 2 or len(words) > MAX_BYLINE_WORDS or any(ch.isdigit() for ch in text) or looks_like_url(text):
        return None
    return text
