"""The splitter: every piece fits, words stay whole and in order (property-based)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from repackage.thread.counting import fits as platform_fits
from repackage.thread.platforms import get_platform
from repackage.thread.split import atoms, split_to_fit

ARABIC = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي", min_size=1, max_size=12)
LATIN = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10)
URL = st.builds(lambda a, b: f"https://{a}.example/{b}", LATIN, LATIN)
TAG = st.builds(lambda a: "#" + a, ARABIC)
PUNCT = st.builds(lambda w, p: w + p, ARABIC, st.sampled_from(["،", ".", ":", "؟", "؛"]))
WORD = st.one_of(ARABIC, ARABIC, ARABIC, LATIN, URL, TAG, PUNCT)


def _quote(words: list[str]) -> str:
    return "«" + " ".join(words) + "»"


TOKEN = st.one_of(WORD, st.builds(_quote, st.lists(ARABIC, min_size=1, max_size=6)))


@settings(max_examples=150, deadline=None)
@given(tokens=st.lists(TOKEN, min_size=1, max_size=120), limit=st.integers(40, 300))
def test_pieces_fit_and_keep_every_word_in_order(tokens, limit):
    text = " ".join(tokens)

    def fits(s: str) -> bool:
        return len(s) <= limit

    pieces = split_to_fit(text, fits)
    assert all(fits(p) for p in pieces)
    assert all(p.strip() == p and p for p in pieces)
    # joined back, the same words in the same order: no word was cut or dropped
    assert " ".join(pieces).split() == text.split()


@settings(max_examples=100, deadline=None)
@given(tokens=st.lists(WORD, min_size=1, max_size=150))
def test_pieces_fit_x_weighted_length(tokens):
    x = get_platform("x")
    text = " ".join(tokens)
    pieces = split_to_fit(text, lambda s: platform_fits(s, x))
    assert all(platform_fits(p, x) for p in pieces)
    assert " ".join(pieces).split() == text.split()
    # every URL survives as a whole token
    urls = [t for t in text.split() if t.startswith("https://")]
    assert [t for p in pieces for t in p.split() if t.startswith("https://")] == urls


@settings(max_examples=100, deadline=None)
@given(before=st.lists(ARABIC, max_size=30), inner=st.lists(ARABIC, min_size=1, max_size=8),
       after=st.lists(ARABIC, max_size=30))
def test_a_quote_that_fits_is_never_cut(before, inner, after):
    quote = _quote(inner)
    text = " ".join([*before, quote, *after])
    limit = max(len(quote) + 2, 40)
    pieces = split_to_fit(text, lambda s: len(s) <= limit)
    assert any(quote in p for p in pieces)


def test_prefers_a_clause_end_in_the_second_half():
    text = "ألف باء تاء ثاء، جيم حاء خاء دال"
    pieces = split_to_fit(text, lambda s: len(s) <= 26)
    assert pieces[0].endswith("،")


def test_a_word_longer_than_a_post_is_cut_as_a_last_resort():
    pieces = split_to_fit("ب" * 25, lambda s: len(s) <= 10)
    assert pieces == ["ب" * 10, "ب" * 10, "ب" * 5]


def test_atoms_keep_a_quoted_passage_with_its_punctuation():
    assert atoms("قال «نعم لا» ثم مضى") == ["قال", "«نعم لا»", "ثم", "مضى"]
    assert atoms("قال «نعم لا»، ثم") == ["قال", "«نعم لا»،", "ثم"]
