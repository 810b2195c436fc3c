"""Quotes on the real corpus pages, read from each answer key's own paragraphs.

Running extraction on the key's paragraphs (headline and caption as context) judges quote and
speaker finding apart from block extraction. Each page is held to the goals on its own, so a
change that loses one page's quotes fails here even when the totals still look fine.
"""

from __future__ import annotations

import pytest
from conftest import CORPUS
from quote_key import key_context, key_pages, load_key, score_page

from repackage.ingest.quotes import extract_quotes

RECALL, PRECISION, SPEAKERS = 0.9, 0.95, 0.9
PAGES = key_pages(CORPUS)


def _score(path):
    key = load_key(path)
    quotes = extract_quotes(list(key["paragraphs"]), context=key_context(key))
    return key, quotes, score_page(path.name, key, quotes)


def test_corpus_is_there(shared_dir):
    assert len(PAGES) >= 28


@pytest.mark.parametrize("path", PAGES, ids=[p.name.split(".")[0] for p in PAGES])
def test_page_meets_the_goals(path, shared_dir):
    _, _, s = _score(path)
    assert s.recall >= RECALL, f"missed: {s.misses}"
    assert s.precision >= PRECISION, f"not quotes: {s.extras}"
    assert s.speaker_accuracy >= SPEAKERS, f"wrong speakers: {s.wrong_speakers}"


@pytest.mark.parametrize("path", PAGES, ids=[p.name.split(".")[0] for p in PAGES])
def test_names_in_marks_are_not_card_worthy_quotes(path, shared_dir):
    key, quotes, _ = _score(path)
    cards = {" ".join(q.text.split()) for q in quotes if q.card_worthy}
    for item in key.get("not_quotes", []):
        assert " ".join(item["text"].split()) not in cards, item["why"]


@pytest.mark.parametrize("path", PAGES, ids=[p.name.split(".")[0] for p in PAGES])
def test_every_quote_lies_in_its_paragraph(path, shared_dir):
    key, quotes, _ = _score(path)
    for q in quotes:
        assert " ".join(q.text.split()) in " ".join(key["paragraphs"][q.paragraph].split())


def test_totals_meet_the_goals(shared_dir):
    scores = [_score(p)[2] for p in PAGES]
    wanted = sum(s.wanted for s in scores)
    matched = sum(s.matched for s in scores)
    found = sum(s.found for s in scores)
    right = sum(s.right for s in scores)
    judged = sum(s.speakers_judged for s in scores)
    speakers = sum(s.speakers_right for s in scores)
    assert wanted >= 60
    assert matched / wanted >= RECALL
    assert right / found >= PRECISION
    assert speakers / judged >= SPEAKERS


def test_seed_quotes_from_its_key(seed_article, seed_expected):
    quotes = extract_quotes(list(seed_article.paragraphs), context=[seed_article.title])
    cards = [(" ".join(q.text.split()), q.speaker) for q in quotes if q.card_worthy]
    want = [(" ".join(q["text"].split()), q["speaker"]) for q in seed_expected["card_worthy_quotes"]]
    assert cards == want
