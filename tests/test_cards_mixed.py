"""Quotes that mix Arabic with a Latin clause: the clause stays on one line and both scripts
read back by OCR (Tesseract ``ara+eng``)."""

from __future__ import annotations

import difflib
import io
import re

import pytest
from PIL import Image
from test_cards_ocr import prepare, tesseract

from repackage.cards import load_template, render_card
from repackage.cards.breaks import line_atoms, ltr_runs
from repackage.cards.layout import CardContent
from repackage.text.arabic import fold, is_arabic_letter

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

# Our own sentences, each with a Latin clause in brackets.
QUOTES = (
    "سيبقى الميناء بوابة المدينة إلى البحر كما كان دائما، وشعارنا منذ اليوم الأول "
    "(Open ports make open minds) ولن نتخلى عنه أبدا",
    "قالت المدربة إن الفريق تعلم درسا مهما هذا الموسم (Every match is a new start) "
    "وإن اللاعبين مستعدون للمباراة القادمة",
)


def arabic_part(text: str) -> str:
    return fold("".join(c if is_arabic_letter(c) or c.isspace() else " " for c in text))


def latin_part(text: str) -> str:
    return " ".join(re.findall(r"[A-Za-z]+", text)).lower()


def ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def test_a_latin_run_is_one_unit_when_it_fits_and_words_when_it_does_not():
    words = "قال (The world is our market) أمس".split()
    assert ltr_runs(words) == [(1, 6)]
    widths = [10.0] * len(words)
    assert line_atoms(words, widths, 1.0, 100.0) == ["قال", "(The world is our market)", "أمس"]
    assert line_atoms(words, widths, 1.0, 30.0) == words
    assert ltr_runs("كلمة Word كلمة".split()) == []  # a single Latin word is a word


@pytest.mark.parametrize("size", ["square", "landscape", "story"])
@pytest.mark.parametrize("quote", QUOTES, ids=["port", "coach"])
def test_the_latin_clause_stays_on_one_line(quote, size):
    card = render_card(CardContent(quote, "سلمى الحداد", "مديرة الميناء", "", "ريباكج"), size,
                       load_template("classic"), layout="raqm")
    clause = re.search(r"\([^)]*\)", quote).group(0)
    lines = [line.text for line in card.plan.lines if line.role == "quote"]
    assert any(clause in line for line in lines), lines


@pytest.mark.parametrize("template", ["classic", "light", "night"])
@pytest.mark.parametrize("quote", QUOTES, ids=["port", "coach"])
def test_both_scripts_read_back(quote, template):
    card = render_card(CardContent(quote, "سلمى الحداد", "مديرة الميناء", "", "ريباكج"),
                       "square", load_template(template), layout="raqm")
    image = Image.open(io.BytesIO(card.png))
    box = card.plan.block("quote").as_ints()
    best = (0.0, 0.0, "")
    for px in (32, 40):
        text = tesseract(prepare(image, box, card.plan.quote_size, px), "ara+eng")
        scores = (ratio(arabic_part(quote), arabic_part(text)),
                  ratio(latin_part(quote), latin_part(text)))
        best = max(best, (min(scores), max(scores), text))
        if best[0] >= 0.8:
            break
    assert best[0] >= 0.8, f"read back at {best[0]:.2f}: {best[2]!r}"
