"""Threads for the seed article on every platform, checked the way a social editor would."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from bidi.algorithm import get_display

from repackage.text.arabic import normalize
from repackage.thread import build_threads
from repackage.thread.markdown import parse

PLATFORMS = ("x", "bluesky", "mastodon", "threads")
LIMITS = {"x": 280, "bluesky": 300, "mastodon": 500, "threads": 500}
MARKS = "\u200e\u200f\u061c\u2066\u2067\u2068\u2069"
URL = re.compile(r"https?://\S+")


# --- independent counts (written from the platforms' published rules, not the library) ----

def x_weight(text: str, config: dict) -> int:
    """twitter-text v3 for text without emoji: URLs 23, else 1 inside the ranges, 2 outside."""
    text = unicodedata.normalize("NFC", text)
    total = 0
    for piece in URL.split(text):
        for ch in piece:
            cp = ord(ch)
            inside = any(r["start"] <= cp <= r["end"] for r in config["ranges"])
            total += r_weight(inside, config)
    return total + 23 * len(URL.findall(text))


def r_weight(inside: bool, config: dict) -> int:
    return (100 if inside else config["defaultWeight"]) // config["scale"]


def independent_length(platform: str, text: str, config: dict) -> int:
    if platform == "x":
        return x_weight(text, config)
    if platform == "mastodon":
        return len(URL.sub("x" * 23, text))
    # Bluesky graphemes and Threads characters: code points are never fewer, so this is stricter
    return len(text)


def plain(text: str) -> str:
    return " ".join("".join(c for c in text if c not in MARKS).split())


# --- the build ----------------------------------------------------------------------------

def _fake_cards(slug_dir: Path, article) -> dict:
    """A cards.json shaped like the cards stage's, drawn over the photo with its credit."""
    cards_dir = slug_dir / "cards"
    cards_dir.mkdir(parents=True)
    entries = []
    credit = article.photo.credit
    for i, q in enumerate(article.card_quotes, start=1):
        for size in ("square", "landscape"):
            name = f"quote-{i:02d}-{size}.png"
            (cards_dir / name).write_bytes(b"\x89PNG stand-in")
            entries.append({"file": name, "quote": q.text, "speaker": q.speaker, "size": size,
                            "credit": credit, "quote_index": i,
                            "alt_text": f"بطاقة اقتباس: «{q.text}» — {q.speaker}"})
    data = {"photo": article.photo.file, "credit": credit, "cards": entries}
    (cards_dir / "cards.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return data


@pytest.fixture(scope="module", params=[("none", False), ("arabic", False),
                                        ("western", False), ("arabic", True)],
                ids=["condensed", "condensed-arabic", "condensed-western", "full-arabic"])
def built(request, tmp_path_factory, seed_article):
    numbering, full = request.param
    slug_dir = tmp_path_factory.mktemp(numbering) / seed_article.slug
    _fake_cards(slug_dir, seed_article)
    result = build_threads(seed_article, slug_dir, numbering=numbering, full=full)
    return numbering, slug_dir, result, full


@pytest.fixture(scope="module")
def config(conformance_dir):
    return json.loads((conformance_dir / "twitter-text-config-v3.json").read_text("utf-8"))


def test_all_four_platforms_written(built):
    _, slug_dir, result, _ = built
    assert set(result["platforms"]) == set(PLATFORMS)
    on_disk = json.loads((slug_dir / "thread" / "thread.json").read_text("utf-8"))
    assert on_disk == result
    for name in PLATFORMS:
        assert (slug_dir / "thread" / f"{name}.md").stat().st_size > 0
    assert result["placeholders"] == ["article", "episode"]


@pytest.mark.parametrize("platform", PLATFORMS)
def test_every_post_within_limit_by_independent_count(built, platform, config):
    posts = built[2]["platforms"][platform]["posts"]
    assert len(posts) >= 5
    for i, post in enumerate(posts, start=1):
        assert post["limit"] == LIMITS[platform]
        assert not any(unicodedata.category(c) == "So" for c in post["text"]), "no emoji expected"
        n = independent_length(platform, post["text"], config)
        assert n <= LIMITS[platform], f"post {i} is {n}/{LIMITS[platform]}"
        if platform == "bluesky":
            assert len(post["text"].encode("utf-8")) <= 3000
        assert post["length"] <= post["limit"]
        assert len(post["media"]) <= 4


@pytest.mark.parametrize("platform", PLATFORMS)
def test_headline_photo_and_credit_open_the_thread(built, platform, seed_expected,
                                                    seed_article):
    posts = built[2]["platforms"][platform]["posts"]
    hook = posts[0]
    assert plain(seed_expected["title"]) in plain(hook["text"])
    assert plain(seed_expected["photo_credit"]) in plain(hook["text"])
    assert hook["media"] and hook["media"][0]["file"] == "photo.jpg"
    assert plain(hook["media"][0]["alt"]) == plain(seed_expected["photo_caption"])
    tagged = hook["text"] if built[3] else hook["text"] + posts[-1]["text"]
    assert "#شي_جين_بينغ" in tagged
    if not built[3]:  # the condensed hook also carries the lead and the article link
        assert plain(seed_article.paragraphs[0]) in plain(hook["text"])
        assert "[رابط المقال]" in hook["text"]
    copied = built[1] / "thread" / "photo.jpg"
    assert copied.read_bytes() == Path(seed_article.photo.file).read_bytes()


@pytest.mark.parametrize("platform", PLATFORMS)
def test_every_card_quote_is_intact_with_speaker_and_card(built, platform, seed_expected):
    posts = built[2]["platforms"][platform]["posts"]
    slug_dir = built[1]
    for i, quote in enumerate(seed_expected["card_worthy_quotes"], start=1):
        holding = [p for p in posts if plain(quote["text"]) in plain(p["text"])]
        assert len(holding) == 1, f"quote {i} should be in exactly one post"
        post = holding[0]
        assert f"«{plain(quote['text'])}»" in plain(post["text"])
        assert quote["speaker"] in post["text"]
        files = [m["file"] for m in post["media"]]
        size = "landscape" if platform == "x" else "square"
        assert files == [f"../cards/quote-{i:02d}-{size}.png"]
        assert (slug_dir / "thread" / files[0]).resolve().is_file()
        assert quote["speaker"] in post["media"][0]["alt"]


@pytest.mark.parametrize("platform", PLATFORMS)
def test_story_follows_the_article_order(built, platform, seed_article):
    if not built[3]:
        _condensed_posts_follow_the_article(built[2]["platforms"][platform]["posts"],
                                            seed_article)
        return
    whole = plain(" ".join(p["text"] for p in built[2]["platforms"][platform]["posts"]))
    pos = 0
    for paragraph in seed_article.paragraphs:
        # the opening words, past any quote that was re-marked
        words = [w for w in normalize(paragraph).split() if not re.search(r"[\"«»“”]", w)][:4]
        probe = " ".join(words[:2])
        found = whole.find(probe, pos)
        assert found >= 0, f"paragraph starting {paragraph[:30]!r} missing or out of order"
        pos = found


@pytest.mark.parametrize("platform", PLATFORMS)
def test_no_line_lays_out_left_to_right(built, platform):
    for post in built[2]["platforms"][platform]["posts"]:
        for line in post["text"].split("\n"):
            if not line.strip():
                continue
            strong = next(unicodedata.bidirectional(c) for c in line
                          if unicodedata.bidirectional(c) in ("L", "R", "AL"))
            assert strong in ("R", "AL"), line
            first = line.lstrip()[0]
            assert not first.isdigit() and unicodedata.bidirectional(first) != "L"


@pytest.mark.parametrize("platform", PLATFORMS)
def test_marks_and_commas_never_touch_links_or_tags(built, platform):
    for post in built[2]["platforms"][platform]["posts"]:
        for token in re.findall(r"\S*(?:https?://|#)\S*", post["text"]):
            core = token.lstrip("(«")
            assert not any(c in MARKS + "،" for c in core), repr(token)
        for m in re.finditer("#", post["text"]):
            assert m.start() == 0 or post["text"][m.start() - 1] in " \n", "space before #"


@pytest.mark.parametrize("platform", PLATFORMS)
def test_numbering_and_closing_links(built, platform):
    numbering, _, result, _ = built
    posts = result["platforms"][platform]["posts"]
    last = plain(posts[-1]["text"])
    assert "[رابط المقال]" in last and "[رابط الحلقة]" in last
    total = len(posts)
    digits = {"western": "0123456789", "arabic": "٠١٢٣٤٥٦٧٨٩"}
    for i, post in enumerate(posts, start=1):
        if numbering == "none":
            assert not re.search(r"\d+/\d+$", post["text"])
            continue
        expected = f"{i}/{total}".translate(str.maketrans("0123456789", digits[numbering]))
        # counter last, after a space and an ALM so it lands at the left end of the line
        assert post["text"].endswith(f" \u061c{expected}")
        shown = get_display(post["text"].split("\n")[-1], base_dir="R")
        assert shown.lstrip(MARKS).startswith(expected), shown


@pytest.mark.parametrize("platform", PLATFORMS)
def test_markdown_reads_back_to_the_same_posts(built, platform):
    slug_dir, result = built[1], built[2]
    draft = parse((slug_dir / "thread" / f"{platform}.md").read_text("utf-8"))
    assert draft.platform == platform and draft.limit == LIMITS[platform]
    posts = result["platforms"][platform]["posts"]
    assert [p.text for p in draft.posts] == [p["text"] for p in posts]
    assert [list(p.media) for p in draft.posts] == [
        [(m["file"], " ".join(m["alt"].split())) for m in p["media"]] for p in posts]


def test_links_from_options_replace_placeholders(tmp_path, seed_article):
    links = {"article": "https://example.org/news/xi-tajikistan",
             "episode": "https://example.org/podcast/ep-12"}
    result = build_threads(seed_article, tmp_path / "s", platforms=["x", "mastodon"],
                           links=links, numbering="arabic")
    assert "placeholders" not in result
    for name in ("x", "mastodon"):
        last = result["platforms"][name]["posts"][-1]["text"]
        assert links["article"] in last and links["episode"] in last
        assert "[" not in last
        # URL, space, ALM, counter: the counter never glued to the URL
        assert re.search(r"ep-12 \u061c[٠-٩]+/[٠-٩]+$", last)
        # displayed right-to-left, the counter is at the far left, clear of the URL
        assert re.match(r"[٠-٩]+/[٠-٩]+\u061c https://example.org/podcast/ep-12 :",
                        get_display(last.split("\n")[-1], base_dir="R"))
    assert set(result["platforms"]) == {"x", "mastodon"}
    # without cards.json there are no card images
    assert all(not p["media"] for p in result["platforms"]["x"]["posts"][1:])


def _condensed_posts_follow_the_article(posts, article):
    """Every post between hook and links says the article's words, in the article's order."""
    body = plain(" ".join(normalize(p) for p in article.paragraphs))
    pos = -1
    assert 2 + 4 <= len(posts) <= 8
    assert posts[0]["kind"] == "hook" and posts[-1]["kind"] == "links"
    for post in posts[1:-1]:
        lines = plain(post["text"]).split("\n") if "\n" in post["text"] else [plain(post["text"])]
        first = plain(post["text"].split("\n")[0]).strip("«»").rstrip(" …").rstrip("…")
        probe = " ".join(first.split()[:5])
        found = body.find(probe)
        assert found >= 0, f"post {first[:40]!r} is not the article's words"
        assert found > pos, f"post {first[:40]!r} out of the article's order"
        pos = found
        assert post["kind"] in ("quote", "fact"), lines
