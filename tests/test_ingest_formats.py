"""Markdown, JSON, encodings, photos beside the article, slugs, and the stored round trip."""

from __future__ import annotations

import json

import pytest

from repackage.errors import InputError
from repackage.ingest import ingest_bytes, load_article, store
from repackage.ingest.slug import slug_for, slugify

BODY = [
    "أعلنت البلدية اليوم افتتاح مكتبة عامة جديدة في وسط المدينة بعد عامين من العمل.",
    'وقالت مديرة المكتبة سلمى يوسف: "نريد أن تكون المكتبة بيتا ثانيا لكل قارئ في المدينة".',
]


def test_markdown_with_front_matter(tmp_path):
    (tmp_path / "lead.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    md = tmp_path / "library.md"
    md.write_text(
        "---\ntitle: مكتبة جديدة في وسط المدينة\nbyline: ليلى حسن\npublished: 5 مارس 2025\n"
        "source: وكالة محلية\nurl: https://example.org/library\nphoto: lead.png\n"
        "photo_caption: واجهة المكتبة الجديدة. تصوير: رامي سعد\n---\n\n"
        + "\n\n".join(BODY) + "\n",
        encoding="utf-8",
    )
    article = load_article(md)
    assert article.title == "مكتبة جديدة في وسط المدينة"
    assert article.byline == "ليلى حسن"
    assert article.published == "2025-03-05"
    assert article.source == "وكالة محلية"
    assert article.url == "https://example.org/library"
    assert article.photo.file == str((tmp_path / "lead.png").resolve())
    assert article.photo.credit == "رامي سعد"
    assert article.paragraphs == tuple(BODY)
    assert article.input.format == "markdown"
    (quote,) = article.card_quotes
    assert quote.speaker == "سلمى يوسف"
    assert quote.role == "مديرة المكتبة"


def test_markdown_heading_is_title_and_markup_is_dropped(tmp_path):
    md = tmp_path / "a.md"
    md.write_text("# عنوان الخبر\n\n" + BODY[0].replace("مكتبة", "**مكتبة**", 1)
                  + " [المزيد](https://x.y)\n", encoding="utf-8")
    article = load_article(md)
    assert article.title == "عنوان الخبر"
    assert "**" not in article.paragraphs[0]
    assert "https://x.y" not in article.paragraphs[0]


def test_json_input_keeps_given_quotes(tmp_path):
    path = tmp_path / "a.json"
    quotes = [{"text": "نص مختار بعناية من المحرر", "speaker": "سلمى يوسف", "paragraph": 1}]
    path.write_text(json.dumps({"title": "عنوان", "paragraphs": BODY, "quotes": quotes}), "utf-8")
    article = load_article(path)
    assert [q.text for q in article.quotes] == ["نص مختار بعناية من المحرر"]
    assert article.input.format == "json"


def test_json_input_without_quotes_extracts_them(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"title": "عنوان", "paragraphs": BODY}), "utf-8")
    assert load_article(path).card_quotes[0].speaker == "سلمى يوسف"


@pytest.mark.parametrize(
    "payload, reason",
    [
        ("[1, 2]", "must be an object"),
        ('{"title": "x"}', "paragraphs"),
        ('{"title": "x", "paragraphs": ["' + BODY[0] + '"], "quotes": [{"text": "a", "paragraph": 9}]}',
         "paragraph 9"),
        ('{"title": "x", "paragraphs": ["' + BODY[0] + '"], "quotes": [{"text": "a", "location": "footer"}]}',
         "location must be one of"),
        ('{"title": "x", "paragraphs": ["' + BODY[0] + '"], '
         '"quotes": [{"text": "a", "location": "headline", "paragraph": 0}]}',
         "headline quote has no paragraph"),
        ("{not json", "not valid JSON"),
    ],
)
def test_bad_json(tmp_path, payload, reason):
    path = tmp_path / "bad.json"
    path.write_text(payload, "utf-8")
    with pytest.raises(InputError, match=reason):
        load_article(path)


@pytest.mark.parametrize(
    "encoding, label",
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("cp1256", "windows-1256")],
)
def test_encodings(seed_path, encoding, label):
    text = seed_path.read_text("utf-8")
    # Windows-1256 has no glyph for a few typographic marks; the seed's bullet is one.
    if encoding == "cp1256":
        text = text.replace("•", "-")
    data = text.encode(encoding)
    article = ingest_bytes(data, seed_path)
    assert article.input.encoding == label
    assert len(article.paragraphs) == 14
    assert len(article.card_quotes) == 4


def test_stored_article_round_trips(seed_article, tmp_path):
    target = store(seed_article, tmp_path)
    assert target == tmp_path / seed_article.slug / "article.json"
    again = load_article(target)
    assert again == seed_article
    mtime = target.stat().st_mtime_ns
    store(again, tmp_path)
    assert target.stat().st_mtime_ns == mtime  # unchanged content is not rewritten


def test_stored_article_json_is_documented_shape(seed_article):
    d = json.loads(seed_article.to_json())
    assert list(d)[:4] == ["schema", "slug", "lang", "title"]
    assert d["schema"] == 1
    assert set(d["photo"]) == {"file", "caption", "credit"}
    assert set(d["input"]) >= {"path", "sha256", "encoding"}
    assert {"text", "speaker", "paragraph", "card_worthy"} <= set(d["quotes"][0])


@pytest.mark.parametrize(
    "stem, requested, want",
    [
        ("cap-xi-tajikistan", None, "cap-xi-tajikistan"),
        ("My Article 2024", None, "my-article-2024"),
        ("مقال", None, "article-0123abcd"),
        ("x", "../../etc/passwd", "etc-passwd"),
        ("x", "Xi Visit!", "xi-visit"),
    ],
)
def test_slugs(stem, requested, want):
    assert slug_for(stem, "0123abcd" * 8, requested) == want


def test_slug_alphabet():
    assert slugify("ÀB c/../d") == "ab-c-d"


def test_stored_record_with_a_path_for_a_slug_is_refused(seed_article, tmp_path):
    record = json.loads(seed_article.to_json())
    record["slug"] = "../../escaped"
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(record), "utf-8")
    with pytest.raises(InputError, match="invalid slug"):
        load_article(path)


def test_stored_record_relative_photo_is_resolved_beside_it(seed_article, tmp_path):
    (tmp_path / "lead.jpg").write_bytes(b"\xff\xd8\xff")
    record = json.loads(seed_article.to_json())
    record["photo"]["file"] = "lead.jpg"
    path = tmp_path / "article.json"
    path.write_text(json.dumps(record), "utf-8")
    assert load_article(path).photo.file == str((tmp_path / "lead.jpg").resolve())
