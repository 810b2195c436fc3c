"""The standfirst of a saved HTML page: the line under the headline that sums up the story.

Main-text extractors leave it out (it is neither headline nor body), yet interviews and
features put their pull quotes there. News templates mark it by class or id (``subtitle``,
``standfirst``, ``dek``, ``strapline``, ``excerpt``, ``summary``, ``chapo``); the first
visible such element whose text is a line of its own, not the headline and not a body
paragraph, is the standfirst.
"""

from __future__ import annotations

import re

from repackage.ingest.html_page import Page, fold_key, text_of

_MARKED = re.compile(
    r"(?:^|[-_\s])(?:sub-?title|subhead(?:line)?|standfirst|dek|deck|strap(?:line)?|excerpt|"
    r"summary|chapo|teaser|intro-?text|article-?lead)(?:$|[-_\s])", re.I)
_NOT_ARTICLE = re.compile(r"(?:^|[-_\s])(?:nav|menu|footer|sidebar|widget|related|comment)", re.I)
MIN_CHARS = 25
MAX_CHARS = 400


def standfirst(page: Page, title: str | None, paragraphs: list[str]) -> str | None:
    """The page's standfirst, or None."""
    taken = {fold_key(t) for t in [title or "", *paragraphs] if t}
    for el in page.visible.iter():
        if not isinstance(el.tag, str):
            continue
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        if not _MARKED.search(marks) or _inside_chrome(el):
            continue
        text = text_of(el)
        if not MIN_CHARS <= len(text) <= MAX_CHARS or fold_key(text) in taken:
            continue
        if any(fold_key(p).startswith(fold_key(text)) for p in paragraphs[:2]):
            continue  # the lead paragraph itself, marked as the article's intro
        if sum(len(text_of(a)) for a in el.iter("a")) > len(text) / 2:
            continue  # a list of links (related stories), not a line of the story
        return text
    return None


def _inside_chrome(el) -> bool:
    for parent in el.iterancestors():
        if parent.tag in ("nav", "footer", "aside"):
            return True
        if _NOT_ARTICLE.search(f"{parent.get('class') or ''} {parent.get('id') or ''}"):
            return True
    return False
