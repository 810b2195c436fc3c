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


STORY = [
    "أعلنت وزارة الصحة في البلاد، اليوم الاثنين، تسجيل 40 حالة جديدة بالإنفلونزا الموسمية في ثلاث "
    "محافظات، ليرتفع عدد الحالات المسجلة منذ بداية الشهر إلى 310 حالات.",
    "وأوضح المتحدث باسم الوزارة، سمير النجار، أن أغلب الحالات الجديدة خفيفة، وأن المستشفيات "
    "مستعدة لاستقبال أي زيادة في الأسابيع المقبلة.",
    "وأشار النجار إلى أن الوزارة وزعت أكثر من مئة ألف جرعة من اللقاح على المراكز الصحية في "
    "المحافظات الثلاث خلال الأسبوعين الماضيين.",
    "ودعت الوزارة المواطنين إلى غسل الأيدي بانتظام وتجنب الأماكن المزدحمة، خاصة كبار السن "
    "والأطفال والمصابين بأمراض مزمنة.",
]
RULES = [f"إذا كان التعليق {rule}، فإن إدارة الموقع تحذفه دون إشعار مسبق لصاحبه ولا تعيد نشره."
         for rule in ("لا يتفق مع محتوى المنشور", "يحرض على الكراهية", "يحتوي على شتائم",
                      "ينتهك الخصوصية", "يروج لإعلان تجاري", "يحتوي على روابط ضارة",
                      "مكتوبا بلغة غير مفهومة", "مكررا عدة مرات", "يسيء إلى الأديان",
                      "يحتوي على معلومات مضللة", "ينتحل صفة شخص آخر", "خارجا عن الموضوع")]


def test_bare_copyright_sign_over_a_credit_does_not_end_the_article_and_rules_do_not_win():
    lines = (["الرئيسية", "صحة", "الصحة تسجل 40 حالة إنفلونزا جديدة في ثلاث محافظات", "©",
              "الوكالة / سامر يوسف", "GMT 10:05 12.04.2021", "انسخ الرابط",
              "https://example.org/img/cover_1200x675.jpg"]
             + STORY[:2] + ["©", "الوكالة / هدى سالم", "الإنفلونزا تغلق مدرسة في الشمال"] + STORY[2:]
             + ["الكلمات الدلالية:", "صحة", "معايير المجتمع"] + RULES + ["زر الذهاب إلى الأعلى"])
    fields = parse_raw("\n\n".join(lines) + "\n")
    assert fields.paragraphs == STORY
    assert fields.title == "الصحة تسجل 40 حالة إنفلونزا جديدة في ثلاث محافظات"
    assert fields.credit == "الوكالة / سامر يوسف"
    assert fields.published == "2021-04-12"
    assert fields.url is None  # an image's address is not the article's


def test_author_box_after_the_article_gives_the_byline_and_its_bio_is_not_body():
    lines = [HEADLINE] + BODY + ["المصدر", "رنا الحسيني",
                                 "صحفية منذ عام 2015، أكتب عن البيئة والمدن، وتعلمت المهنة في غرف "
                                 "الأخبار المحلية قبل أن أنضم إلى الموقع.", "زر الذهاب إلى الأعلى"]
    fields = parse_raw("\n\n".join(lines) + "\n")
    assert fields.paragraphs == BODY
    assert fields.byline == "رنا الحسيني"


def test_source_label_with_the_dateline_on_the_next_line():
    lines = [HEADLINE] + BODY + ["المصدر:", "(وكالة الأنباء)"]
    fields = parse_raw("\n\n".join(lines) + "\n")
    assert fields.source == "وكالة الأنباء"
    assert fields.paragraphs == BODY


def test_byline_above_a_print_button():
    lines = ["الأحد 12/مايو/2024 - 10:15 ص", HEADLINE, "ميناء المدينة", "سلمى العلوي", "طباعة"] + BODY
    fields = parse_raw("\n\n".join(lines) + "\n")
    assert fields.byline == "سلمى العلوي"
    assert fields.title == HEADLINE and fields.paragraphs == BODY


def test_short_label_under_the_headline_made_of_the_leads_words_is_the_caption():
    fields = parse_raw(_page([HEADLINE, "شواطئ المدينة"]))
    assert fields.caption == "شواطئ المدينة"
    assert fields.paragraphs == BODY


