"""Condensed threads for every real corpus page, on every platform: structure, never chrome.

The pages' ingest keeps improving, so this checks what a thread must be whatever ingest
found: the headline opens it, the links close it, the strongest card quotes ride with their
cards, every other post is a whole sentence of the body, and nothing ingest dropped comes back.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from repackage.text.arabic import fold, normalize
from repackage.thread import build_threads

PLATFORMS = ("x", "bluesky", "mastodon", "threads")
MARKS = "\u200e\u200f\u061c\u2066\u2067\u2068\u2069"


def plain(text: str) -> str:
    return fold("".join(c for c in text if c not in MARKS))


def pages(shared: Path) -> list[Path]:
    found = sorted((shared / "corpus" / "real").glob("*.txt"))
    assert len(found) >= 20, f"the real corpus is missing from {shared}"
    return found


def _cards(slug_dir: Path, article) -> None:
    cards_dir = slug_dir / "cards"
    cards_dir.mkdir(parents=True, exist_ok=True)
    entries = []
    for i, q in enumerate(article.card_quotes, start=1):
        name = f"quote-{i:02d}-square.png"
        (cards_dir / name).write_bytes(b"\x89PNG stand-in")
        entries.append({"file": name, "quote": q.text, "speaker": q.speaker, "size": "square",
                        "quote_index": i, "alt_text": f"بطاقة اقتباس: {q.text}"})
    (cards_dir / "cards.json").write_text(json.dumps({"cards": entries}, ensure_ascii=False),
                                          "utf-8")


@pytest.fixture(scope="module")
def threads(shared_dir, tmp_path_factory):
    from repackage.ingest import load_article

    out = []
    for page in pages(shared_dir):
        article = load_article(page)
        slug_dir = tmp_path_factory.mktemp("real") / article.slug
        _cards(slug_dir, article)
        out.append((page.name, article, build_threads(article, slug_dir)))
    return out


@pytest.mark.parametrize("platform", PLATFORMS)
def test_every_page_gets_a_condensed_thread(threads, platform):
    for name, article, result in threads:
        posts = result["platforms"][platform]["posts"]
        assert 2 <= len(posts) <= 8, name
        assert posts[0]["kind"] == "hook" and posts[-1]["kind"] == "links", name
        first_line = posts[0]["text"].split("\n")[0]
        assert plain(first_line) == plain(normalize(article.title)), name
        assert "[رابط المقال]" in posts[0]["text"] and "[رابط الحلقة]" in posts[-1]["text"]
        for post in posts:
            assert post["length"] <= post["limit"], (name, post["text"])


@pytest.mark.parametrize("platform", PLATFORMS)
def test_card_quotes_ride_with_their_cards(threads, platform):
    for name, article, result in threads:
        posts = result["platforms"][platform]["posts"]
        quoted = [p for p in posts if p["kind"] == "quote"]
        room = 8 - 2
        assert len(quoted) == min(len(article.card_quotes), room), name
        for post in quoted:
            assert post["text"].startswith(("«", "\u200f«")), (name, post["text"])
            assert [m["file"] for m in post["media"]][:1], (name, post["text"])
            assert post["media"][0]["file"].startswith("../cards/quote-")


@pytest.mark.parametrize("platform", PLATFORMS)
def test_facts_are_whole_body_sentences_and_never_what_ingest_dropped(threads, platform):
    facts_seen = 0
    for name, article, result in threads:
        body = plain(" ".join(normalize(p) for p in article.paragraphs))
        kept = plain(" ".join([article.title, *article.paragraphs, article.photo.caption or "",
                               article.photo.credit or ""]))
        # what ingest dropped and did not also keep (a headline printed twice is both)
        dropped = [t for t in (plain(d.text) for d in getattr(article, "dropped", ()))
                   if len(t) > 8 and t not in kept]
        posts = result["platforms"][platform]["posts"]
        for post in posts:
            text = plain(post["text"])
            assert not any(d and d in text for d in dropped), (name, post["text"])
        for post in (p for p in posts if p["kind"] == "fact"):
            facts_seen += 1
            sentence = post["text"].rstrip(" ٠١٢٣٤٥٦٧٨٩0123456789/\u061c").removesuffix(" …")
            assert plain(sentence) in body, (name, post["text"])
            assert len(sentence.split()) >= 6, (name, post["text"])
    assert facts_seen >= len(threads), "most pages should keep a fact or more"
