"""The lead photo of a saved HTML page: its caption and its credit.

The lead photo is the ``<img>`` showing the page's ``og:image`` (else the first picture inside
the article markup). Its caption is, in order: the ``<figcaption>`` of its ``<figure>``, a
caption attribute on the image, a nearby element marked as a caption or credit, the short text
that sits beside it in its own box, and last its alt/title text or ``og:image:alt``. Text that
only repeats the headline is no caption. The credit is split off with ``credits.split_credit``.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from repackage.ingest.credits import split_credit, tidy_credit
from repackage.ingest.html_page import Page, fold_key, text_of

MAX_CAPTION_CHARS = 300
MIN_ALT_WORDS = 3
_CAPTION_MARK = re.compile(r"caption|(?:^|[-_\s])cap(?:$|[-_\s])|legend|wp-caption-text|photo-?desc", re.I)
_CREDIT_MARK = re.compile(r"credit|photographer|copyright|(?:^|[-_])copy(?:$|[-_\s])", re.I)
_CAPTION_ATTRS = ("caption", "data-caption", "data-title")
_SRC_ATTRS = ("src", "data-src", "data-original", "data-lazy-src")
_RESIZED = re.compile(r"(?:[-_@]\d+x\d*)?(?:\.[a-z0-9]{2,5})+$")
_ARTICLE = ".//article | .//*[@itemprop='articleBody'] | .//*[@itemprop='image']"


def lead_caption(page: Page, headline: str | None) -> tuple[str | None, str | None]:
    """``(caption, credit)`` of the lead photo; ``(None, None)`` when the page shows none."""
    img, declared = _lead_image(page)
    if img is None:
        return None, None
    head = fold_key(headline or "")
    summaries = [fold_key(d).rstrip(".…") for d in page.meta("description", "og:description")]
    credit = _marked_credit(img)
    for text, shown in _caption_candidates(page, img):
        key = fold_key(text)
        if not key or key == head or len(text) > MAX_CAPTION_CHARS or _summary(key, summaries):
            continue
        if not shown and (not declared or key in head or len(key.split()) < MIN_ALT_WORDS):
            # alt text labels a picture (a keyword, a piece of the headline); it captions only
            # the photo the page declares as its own
            continue
        caption, split = split_credit(text)
        if fold_key(caption) == head:
            continue  # the headline beside the picture, with the credit under it
        return caption or None, split or credit
    return None, credit


def _lead_image(page: Page):
    """``(img, declared)``: the picture of og:image or the one marked ``itemprop`` image or
    associatedMedia (declared), or the article's first one."""
    images = [el for el in page.visible.iter("img")]
    wanted = {_file_name(u) for u in page.meta("og:image", "twitter:image", "og:image:url")} - {""}
    if wanted:
        for img in images:
            if any(_file_name(img.get(a) or "") in wanted for a in _SRC_ATTRS):
                return img, True
    for img in images:  # the picture the markup names as the article's own
        if (img.get("itemprop") or "").lower() in ("image", "associatedmedia"):
            return img, True
    for container in page.visible.xpath(_ARTICLE):
        found = container if container.tag == "img" else container.find(".//img")
        if found is not None:
            return found, False
    return None, False


def _summary(key: str, summaries: list[str]) -> bool:
    """True when the text is the page's description (a summary printed beside the photo)."""
    return any(key == d or (len(d) > 40 and key.startswith(d[:80])) for d in summaries if d)


def _file_name(url: str) -> str:
    """A picture's file name without the size and format a CDN or CMS adds (-750x375, .jpg)."""
    name = unquote(urlsplit(url.strip()).path.rsplit("/", 1)[-1]).lower()
    return _RESIZED.sub("", name)


def _caption_candidates(page: Page, img):
    """``(text, shown)`` pairs, best first; ``shown`` is False for text only markup carries."""
    for figure in img.iterancestors("figure"):
        if (cap := figure.find(".//figcaption")) is not None:
            yield text_of(cap), True
        break
    for attr in _CAPTION_ATTRS:
        yield (img.get(attr) or "").strip(), True
    box = img
    for _ in range(3):
        box = box.getparent()
        if box is None:
            break
        for el in box.iter():
            if el is not img and isinstance(el.tag, str) and _CAPTION_MARK.search(_marks(el)):
                yield text_of(el), True
        if text := _beside(box, img):
            yield text, True
            break
    for attr in ("alt", "title"):
        yield (img.get(attr) or "").strip(), False
    for alt in page.meta("og:image:alt", "twitter:image:alt"):
        yield alt, False


def _beside(box, img) -> str:
    """The text of the picture's own box, when that box holds only the picture and a short line."""
    if box.xpath(".//p[string-length(normalize-space()) > 300]") or len(box.findall(".//img")) > 1:
        return ""
    return text_of(box) if img in box.iter("img") else ""


def _marked_credit(img) -> str | None:
    box = img.getparent()
    for _ in range(2):
        if box is None:
            return None
        for el in box.iter():
            if isinstance(el.tag, str) and _CREDIT_MARK.search(_marks(el)) and (t := text_of(el)):
                return tidy_credit(t)
        box = box.getparent()
    return None


def _marks(el) -> str:
    return " ".join(el.get(a) or "" for a in ("class", "id", "itemprop"))
