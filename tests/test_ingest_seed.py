"""The seed page, read field by field against what a careful editor extracts."""

from __future__ import annotations

import unicodedata

import pytest

from repackage.text.arabic import has_presentation_forms


def ws(text: str) -> str:
    return " ".join(text.split())


def test_title(seed_article, seed_expected):
    assert seed_article.title == seed_expected["title"]


def test_lang(seed_article, seed_expected):
    assert seed_article.lang == seed_expected["lang"]


def test_photo_caption_and_credit(seed_article, seed_expected):
    assert seed_article.photo.caption == seed_expected["photo_caption"]
    assert seed_article.photo.credit == seed_expected["photo_credit"]


def test_photo_file_found_beside_the_article(seed_article, seed_path):
    assert seed_article.photo.file == str(seed_path.with_suffix(".jpg").resolve())


def test_paragraphs(seed_article, seed_expected):
    paras = seed_article.paragraphs
    assert len(paras) == seed_expected["paragraph_count"]
    assert paras[0].startswith(seed_expected["first_paragraph_starts"])
    assert paras[-1].startswith(seed_expected["last_paragraph_starts"])


@pytest.mark.parametrize("index", range(4))
def test_boilerplate_absent(seed_article, seed_expected, index):
    line = seed_expected["boilerplate_lines_absent_from_body"][index]
    body = "\n".join((seed_article.title, *seed_article.paragraphs))
    assert line not in body
    assert line not in (seed_article.photo.caption or "")


def test_publisher_from_chrome(seed_article):
    assert seed_article.publisher is not None
    assert "CAP" in seed_article.publisher
    assert "مشروع أخبار الصين وأفريقيا" in seed_article.publisher


def test_card_worthy_quotes(seed_article, seed_expected):
    got = [(ws(q.text), q.speaker) for q in seed_article.card_quotes]
    want = [(ws(q["text"]), q["speaker"]) for q in seed_expected["card_worthy_quotes"]]
    assert got == want


def test_speaker_role(seed_article, seed_expected):
    speaker = seed_expected["speaker"]
    for quote in seed_article.card_quotes:
        assert quote.as_written == speaker["as_written"]
        assert quote.speaker == speaker["full_name"]
        assert quote.role == speaker["role"]


def test_fragments_are_not_card_worthy(seed_article, seed_expected):
    fragments = [ws(q.text) for q in seed_article.quotes if not q.card_worthy]
    assert fragments == [ws(t) for t in seed_expected["fragment_quotes"]]


def test_unbalanced_quote_is_recorded(seed_article):
    first = seed_article.card_quotes[0]
    assert first.marks == "unbalanced"
    assert first.attribution == "after"
    assert first.paragraph == 4


def test_quote_paragraph_indexes_point_at_their_text(seed_article):
    for q in seed_article.quotes:
        assert ws(q.text) in ws(seed_article.paragraphs[q.paragraph])


def test_text_is_logical_nfc(seed_article):
    texts = [seed_article.title, *seed_article.paragraphs, *(q.text for q in seed_article.quotes)]
    for text in texts:
        assert unicodedata.is_normalized("NFC", text)
        assert not has_presentation_forms(text)


def test_input_record(seed_article, seed_path):
    import hashlib

    assert seed_article.input.sha256 == hashlib.sha256(seed_path.read_bytes()).hexdigest()
    assert seed_article.input.encoding == "utf-8"
    assert seed_article.input.format == "raw"
    assert seed_article.slug == "cap-xi-tajikistan"
