"""The edges of an article on a scraped page: a breadcrumb that ends in the headline, a lead set
under the date line without its full stop, the agency's end mark closing the story, and the tag
list after the last paragraph. The pages are our own writing, in the shapes sites print."""

from __future__ import annotations

from repackage.ingest.blocks import ends_sentence
from repackage.ingest.headline import strip_prefix
from repackage.ingest.raw import parse_raw

HEADLINE = "البلدية تعلن خطة جديدة لتنظيف شواطئ المدينة قبل موسم الصيف"
BODY = [
    "أعلن رئيس بلدية المدينة، كمال السعدي، الأربعاء، عن خطة جديدة لتنظيف شواطئ المدينة "
    "قبل موسم الصيف، بمشاركة جمعيات البيئة وطلاب المدارس.",
    'وقال كمال السعدي "إن الشواطئ ملك للجميع، ولهذا سنعمل مع السكان على إبقائها نظيفة طوال العام".',
    "وتشمل الخطة تركيب حاويات جديدة على طول الكورنيش وتنظيم حملات أسبوعية للتوعية.",
]


def _page(lines: list[str]) -> str:
    return "\n\n".join(lines) + "\n"


def test_a_breadcrumb_ends_in_the_headline():
    crumb = f"أخبار الساحل > محليات > {HEADLINE}"
    assert strip_prefix(crumb, frozenset()) == (HEADLINE, "أخبار الساحل > محليات")
    fields = parse_raw(_page(["الرئيسية", crumb, HEADLINE, *BODY, "اترك تعليقاً"]))
    assert fields.title == HEADLINE
    assert fields.paragraphs == BODY
    # a headline with one slash in it is not a breadcrumb
    assert strip_prefix("البلدية / خطة جديدة لتنظيف الشواطئ", frozenset())[1] is None


def test_a_lead_under_the_date_line_without_its_full_stop_is_the_first_paragraph():
    lead = "رد رئيس البلدية، كمال السعدي، على شكوى سكان الحي الشرقي، من تأخر حملة التنظيف"
    fields = parse_raw(_page(["بحث", HEADLINE, "12/07/2022 على الساعة 14h32", lead, *BODY[1:],
                              "اترك تعليقاً"]))
    assert fields.title == HEADLINE
    assert fields.paragraphs == [lead, *BODY[1:]]


def test_the_agency_end_mark_closes_the_story():
    assert ends_sentence("وتشمل الخطة تركيب حاويات جديدة. انتهى")
    assert ends_sentence("وتشمل الخطة تركيب حاويات جديدة. (النهاية) م ع ك / ت ب")
    assert not ends_sentence("لن ينتهى")
    last = BODY[2] + " انتهى"
    fields = parse_raw(_page([HEADLINE, *BODY[:2], last, "طباعة الخبر ارسال الخبر الى صديق"]))
    assert fields.paragraphs == [*BODY[:2], last]


def test_the_tag_list_after_the_last_paragraph_is_dropped():
    tags = "البلدية شواطئ المدينة كمال السعدي الكورنيش"
    fields = parse_raw(_page([HEADLINE, *BODY, tags]))
    assert fields.paragraphs == BODY
    assert (tags, "after-end") in [(d.text, d.why) for d in fields.dropped]
    # a last paragraph the store cut keeps its particles: it stays
    cut = "وتعمل البلدية على توسيع الخطة إلى شواطئ"
    fields = parse_raw(_page([HEADLINE, *BODY, cut]))
    assert fields.paragraphs == [*BODY, cut]