def test_no_headline_above_the_article_takes_its_own_entry_in_the_box_after_it():
    own = "رئيس البلدية يعلن خطة لتنظيف الشواطئ بمشاركة جمعيات البيئة وطلاب المدارس"
    others = ["افتتاح سوق شعبي جديد في الحي الشرقي للمدينة", "انقطاع الماء عن ثلاثة أحياء غدا"]
    fields = parse_raw("\n\n".join(BODY + ["قد يهمك أيضا:", own] + others) + "\n")
    assert fields.title == own
    assert fields.paragraphs == BODY
    fields = parse_raw("\n\n".join(BODY + ["قد يهمك أيضا:"] + others) + "\n")
    assert fields.title != others[0] and fields.title != others[1]


def test_dates_in_other_shapes_and_a_relative_clock_line():
    from repackage.ingest.dates import parse_date

    assert parse_date("4th, November 2023 GMT") == "2023-11-04"
    assert parse_date("28 آب/أغسطس 2013") == "2013-08-28"
    assert date_of("(اخر تعديل 2024-09-09 15:26:01 )") == "2024-09-09 15:26:01"
    fields = parse_raw(_page(["منذ 39 دقيقة", HEADLINE]))
    assert fields.title == HEADLINE
    assert ("منذ 39 دقيقة", "date") in [(d.text, d.why) for d in fields.dropped]


def test_a_byline_label_without_a_name_and_a_teaser_label_are_chrome():
    fields = parse_raw("\n\n".join([HEADLINE, "بواسطة", "كتب: سلمى العلوي"] + BODY
                                   + ["فيديو قد يعجبك:", "افتتاح سوق شعبي جديد في الحي الشرقي للمدينة"]) + "\n")
    assert fields.caption is None and fields.byline == "سلمى العلوي"
    assert fields.paragraphs == BODY


def test_a_quote_broken_over_two_lines_is_one_paragraph():
    first = "وقال رئيس البلدية خلال مؤتمر صحفي مع المحافظ :\" نريد شواطئ نظيفة طوال العام"
    second = "ولن نقبل بأن تعود النفايات إلى الرمال بعد كل عطلة \"."
    fields = parse_raw("\n\n".join([HEADLINE, BODY[0], first, second, BODY[2]]) + "\n")
    assert fields.paragraphs == [BODY[0], f"{first} {second}", BODY[2]]
    from repackage.ingest.quotes import extract_quotes
    cards = [q for q in extract_quotes(fields.paragraphs) if q.card_worthy]
    assert any(q.text.startswith("نريد شواطئ نظيفة") and q.text.endswith("بعد كل عطلة")
               and q.speaker == "كمال السعدي" for q in cards)


def test_a_headline_of_common_nouns_beats_a_glued_dateline():
    # every word of this headline is on jusText's Arabic stoplist but its topic nouns are the lead's
    lead = ("أكد رئيس مجلس إدارة نادي الاتحاد، سامي الحربي، ثقته في العودة إلى المنافسة على "
            "الألقاب هذا الموسم، بعد تعاقد النادي مع لاعبين جدد.")
    page = "\n\n".join(["رئيس نادي الاتحاد واثق من العودة", "214", "الرياض(الساحل)وكالات",
                        lead, BODY[2], "اترك تعليقاً"]) + "\n"
    fields = parse_raw(page)
    assert fields.title == "رئيس نادي الاتحاد واثق من العودة"
    assert fields.paragraphs == [lead, BODY[2]]


def test_a_headline_that_asks_opens_the_page():
    head = "البلدية تنظف الشواطئ.. ماذا عن موسم الصيف؟"
    fields = parse_raw("\n\n".join([head, "أخبار الساحل", *BODY, "اترك تعليقاً"]) + "\n")
    assert fields.title == head
    assert fields.paragraphs == BODY


def test_a_pull_quote_under_its_speakers_name_is_not_the_headline():
    fields = parse_raw(_page([HEADLINE, "أخبار الساحل", "كمال السعدي رئيس البلدية:",
                              "إن الشواطئ ملك للجميع وسنعمل مع السكان على إبقائها نظيفة"]))
    assert fields.title == HEADLINE


def test_a_site_tagline_and_a_dangling_site_name_are_no_caption():
    fields = parse_raw(_page([HEADLINE, "الأربعاء 12 مايو 2024", "سامر | بوابة الساحل الإخبارية"]))
    assert fields.caption is None
    fields = parse_raw(_page([HEADLINE, "الأربعاء 12 مايو 2024", "أخبار الساحل -"]))
    assert fields.caption is None


def test_a_place_and_an_agency_above_the_body_is_the_dateline():
    fields = parse_raw(_page([HEADLINE, "الأربعاء 12 مايو 2024", "جنيف (أ ف ب)"]))
    assert (fields.caption, fields.credit) == (None, None)
    assert ("جنيف (أ ف ب)", "dateline") in [(d.text, d.why) for d in fields.dropped]


