"""Post-ready records and the scheduling CSV, checked by the platforms' own rules.

Bluesky records are validated by the ``atproto`` SDK's models and every facet's byte range is
recomputed from the text; every text is measured by the same counters as ``repackage count``.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from atproto import models
from atproto_client.models.utils import get_or_create
from PIL import Image

from repackage.thread import build_threads
from repackage.thread.counting import fits, measure
from repackage.thread.platforms import get_platform

PLATFORMS = ("x", "bluesky", "mastodon", "threads")
BLOB = {"$type": "blob", "ref": {"$link": "bafkreibme22gw2h7y2h7tg2fhqotaqjucnbc24deqo72b6mkl2egezxhvy"},
        "mimeType": "image/png", "size": 1}
SIZES = {"square": (1080, 1080), "landscape": (1600, 900)}


def _cards(slug_dir: Path, article) -> None:
    cards_dir = slug_dir / "cards"
    cards_dir.mkdir(parents=True)
    entries = []
    for i, q in enumerate(article.card_quotes, start=1):
        for size, (w, h) in SIZES.items():
            name = f"quote-{i:02d}-{size}.png"
            Image.new("RGB", (w // 40, h // 40)).save(cards_dir / name)
            entries.append({"file": name, "quote": q.text, "speaker": q.speaker, "size": size,
                            "width": w, "height": h, "quote_index": i,
                            "alt_text": f"بطاقة اقتباس: «{q.text}» — {q.speaker}"})
    (cards_dir / "cards.json").write_text(json.dumps({"cards": entries}, ensure_ascii=False),
                                          "utf-8")


@pytest.fixture(scope="module")
def thread_dir(tmp_path_factory, seed_article):
    slug_dir = tmp_path_factory.mktemp("records") / seed_article.slug
    _cards(slug_dir, seed_article)
    links = {"article": "https://example.org/news/xi", "episode": None}
    build_threads(seed_article, slug_dir, links=links)
    return slug_dir / "thread"


def records(thread_dir: Path, platform: str) -> dict:
    return json.loads((thread_dir / f"{platform}.json").read_text("utf-8"))


@pytest.mark.parametrize("platform", PLATFORMS)
def test_one_record_a_post_in_reply_order_with_files_that_exist(thread_dir, platform):
    data = records(thread_dir, platform)
    drafts = json.loads((thread_dir / "thread.json").read_text("utf-8"))["platforms"][platform]
    assert data["platform"] == platform and data["lang"] == "ar"
    assert len(data["posts"]) == len(drafts["posts"])
    rules = get_platform(platform)
    for i, (entry, draft) in enumerate(zip(data["posts"], drafts["posts"], strict=True), 1):
        assert entry["position"] == i and entry["reply_to"] == (i - 1 if i > 1 else None)
        assert [m["file"] for m in entry["media"]] == [m["file"] for m in draft["media"]]
        assert len(entry["media"]) <= rules.max_images
        for media in entry["media"]:
            assert (thread_dir / media["file"]).is_file(), media["file"]
            alt = next(v for k, v in media.items() if k != "file")
            assert 0 < len(alt) <= rules.alt_limit


def test_bluesky_records_pass_the_sdk_models_and_facets_are_byte_exact(thread_dir):
    posts = records(thread_dir, "bluesky")["posts"]
    tags = links = 0
    for entry in posts:
        record = entry["record"]
        assert record["langs"] == ["ar"] and "createdAt" not in record
        assert fits(record["text"], get_platform("bluesky"))
        raw = record["text"].encode("utf-8")
        for facet in record.get("facets", []):
            start, end = facet["index"]["byteStart"], facet["index"]["byteEnd"]
            span = raw[start:end].decode("utf-8")  # a cut inside a letter fails here
            feature = facet["features"][0]
            if feature["$type"].endswith("#link"):
                assert span == feature["uri"]
                links += 1
            else:
                assert span == "#" + feature["tag"]
                tags += 1
        filled = json.loads(json.dumps(record))
        filled["createdAt"] = "2026-01-01T00:00:00.000Z"
        for image in filled.get("embed", {}).get("images", []):
            image["image"] = BLOB
        model = get_or_create(filled, models.AppBskyFeedPost.Record, strict=True)
        assert isinstance(model, models.AppBskyFeedPost.Record)
        if entry["media"]:
            images = record["embed"]["images"]
            assert [i["alt"] for i in images] == [m["alt"] for m in entry["media"]]
            for image, media in zip(images, entry["media"], strict=True):
                with Image.open(thread_dir / media["file"]) as pic:
                    w, h = image["aspectRatio"]["width"], image["aspectRatio"]["height"]
                    if "cards" in media["file"]:  # stand-ins are drawn at 1/40 scale
                        assert (w // 40, h // 40) == pic.size
                    else:
                        assert (w, h) == pic.size
    assert links >= 2 and tags >= 1  # article link in the hook and at the end, hashtags


def test_mastodon_status_params(thread_dir):
    for entry in records(thread_dir, "mastodon")["posts"]:
        params = entry["params"]
        assert params["language"] == "ar" and params["visibility"] == "public"
        assert fits(params["status"], get_platform("mastodon"))
        assert all(set(m) == {"file", "description"} for m in entry["media"])


def test_mastodon_server_limit_is_kept(tmp_path, seed_article):
    build_threads(seed_article, tmp_path / "s", platforms=["mastodon"], mastodon_limit=200)
    data = json.loads((tmp_path / "s" / "thread" / "mastodon.json").read_text("utf-8"))
    assert data["limit"] == 200
    rules = get_platform("mastodon", mastodon_limit=200)
    assert all(measure(e["params"]["status"], rules).length <= 200 for e in data["posts"])


def test_x_tweet_bodies(thread_dir):
    posts = records(thread_dir, "x")["posts"]
    assert len(posts) <= 8
    for entry in posts:
        assert set(entry["body"]) == {"text"}
        assert measure(entry["body"]["text"], get_platform("x")).length <= 280
        assert all(set(m) == {"file", "alt_text"} and len(m["alt_text"]) <= 1000
                   for m in entry["media"])
    assert sum(1 for e in posts if any("cards/" in m["file"] for m in e["media"])) == 4


def test_threads_containers_match_their_media(thread_dir):
    for entry in records(thread_dir, "threads")["posts"]:
        container = entry["container"]
        assert fits(container["text"], get_platform("threads"))
        n = len(entry["media"])
        expected = "TEXT" if n == 0 else "IMAGE" if n == 1 else "CAROUSEL"
        assert container["media_type"] == expected
        if n == 1:
            assert container["alt_text"] == entry["media"][0]["alt_text"]
            assert "image_url" in container


def test_csv_lists_every_post_of_every_platform(thread_dir):
    raw = (thread_dir / "thread.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets then read the Arabic as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    drafts = json.loads((thread_dir / "thread.json").read_text("utf-8"))["platforms"]
    assert len(rows) == sum(len(d["posts"]) for d in drafts.values())
    for platform, data in drafts.items():
        mine = [r for r in rows if r["platform"] == platform]
        assert [int(r["position"]) for r in mine] == list(range(1, len(data["posts"]) + 1))
        for row, post in zip(mine, data["posts"], strict=True):
            assert row["text"] == post["text"]
            assert row["media_1"] == (post["media"][0]["file"] if post["media"] else "")
            assert row["alt_text_1"] == (post["media"][0]["alt"] if post["media"] else "")
