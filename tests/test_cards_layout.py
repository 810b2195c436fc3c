"""The pure layout: wrapping, balancing, auto-fit, cutting long quotes, safe zones.

A stand-in measure (width proportional to characters) keeps these tests free of fonts.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repackage.cards.layout import (
    CardContent,
    FontPaths,
    balanced_breaks,
    fit_block,
    greedy_breaks,
    plan_card,
    safe_rect,
    truncate_quote,
    wrap_block,
)
from repackage.cards.sizes import SIZES, get_size
from repackage.cards.template import Template
from repackage.errors import ConfigError

FONTS = FontPaths("q", "s", "r", "c", "m")


class Proportional:
    """Each character is 0.5 em wide; ascent 0.8 em, descent 0.3 em. Counts calls."""

    def __init__(self) -> None:
        self.calls = 0

    def measure(self, path: str, size: int, text: str) -> float:
        self.calls += 1
        return 0.5 * size * len(text)

    def metrics(self, path: str, size: int) -> tuple[int, int]:
        return round(0.8 * size), round(0.3 * size)


QUOTE = ("بغض النظر عن كيفية تغير الوضع الدولي، ستظل الصين دائما صديقة طاجيكستان الجديرة "
         "بالثقة وشريكا موثوقا به وشقيقا مقربا")


def test_greedy_breaks_fill_lines():
    assert greedy_breaks([10, 10, 10, 10], 2, 32) == [2, 2]
    assert greedy_breaks([10, 10, 10, 10], 2, 34) == [3, 1]
    assert greedy_breaks([50, 10], 2, 30) == [1, 1]  # an over-wide word gets its own line


def test_balanced_breaks_even_out_and_avoid_a_lone_last_word():
    widths = [10.0] * 7
    assert greedy_breaks(widths, 2, 70) == [6, 1]
    counts = balanced_breaks(widths, 2, 70)
    assert len(counts) == 2 and counts[-1] >= 2 and sum(counts) == 7
    assert counts == [4, 3]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=5, max_value=60), min_size=3, max_size=40),
       st.integers(min_value=80, max_value=400))
def test_balanced_breaks_keep_every_word_and_width(widths, max_width):
    counts = balanced_breaks(widths, 4, max_width)
    assert sum(counts) == len(widths) and all(c >= 1 for c in counts)
    assert len(counts) == len(greedy_breaks(widths, 4, max_width))
    i = 0
    for c in counts:
        line = sum(widths[i:i + c]) + 4 * (c - 1)
        assert c == 1 or line <= max_width
        i += c
    if len(counts) > 1 and counts[-2] > 2 and counts[-1] == 1:
        # a lone last word stays only when the word before it cannot join it
        assert widths[-2] + 4 + widths[-1] > max_width


def test_wrap_keeps_logical_order():
    block = wrap_block(QUOTE, "q", 40, 1.0, 400, Proportional())
    assert " ".join(t for t, _ in block.lines) == QUOTE
    assert block.line_height == pytest.approx(round(0.8 * 40) + round(0.3 * 40))


def test_fit_picks_largest_size_that_fits():
    tm = Proportional()
    block = fit_block(QUOTE, "q", 20, 80, 2, 1.0, 900, 500, tm)
    assert block is not None
    assert block.height <= 500 and all(w <= 900 for _, w in block.lines)
    bigger = wrap_block(QUOTE, "q", block.size + 2, 1.0, 900, tm)
    assert bigger.height > 500 or any(w > 900 for _, w in bigger.lines)
    assert fit_block(QUOTE, "q", 20, 80, 2, 1.0, 900, 10, tm) is None


def test_fit_measures_few_sizes():
    tm = Proportional()
    fit_block(QUOTE, "q", 20, 120, 1, 1.0, 900, 500, tm)
    words = len(QUOTE.split())
    # bisection over 101 sizes: about 7 probes, each one width per word plus lines
    assert tm.calls < 8 * (words + 12)


def test_truncate_at_sentence_boundary():
    s1 = "هذه جملة أولى قصيرة."
    s2 = "وهذه جملة ثانية أطول قليلا من الأولى؟"
    s3 = "والثالثة " + "كلمة " * 80
    text, cut = truncate_quote(f"{s1} {s2} {s3}", 100)
    assert cut and text == f"{s1} {s2}".rstrip(".؟") + "…"
    assert len(text) <= 100
    same, cut = truncate_quote(s1, 100)
    assert same == s1 and not cut


def test_truncate_without_sentence_end_cuts_at_a_word():
    text, cut = truncate_quote("كلمة " * 200, 50)
    assert cut and text.endswith("…") and len(text) <= 50
    assert all(w == "كلمة" for w in text[:-1].split())


def _plan(quote: str, size: str, credit: str = "الصورة", tpl: Template | None = None):
    return plan_card(CardContent(quote, "شي جين بينغ", "الرئيس الصيني", credit, "ريباكج"),
                     tpl or Template(), get_size(size), FONTS, Proportional())


@pytest.mark.parametrize("size", list(SIZES))
def test_plan_stays_in_safe_area(size):
    plan = _plan(QUOTE, size)
    safe = safe_rect(SIZES[size], Template().layout.margin)
    for line in plan.lines:
        box = line.box
        assert safe.x0 <= box.x0 and box.x1 <= safe.x1 + 0.01, line
        assert safe.y0 <= box.y0 and box.y1 <= safe.y1 + 0.01, line
        assert line.right == safe.x1
    roles = [ln.role for ln in plan.lines]
    assert roles[0] == "mark" and "credit" in roles
    quote_lines = [ln for ln in plan.lines if ln.role == "quote"]
    assert quote_lines[0].text.startswith("«") and quote_lines[-1].text.endswith("»")
    # reading order top to bottom: quote, then speaker, then role
    ys = {r: min(ln.baseline for ln in plan.lines if ln.role == r) for r in ("quote", "speaker", "role")}
    assert ys["quote"] < ys["speaker"] < ys["role"]


def test_story_keeps_out_of_top_and_bottom_zones():
    safe = safe_rect(get_size("story"), 90)
    assert safe.y0 == 250 and safe.y1 == 1920 - 250


def test_short_quote_gets_the_biggest_size_long_one_smaller():
    short = _plan("نعم.", "square")
    long = _plan(QUOTE * 2, "square")
    assert short.quote_size == Template().quote.max_size
    assert long.quote_size < short.quote_size


def test_quote_of_400_chars_fits_whole_longer_is_cut():
    sentence = "هذه جملة من الاقتباس الطويل تتكرر هنا. "
    q400 = (sentence * 12)[:395].rsplit(" ", 1)[0]
    for size in SIZES:
        plan = _plan(q400, size)
        assert not plan.truncated, size
    long = _plan(sentence * 20, "landscape")
    assert long.truncated and long.quote_text.endswith("…»")
    assert len(long.quote_text) <= 402


def test_no_speaker_no_credit():
    plan = plan_card(CardContent("كلام بلا قائل."), Template(), get_size("square"), FONTS,
                     Proportional())
    assert {ln.role for ln in plan.lines} == {"quote"}
    assert plan.rule is None


def test_unknown_size_is_a_config_error():
    with pytest.raises(ConfigError, match="square"):
        get_size("banner")


def test_alt_text_is_plain_and_bounded():
    from repackage.cards.alt import alt_text

    text = alt_text("نص قصير", "شي جين بينغ", "الرئيس الصيني")
    assert text == "اقتباس من شي جين بينغ، الرئيس الصيني: «نص قصير»"
    assert alt_text("نص", "", "") == "اقتباس: «نص»"
    long = alt_text("كلمة " * 400, "الاسم", "")
    assert len(long) <= 1000 and long.endswith("…»") and "الاسم" in long
    assert "\u200f" not in long and "\ufe8d" not in long  # no marks, no presentation forms