def test_an_agencys_dotted_initials_after_the_caption_are_its_credit():
    from repackage.ingest.credits import split_credit

    assert split_credit("متطوعون يوزعون الطعام في المدينة. إي.بي.إيه") == \
        ("متطوعون يوزعون الطعام في المدينة.", "إي.بي.إيه")
    assert split_credit("حضر م.ع.ص الحفل") == ("حضر م.ع.ص الحفل", None)
    fields = parse_raw(_page(["متطوعون ينظفون شاطئ المدينة صباح اليوم. د.ب.أ", HEADLINE]))
    assert (fields.caption, fields.credit) == ("متطوعون ينظفون شاطئ المدينة صباح اليوم.", "د.ب.أ")


def test_initials_with_the_outlet_and_a_coverage_label_are_bylines_and_a_label_over_the_headline_is_the_caption():
    assert byline_of("ج. ف (البطولة)") == "ج. ف (البطولة)"
    assert byline_of("أ. (رويترز)") is None
    assert byline_of("تغطية: سامر الخالدي") == "سامر الخالدي"
    fields = parse_raw(_page(["رئيس بلدية المدينة كمال السعدي", HEADLINE, "ج. س (الساحل)",
                              "الأربعاء 12 مايو 2024"]))
    assert fields.title == HEADLINE
    assert fields.byline == "ج. س (الساحل)"
    assert (fields.caption, fields.credit) == ("رئيس بلدية المدينة كمال السعدي", None)


def test_a_sentence_the_store_cut_is_no_byline():
    from repackage.ingest.page import person_name

    assert not person_name("وأكد ر") and not person_name("وقال سا")
    assert person_name("سامر الخالدي")


def test_a_stored_date_field_glued_to_the_first_line_is_the_date():
    fields = parse_raw("\n\n".join(["date 2026-02-02 " + BODY[0], *BODY[1:], "اترك تعليقاً"]) + "\n")
    assert fields.published == "2026-02-02"
    assert fields.paragraphs[0] == BODY[0]


def test_a_notice_above_the_story_that_shares_none_of_its_words_is_chrome():
    notice = "هذا المحتوى مأخوذ من شركاء خارجيين. لا يمكننا أن نضمن عرضه بشكل جيد على جميع الأجهزة."
    page = "\n\n".join(["محتويات خارجية", notice, "(tickers_box)", *BODY, "اترك تعليقاً"]) + "\n"
    fields = parse_raw(page)
    assert fields.paragraphs == BODY
    assert (notice, "chrome") in [(d.text, d.why) for d in fields.dropped]


def test_a_comment_sections_head_ends_the_article():
    page = "\n\n".join([HEADLINE, *BODY[:2], "شارك برأيك", "تعليقان",
                        "1. والله كلام جميل جدا ونتمنى أن تستمر البلدية في هذا العمل الرائع دائما.",
                        "ماذا تقول أنت؟"]) + "\n"
    assert parse_raw(page).paragraphs == BODY[:2]


def test_a_wires_credit_line_after_the_story_gives_the_writer():
    assert byline_of("(إعداد سلمى حداد للنشرة العربية - تحرير سامر نادر)") == "سلمى حداد"
    page = "\n\n".join([HEADLINE, *BODY, "(إعداد سلمى حداد للنشرة العربية - تحرير سامر نادر)", "اترك تعليقاً"])
    assert parse_raw(page + "\n").byline == "سلمى حداد"


def test_a_rank_before_the_name_leaves_the_title_and_a_command_governs_its_city():
    from repackage.ingest.mentions import parse_mention

    m = parse_mention("المدير العام للدفاع المدني بالتكليف العميد الركن سامر نادر إن".split())
    assert (" ".join(m.role), m.name) == ("المدير العام للدفاع المدني بالتكليف", ("سامر", "نادر"))
    m = parse_mention("المتحدث باسم قيادة عمليات المدينة سامر نادر إن".split())
    assert (" ".join(m.role), m.name) == ("المتحدث باسم قيادة عمليات المدينة", ("سامر", "نادر"))


def test_a_counter_is_no_headline_a_section_label_no_byline_and_a_disclaimer_ends_the_article():
    from repackage.ingest.chrome import is_end_marker
    from repackage.ingest.page import person_name

    fields = parse_raw(_page(["- 2,288,582", "عرب وعالم"]))
    assert fields.title != "- 2,288,582" and fields.byline is None
    assert not person_name("عرب وعالم")
    assert is_end_marker("إخلاء مسؤولية إن م") and is_end_marker("لقراءة التقرير: الرابط")
