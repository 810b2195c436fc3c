"""A saved HTML page parsed once with lxml, with what the other HTML readers share.

``Page`` keeps the whole tree (for ``<meta>`` and JSON-LD) and a copy with everything a
reader never sees removed (scripts, styles, ``display:none`` blocks), so that a name found
only in hidden markup is not taken for a byline.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from functools import cached_property

import lxml.html
from lxml import etree

from repackage.text.arabic import normalize

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "head", "iframe", "svg")
_SEPARATORS = re.compile(r"\s+(?:[-|–—»«:•·]|::|\|\|)\s+")
_URLISH = re.compile(r"://|^www\.|\.(?:com|net|org|info|news|tv|co|me|ae|sa|eg|jo|lb|tn|ma|dz|iq|qa|kw)\b/?$", re.I)


def text_of(el) -> str:
    """An element's visible text, whitespace folded (NBSP included)."""
    return normalize(" ".join(el.itertext()))


def fold_key(text: str) -> str:
    """A comparison key: whitespace folded, punctuation at the ends dropped."""
    return normalize(text).strip(" .،,:؛;-–—|»«\"'“”").casefold()


def looks_like_url(text: str) -> bool:
    """True for a web address, a bare domain or a piece of one (not a name as readers see it)."""
    words = text.strip().casefold().split()
    return bool(_URLISH.search(text.strip())) or any(w in ("http", "https", "www") for w in words)


def title_parts(title: str) -> list[str]:
    """A page title cut at the separators sites put between headline and site name."""
    return [p.strip() for p in _SEPARATORS.split(title) if p.strip()]


@dataclass
class Page:
    """One saved page: its tree, its visible tree, and its metadata lookups."""

    html: str
    tree: etree._Element = field(init=False)

    def __post_init__(self) -> None:
        try:
            self.tree = lxml.html.document_fromstring(_XML_DECL.sub("", self.html))
        except (etree.ParserError, ValueError):  # nothing but a doctype or whitespace
            self.tree = lxml.html.document_fromstring("<html><body></body></html>")

    @cached_property
    def visible(self) -> etree._Element:
        """A copy of the tree without what a browser would not show."""
        tree = copy.deepcopy(self.tree)
        doomed = [
            el for el in tree.iter()
            if isinstance(el.tag, str) and (
                el.tag in _INVISIBLE_TAGS
                or el.get("hidden") is not None
                or _HIDDEN_STYLE.search(el.get("style") or "")
            )
        ]
        doomed += list(tree.iter(etree.Comment))
        for el in doomed:
            if el.getparent() is not None:
                el.drop_tree()
        return tree

    @cached_property
    def visible_text(self) -> str:
        """All visible text of the page, folded for searching."""
        return fold_key(" ".join(self.visible.itertext()))

    def shows(self, text: str) -> bool:
        """True when ``text`` is printed somewhere a reader sees it."""
        key = fold_key(text)
        return bool(key) and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", self.visible_text) is not None

    def meta(self, *names: str) -> list[str]:
        """Contents of ``<meta>`` tags whose name, property or itemprop is one of ``names``."""
        wanted = {n.lower() for n in names}
        found = []
        for el in self.tree.iter("meta"):
            key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
            if key in wanted and (content := normalize(el.get("content") or "")):
                found.append(content)
        return found

    @cached_property
    def json_ld(self) -> list[dict]:
        """Every JSON-LD object on the page, ``@graph`` members and lists flattened."""
        objects: list[dict] = []

        def walk(node) -> None:
            if isinstance(node, list):
                for item in node:
                    walk(item)
            elif isinstance(node, dict):
                objects.append(node)
                walk(node.get("@graph"))

        for el in self.tree.iter("script"):
            if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
                continue
            try:
                walk(json.loads(el.text, strict=False))
            except ValueError:
                continue  # sites ship broken JSON-LD often enough; the other sources remain
        return objects

    @cached_property
    def headings(self) -> list[str]:
        """Visible ``<h1>`` texts in page order."""
        return [t for el in self.visible.iter("h1") if (t := text_of(el))]

    @cached_property
    def titles(self) -> list[str]:
        """Visible ``<h1>``–``<h3>`` texts: where a page may print its headline."""
        return [t for el in self.visible.iter("h1", "h2", "h3") if (t := text_of(el))]

    @cached_property
    def site_names(self) -> list[str]:
        """Names the page gives itself (og:site_name, a publisher in microdata or JSON-LD, application-name)."""
        names = self.meta("og:site_name", "publisher", "application-name", "apple-mobile-web-app-title")
        for obj in self.json_ld:
            pub = obj.get("publisher")
            if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                names.append(normalize(pub["name"]))
            if obj.get("@type") in ("Organization", "NewsMediaOrganization", "WebSite") and isinstance(
                obj.get("name"), str
            ):
                names.append(normalize(obj["name"]))
        return [n for n in dict.fromkeys(names) if n]
