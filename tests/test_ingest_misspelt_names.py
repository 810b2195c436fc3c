"""A name the page misprints once reads as the article prints it elsewhere (short articles of
our own, in the shape real reports take)."""

from __future__ import annotations

from repackage.ingest.misspelt_names import one_edit_apart
from repackage.ingest.quotes import extract_quotes


def _speakers(paragraphs, context):
    return [q.speaker for q in extract_quotes(paragraphs, context=context) if q.card_worthy]


def test_one_letter_added_dropped_or_changed():
    assert one_edit_apart("سمير", "سمي") and one_edit_apart("سمي", "سمير")
    assert one_edit_apart("سمير", "سفير") and not one_edit_apart("سمير", "سمير")
    assert not one_edit_apart("سمير", "سم") and not one_edit_apart("سمير", "ميرا")


def test_a_name_misprinted_once_in_the_body_takes_the_headline_form():
    headline = "سمير الخطيب يعلن انسحابه من سباق رئاسة النادي"
    paras = ["أعلن سمي الخطيب رئيس النادي الأهلي انسحابه من السباق، حيث كتب عبر حسابه: "
             "“لن أترشح هذا العام، وأتمنى التوفيق للجميع”."]
    assert _speakers(paras, [headline]) == ["سمير الخطيب"]


def test_the_form_printed_more_often_wins_over_one_printed_once():
    paras = ["قال وزير المالية سمي الخطيب: “العجز سينخفض إلى النصف بنهاية العام المقبل”.",
             "وكان سمير الخطيب قد زار البنك الدولي، والتقى سمير الخطيب بعدها وفد الصندوق."]
    assert _speakers(paras, ["الحكومة تعد بخفض العجز"]) == ["سمير الخطيب"]


def test_a_name_printed_once_with_no_other_form_and_a_joined_letter_stay_as_written():
    headline = "وسمير الخطيب في المؤتمر"  # و joined to the name is not a misprint of it
    paras = ["قال وزير المالية مير الخطيب: “العجز سينخفض إلى النصف بنهاية العام المقبل”."]
    assert _speakers(paras, [headline]) == ["مير الخطيب"]
    assert _speakers(paras, ["الحكومة تعد بخفض العجز"]) == ["مير الخطيب"]
