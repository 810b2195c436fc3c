"""The plain-text corpus (../shared/corpus/real): every page read as its answer key says.

Each page is its own test, so a change that breaks any one page fails. The scoring functions
are the benchmark's (bench/extraction_score.py), so the tests and bench/extraction.py agree.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT

sys.path.insert(0, str(ROOT / "bench"))
from extraction_score import fold, fold_credit, score_page, totals  # noqa: E402

REAL = CORPUS / "real"
PAGES = sorted(p.name for p in REAL.glob("*.txt")) if REAL.is_dir() else []

# Reached on this corpus; the tests hold them so accuracy cannot slip back.
GOALS = {"extract_headline_accuracy": 1.0, "extract_body_exact": 1.0,
         "extract_paragraph_f1": 1.0, "extract_credit_accuracy": 1.0}


def _load(name: str):
    from repackage.ingest import explain

    path = REAL / name
    key = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
    article, verdicts = explain(path)
    return article, verdicts, key


@pytest.fixture(scope="module")
def corpus():
    if len(PAGES) < 28:
        pytest.fail(f"expected the 28 pages of {REAL}; found {len(PAGES)}")
    return {name: _load(name) for name in PAGES}


@pytest.mark.parametrize("name", PAGES)
def test_headline(corpus, name):
    article, _, key = corpus[name]
    assert fold(article.title) == fold(key["headline"])


@pytest.mark.parametrize("name", PAGES)
def test_body_paragraphs_exact(corpus, name):
    article, _, key = corpus[name]
    assert [fold(p) for p in article.paragraphs] == [fold(p) for p in key["paragraphs"]]


@pytest.mark.parametrize("name", PAGES)
def test_no_chrome_in_body(corpus, name):
    article, _, key = corpus[name]
    allowed = {fold(p) for p in key["paragraphs"]}
    stray = [p for p in article.paragraphs if fold(p) not in allowed]
    assert not stray


@pytest.mark.parametrize("name", PAGES)
def test_caption_and_credit(corpus, name):
    article, _, key = corpus[name]
    assert fold(article.photo.caption) == fold(key["photo_caption"])
    assert fold_credit(article.photo.credit) == fold_credit(key["photo_credit"])


@pytest.mark.parametrize("name", PAGES)
def test_byline_is_metadata(corpus, name):
    article, _, key = corpus[name]
    if key["byline"]:
        assert fold(article.byline) == fold(key["byline"])
    else:
        assert article.byline is None
    for field in ("byline", "published"):
        if key[field]:
            assert all(key[field] not in p for p in article.paragraphs)


@pytest.mark.parametrize("name", PAGES)
def test_every_line_has_a_verdict(corpus, name):
    """Nothing is lost silently: each non-empty line is read as a field, body, or dropped."""
    article, verdicts, _ = corpus[name]
    lines = [n for n, t in enumerate((REAL / name).read_text("utf-8").splitlines(), 1) if t.strip()]
    assert sorted({v.line for v in verdicts}) == lines
    dropped = {(d.line, d.text) for d in article.dropped}
    assert dropped == {(v.line, v.text) for v in verdicts if v.kind == "dropped"}
    assert all(d.why for d in article.dropped)


@pytest.mark.parametrize("name", PAGES)
def test_publisher_is_a_name_or_nothing(corpus, name):
    article, _, _ = corpus[name]
    assert article.publisher is None or len(article.publisher) > 2
    assert article.publisher not in ("Follow", "Share", "TT", "Loader")


def test_totals_hold_the_goals(corpus):
    scores = [score_page(name, a, key) for name, (a, _, key) in corpus.items()]
    got = totals(scores)
    for key, goal in GOALS.items():
        assert got[key] >= goal, (key, got[key])


def test_scoring_can_fail():
    """The scorer itself: a wrong headline, a missing paragraph, a wrong credit all count."""
    from types import SimpleNamespace

    key = {"headline": "عنوان", "paragraphs": ["أ ب ج", "د ه و"], "photo_credit": "رويترز",
           "photo_caption": "صورة", "quotes": []}
    good = SimpleNamespace(title="عنوان", paragraphs=("أ ب ج", "د ه و"),
                           photo=SimpleNamespace(caption="صورة", credit="رويترز"), quotes=())
    bad = SimpleNamespace(title="عنوان آخر", paragraphs=("أ ب ج",),
                          photo=SimpleNamespace(caption="صورة", credit="AFP"), quotes=())
    ok, wrong = score_page("x", good, key), score_page("x", bad, key)
    assert ok.headline_ok and ok.body_exact and ok.credit_ok and ok.paragraph_f1 == 1.0
    assert not wrong.headline_ok and not wrong.body_exact and not wrong.credit_ok
    assert 0 < wrong.paragraph_f1 < 1


def test_seed_still_reads(seed_article, seed_expected):
    assert seed_article.title == seed_expected["title"]
    assert len(seed_article.paragraphs) == seed_expected["paragraph_count"]
    assert Path(seed_article.input.path).name == "cap-xi-tajikistan.txt"
