"""Arabic speech front-end: sentences, chunks of at most 100 characters, spoken numbers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repackage.audio.frontend import chunk_text, is_vowelled, sentences, spoken_form

WORDS = ["الرئيس", "الصيني", "شي", "جين", "بينغ", "طاجيكستان", "والتنمية", "الإقليميين",
         "2024", "منظمة", "شانغهاي", "للتعاون", "CAP", "بكين"]
PUNCT = ["", "", "", "،", ".", "؟", "!", "؛", "…", ":"]


def test_sentences_end_at_arabic_marks():
    text = "هل وصل الوفد؟ نعم وصل! وبدأت المحادثات؛ ثم توقفت… وانتهى اللقاء."
    assert sentences(text) == ["هل وصل الوفد؟", "نعم وصل!", "وبدأت المحادثات؛", "ثم توقفت…",
                               "وانتهى اللقاء."]


def test_decimal_point_is_not_a_sentence_end():
    assert sentences("ارتفع النمو 3.5 بالمئة هذا العام. وهذا جيد.") == [
        "ارتفع النمو 3.5 بالمئة هذا العام.", "وهذا جيد."]


def test_long_sentence_is_cut_at_a_comma_first():
    text = ("وتعد آسيا الوسطى حلقة حيوية في مبادرة الحزام والطريق الصينية الرئيسية، وهي مشروع "
            "ضخم للبنية التحتية استخدمته بكين لتوسيع نفوذها في الخارج، لكن منتقدين يقولون إنه "
            "ترك الدول النامية مثقلة بقروض مرهقة.")
    chunks = chunk_text(text, 100)
    assert [c.text[-1] for c in chunks] == ["،", "،", "."]
    assert [c.sentence_end for c in chunks] == [False, False, True]
    assert " ".join(c.text for c in chunks) == text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(PUNCT)), min_size=1,
                max_size=80))
def test_chunks_fit_and_never_split_a_word(pairs):
    text = " ".join(w + p for w, p in pairs)
    chunks = chunk_text(text, 100)
    assert all(0 < len(c.text) <= 100 for c in chunks)
    # every chunk is whole words of the text, and together they are the text
    original = text.split()
    assert [w for c in chunks for w in c.text.split()] == original
    assert chunks[-1].sentence_end


def test_spoken_form_numbers_and_marks():
    s = spoken_form('قال: "نما الاقتصاد ٢٫٥٪ وزار ١٬٥٠٠ شخص" عام ٢٠٢٤', engine="espeak")
    assert s == ("قال: نما الاقتصاد اثنان فاصلة خمسة بالمئة وزار ألف وخمسمائة شخص عام "
                 "ألفان وأربعة وعشرون")
    # Google reads the percent sign itself
    assert spoken_form("نسبة 25%", engine="gtts") == "نسبة 25%"
    assert "\u200f" not in spoken_form("\u200fنص \u0640مع علامات")


def test_space_before_arabic_comma_is_removed():
    assert spoken_form("إمام علي رحمان ، وفقا للإذاعة") == "إمام علي رحمان، وفقا للإذاعة"


def test_vowelled_text_is_recognised():
    assert is_vowelled("وَعَدَ الرَّئِيسُ الصِّينِيُّ")
    assert not is_vowelled("وعد الرئيس الصيني")


def test_punctuation_only_chunks_are_not_sent():
    from repackage.audio.engines.espeak import EspeakEngine
    from repackage.audio.script import Segment
    from repackage.audio.voice import plan_segment
    from repackage.errors import ConfigError

    eng = EspeakEngine()
    planned = plan_segment(Segment("p01", "paragraph", "جملة أولى. *** وجملة ثانية. ***", 0),
                           eng, {"sentence": 300})
    assert [c.text for c in planned.chunks] == ["جملة أولى.", "*** وجملة ثانية."]
    assert [c.pause_ms for c in planned.chunks] == [300, 0]
    with pytest.raises(ConfigError, match="p02"):
        plan_segment(Segment("p02", "paragraph", "… — !", 0), eng, {})


def test_offline_voices_get_numbers_as_words():
    from repackage.audio.numbers import say_numbers

    assert say_numbers("نما 4.2 مليار دولار") == "نما أربعة فاصلة اثنان مليار دولار"
    assert say_numbers("بنسبة 40%") == "بنسبة أربعون بالمئة"
    assert say_numbers("عام 2024") == "عام ألفان وأربعة وعشرون"
    assert say_numbers("سعره $5") == "سعره خمسة دولار"
    assert say_numbers("الرمز 007 وكلمة A4") == "الرمز صفر صفر سبعة وكلمة A4"
    assert spoken_form("زار ١٬٥٠٠ شخص", engine="mbrola") == "زار ألف وخمسمائة شخص"


def test_pausal_form_drops_case_endings_only():
    from repackage.audio.engines.vowels import pausal

    assert pausal("قَالَ الرَّئِيسُ فِي غَزَّةَ.") == "قَال الرَّئِيس فِي غَزَّه."
    assert pausal("الصِّينِيُّ") == "الصِّينِيّ"


def test_latin_words_reach_mbrola_in_arabic_letters():
    from repackage.audio.latin import arabic_letters

    assert arabic_letters("قالت CNN") == "قالت سي إن إن"
    assert arabic_letters("الرئيس Macron") == "الرئيس ماكرون"
    assert spoken_form("وكالة BBC", engine="mbrola") == "وكالة بي بي سي"
    assert spoken_form("وكالة BBC", engine="espeak") == "وكالة BBC"  # espeak-ng has English


def test_a_list_items_bullet_is_not_read_out():
    assert spoken_form("• افتح المتجر وابحث عن التطبيق.") == "افتح المتجر وابحث عن التطبيق."
    assert spoken_form("السعر 5 · 6") == "السعر خمسة · ستة"
