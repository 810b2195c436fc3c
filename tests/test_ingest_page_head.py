"""The lines above an article's body: a dateline, a site name in front of the headline, a
photo's label that names a person, a date line with the site's name before it, an interview's
heading. The pages are our own writing, in the shapes scraped pages come in."""

from __future__ import annotations

from repackage.ingest.headline import place_and_outlet
from repackage.ingest.meta import byline_of, date_of, source_of
from repackage.ingest.raw import parse_raw

HEADLINE = "البلدية تعلن خطة جديدة لتنظيف شواطئ المدينة قبل موسم الصيف"
BODY = [
    "أعلن رئيس بلدية المدينة، كمال السعدي، الأربعاء، عن خطة جديدة لتنظيف شواطئ المدينة "
    "قبل موسم الصيف، بمشاركة جمعيات البيئة وطلاب المدارس.",
    'وقال كمال السعدي "إن الشواطئ ملك للجميع، ولهذا سنعمل مع السكان على إبقائها نظيفة طوال العام".',
    "وتشمل الخطة تركيب حاويات جديدة على طول الكورنيش وتنظيم حملات أسبوعية للتوعية.",
]


def _page(head: list[str]) -> str:
    return "\n\n".join(head + BODY + ["اترك تعليقاً"]) + "\n"


def test_site_name_before_the_headline_is_cut_and_a_persons_label_is_the_caption():
    fields = parse_raw(_page([
        HEADLINE, "أخبار الساحل -", "أخبار الساحل -", HEADLINE, "أخبار الساحل -",
        f"أخبار الساحل - {HEADLINE}",
        "رئيس بلدية المدينة كمال السعدي",
        "المدينة - أخبار الساحل",
    ]))
    assert fields.title == HEADLINE
    assert fields.caption == "رئيس بلدية المدينة كمال السعدي"
    assert ("أخبار الساحل", "title-prefix") in [(d.text, d.why) for d in fields.dropped]
    assert fields.paragraphs == BODY


def test_a_dateline_is_never_the_headline():
    fields = parse_raw(_page(["المدينة-أخبار الساحل"]))
    assert fields.title != "المدينة-أخبار الساحل"
    assert place_and_outlet("المدينة-أخبار الساحل") and place_and_outlet("(المدينة - الوكالة)")
    assert not place_and_outlet("الميناء - أرشيفية")  # a photo's caption
    assert not place_and_outlet(HEADLINE)


def test_dateline_in_brackets_is_the_source():
    assert source_of("(المدينة - الوكالة)") == "المدينة - الوكالة"
    assert source_of("المدينة - الوكالة") is None  # a match's tag looks the same: not a source


def test_date_line_with_the_site_name_before_its_label():
    assert date_of("ساحل24 نشر في: 13 يوليو 2021") == "13 يوليو 2021"
    fields = parse_raw(_page([HEADLINE, "ساحل24 نشر في: 13 يوليو 2021"]))
    assert fields.published == "2021-07-13"


def test_interview_heading_is_not_a_byline():
    assert byline_of("حوار مع الروائي والمترجم سليم الخطيب") is None
    assert byline_of("حوار: سليم الخطيب") == "سليم الخطيب"
