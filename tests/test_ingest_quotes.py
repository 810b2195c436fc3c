"""Quote extraction across mark styles, attribution positions and speaker short forms."""

from __future__ import annotations

import pytest

from repackage.ingest.credits import split_credit
from repackage.ingest.quotes import extract_quotes

INTRO = "وقال وزير الخارجية الروسي سيرغي لافروف في مؤتمر صحفي إن المحادثات كانت صريحة."
LONG = "نحن مستعدون لمواصلة الحوار مع جميع الأطراف دون شروط مسبقة"


@pytest.mark.parametrize("open_, close", [('"', '"'), ("“", "”"), ("«", "»")])
def test_every_mark_style_with_attribution_before(open_, close):
    paras = [INTRO, f"وأضاف لافروف: {open_}{LONG}{close}."]
    (quote,) = extract_quotes(paras)
    assert quote.text == LONG
    assert quote.speaker == "سيرغي لافروف"
    assert quote.role == "وزير الخارجية الروسي"
    assert quote.attribution == "before"
    assert quote.card_worthy
    assert quote.paragraph == 1


@pytest.mark.parametrize("open_, close", [('"', '"'), ("“", "”"), ("«", "»")])
def test_attribution_after(open_, close):
    paras = [INTRO, f"{open_}{LONG}{close}، قال لافروف للصحفيين."]
    (quote,) = extract_quotes(paras)
    assert (quote.text, quote.speaker, quote.attribution) == (LONG, "سيرغي لافروف", "after")


def test_missing_opening_mark_runs_from_paragraph_start():
    paras = [INTRO, f'{LONG}" ، قال لافروف.']
    (quote,) = extract_quotes(paras)
    assert quote.text == LONG
    assert quote.marks == "unbalanced"
    assert quote.card_worthy


def test_missing_closing_mark_runs_to_paragraph_end():
    paras = [INTRO, f'وقال لافروف: "{LONG}']
    (quote,) = extract_quotes(paras)
    assert quote.text == LONG
    assert quote.marks == "unbalanced"


def test_scare_quotes_are_fragments():
    paras = ['وتحدث التقرير عن "مرحلة جديدة" في العلاقات بين البلدين.']
    (quote,) = extract_quotes(paras)
    assert quote.text == "مرحلة جديدة"
    assert not quote.card_worthy
    assert quote.speaker is None


def test_short_quote_after_speech_verb_is_a_fragment():
    paras = [INTRO, 'وقال لافروف: "لا تعليق".']
    (quote,) = extract_quotes(paras)
    assert not quote.card_worthy
    assert quote.speaker == "سيرغي لافروف"


def test_unknown_speaker_stays_as_written():
    (quote,) = extract_quotes([f'وقال سامي: "{LONG}".'])
    assert quote.speaker == "سامي"
    assert quote.role is None


def test_no_quotes():
    assert extract_quotes(["لا اقتباس في هذه الفقرة على الإطلاق."]) == ()


@pytest.mark.parametrize(
    "caption, want_caption, want_credit",
    [
        ("لقطة من القمة. أحمد سالم / رويترز", "لقطة من القمة.", "أحمد سالم / رويترز"),
        ("لقطة من القمة.أحمد سالم/ بول/ وكالة الصحافة الفرنسية", "لقطة من القمة.",
         "أحمد سالم / بول / وكالة الصحافة الفرنسية"),
        ("متظاهرون في العاصمة (رويترز)", "متظاهرون في العاصمة", "رويترز"),
        ("جانب من الاجتماع. تصوير: ليلى حسن", "جانب من الاجتماع.", "ليلى حسن"),
        ("جانب من الاجتماع. غيتي إيماجز", "جانب من الاجتماع.", "غيتي إيماجز"),
        ("اجتماع في 2024/07/04 بلا مصدر.", "اجتماع في 2024/07/04 بلا مصدر.", None),
    ],
)
def test_credit_split(caption, want_caption, want_credit):
    assert split_credit(caption) == (want_caption, want_credit)


def test_apposition_after_name_is_the_role():
    (quote,) = extract_quotes([f'وقال الدكتور ماهر العلي، أستاذ الاقتصاد في الجامعة: "{LONG}".'])
    assert quote.speaker == "ماهر العلي"
    assert quote.role == "أستاذ الاقتصاد في الجامعة"


def test_apposition_does_not_replace_a_real_role():
    paras = [f'وقال وزير المالية سامي حداد، الذي ترأس الجلسة: "{LONG}".']
    (quote,) = extract_quotes(paras)
    assert quote.role == "وزير المالية"


def test_relative_clause_is_not_a_role():
    (quote,) = extract_quotes([f'وقال سامي حداد، الذي ترأس الجلسة: "{LONG}".'])
    assert (quote.speaker, quote.role) == ("سامي حداد", None)
