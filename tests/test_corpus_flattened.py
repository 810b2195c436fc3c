"""The plain-text reader on other sites: the saved HTML pages flattened to lines.

A scraper that keeps only text writes one line per block of the page. Flattening the pages of
../shared/corpus/html that way gives seven more sites the text reader was not built on; their
keys say what the headline, body (first words and count), caption, credit and byline are.
"""

from __future__ import annotations

import json
import re
import sys

import pytest
from conftest import CORPUS, ROOT

sys.path.insert(0, str(ROOT / "bench"))
from extraction_score import fold, score_page  # noqa: E402

HTML = CORPUS / "html"
# Page 10 stores its Arabic in presentation forms, which ingest refuses by design.
PAGES = sorted(p.name for p in HTML.glob("*.html") if not p.name.startswith("10-")) \
    if HTML.is_dir() else []
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "td", "tr",
           "table", "article", "section", "header", "footer", "nav", "aside", "blockquote", "ul",
           "ol", "main", "form", "figure", "br", "dd", "dt"}


def flatten(html: bytes) -> str:
    """The page's text, one block a line and a blank line between, as text scrapers save it."""
    import lxml.html

    doc = lxml.html.fromstring(html)
    for node in doc.xpath("//script|//style|//noscript|//head|//svg|//iframe"):
        node.drop_tree()
    lines: list[str] = []

    def walk(el) -> None:
        buf: list[str] = []

        def flush() -> None:
            text = re.sub(r"\s+", " ", "".join(buf)).strip()
            if text:
                lines.append(text)
            buf.clear()

        buf.append(el.text or "")
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _BLOCKS:
                flush()
                walk(child)
            elif tag:
                buf.append(child.text_content())
            buf.append(child.tail or "")
        flush()

    walk(doc.body if doc.body is not None else doc)
    return "\n\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    from repackage.ingest import ingest_bytes

    if len(PAGES) < 6:
        pytest.fail(f"expected the saved pages of {HTML}; found {len(PAGES)}")
    out = {}
    folder = tmp_path_factory.mktemp("flat")
    for name in PAGES:
        key = json.loads((HTML / name).with_suffix(".expected.json").read_text("utf-8"))
        text = flatten((HTML / name).read_bytes())
        path = folder / (name[:-5] + ".txt")
        path.write_text(text, "utf-8")
        out[name] = (ingest_bytes(text.encode("utf-8"), path), key)
    return out


@pytest.mark.parametrize("name", PAGES)
def test_headline_and_body(pages, name):
    article, key = pages[name]
    score = score_page(name, article, key)
    assert score.headline_ok, article.title
    assert score.body_exact, [p[:40] for p in article.paragraphs]


@pytest.mark.parametrize("name", PAGES)
def test_caption_credit_byline(pages, name):
    article, key = pages[name]
    assert fold(article.photo.caption) == fold(key["photo_caption"])
    assert fold(article.photo.credit) == fold(key["photo_credit"])
    assert fold(article.byline) == fold(key["byline"])
