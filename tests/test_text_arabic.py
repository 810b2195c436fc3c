"""The shared Arabic text helpers."""

from __future__ import annotations

import pytest

from repackage.text.arabic import fold, normalize, split_sentences, trim_at_word


def test_split_sentences_knows_arabic_ends_and_keeps_decimals():
    text = 'قال: "هذا جيد." ثم سأل؟ نعم؛ بلغ 3.5 مليار… انتهى'
    assert split_sentences(text) == ['قال: "هذا جيد."', "ثم سأل؟", "نعم؛", "بلغ 3.5 مليار…", "انتهى"]


def test_fold_ignores_what_ocr_and_editors_vary():
    assert fold("الأَراضِي ـــ إلى مدرسة ٢٠٢٤\u200f") == fold("الاراضي الي مدرسه 2024")
    assert fold("سلام") != fold("كلام")


def test_normalize():
    assert normalize("  كلمة\u00a0\u00a0 أخرى \ufeff") == "كلمة أخرى"


@pytest.mark.parametrize("text, limit, want", [
    ("قصير", 10, "قصير"),
    ("كلمة ثانية ثالثة", 12, "كلمة ثانية…"),
    ("كلمةطويلةجدابلامسافات", 6, "كلمةط…"),
])
def test_trim_at_word(text, limit, want):
    assert trim_at_word(text, limit) == want
    assert len(trim_at_word(text, limit)) <= limit
