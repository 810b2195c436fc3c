"""Reading a page's layout: article block, headline by lead match, duplicates, end of article.

The pages here are our own writing, built the way scraped news pages come: menus and a site
clock first, the headline twice (once with the site's name), the caption twice, then the body
and the boxes that follow it.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from repackage.cli import cli
from repackage.ingest import explain, ingest_bytes
from repackage.ingest.raw import parse_raw
from repackage.model import Article

HEADLINE = "افتتاح مكتبة عامة جديدة في وسط المدينة بحضور مئات القراء"
LEAD = ("افتتحت بلدية المدينة صباح اليوم مكتبة عامة جديدة في وسط المدينة، بحضور مئات القراء "
        "من مختلف الأعمار الذين توافدوا منذ الساعات الأولى لاكتشاف رفوفها.")
BODY = [
    LEAD,
    "وتضم المكتبة أكثر من عشرين ألف كتاب باللغتين العربية والفرنسية، إلى جانب قاعة للأطفال "
    "وركن للقراءة الهادئة ومساحة مفتوحة للورش الأسبوعية.",
    "وقالت مديرة المكتبة سلمى الحداد: \"نريد أن تكون المكتبة بيتا ثانيا لكل من يحب القراءة "
    "في هذه المدينة\".",
    "وأضافت أن المكتبة ستفتح أبوابها كل يوم.",
    "ومن المنتظر أن تستقبل المكتبة خلال الشهر المقبل معرضا للكتاب المستعمل تشارك فيه دور "
    "نشر محلية وجمعيات ثقافية من المنطقة.",
]
PAGE_LINES = [
    "الرئيسية",
    "ثقافة",
    "Follow us on X",
    f"{HEADLINE} - أخبار المدينة",
    "الأحد 12 مايو 2024 10:15 ص",
    HEADLINE,
    "قراء داخل المكتبة الجديدة (بلدية المدينة)",
    "قراء داخل المكتبة الجديدة (بلدية المدينة)",
    "كتب: سامي العلوي",
    BODY[0],
    BODY[1],
    "إعلان",
    BODY[2],
    BODY[3],
    BODY[4],
    "اقرأ أيضا",
    "افتتاح حديقة جديدة في الحي الشمالي",
    "افتتحت البلدية الأسبوع الماضي حديقة جديدة في الحي الشمالي تضم ملاعب للأطفال ومسارات "
    "للمشي وسط الأشجار.",
    "اترك تعليقاً",
]
PAGE = "\n\n".join(PAGE_LINES) + "\n"


def _read():
    return parse_raw(PAGE)


def test_headline_chosen_by_the_lead_and_suffix_cut():
    fields = _read()
    assert fields.title == HEADLINE
    suffix = [d for d in fields.dropped if d.why == "title-suffix"]
    assert [d.text for d in suffix] == ["أخبار المدينة"]


def test_body_is_the_article_block_only():
    fields = _read()
    assert fields.paragraphs == BODY


def test_caption_printed_twice_is_one_caption_with_its_credit():
    fields = _read()
    assert (fields.caption, fields.credit) == ("قراء داخل المكتبة الجديدة", "بلدية المدينة")
    assert [d.line for d in fields.dropped if d.why == "duplicate"] == [7, 15]


def test_byline_is_metadata():
    assert _read().byline == "سامي العلوي"


def test_everything_after_the_article_is_dropped_as_after_end():
    fields = _read()
    after = [d.text for d in fields.dropped if d.why == "after-end"]
    assert after == PAGE_LINES[15:]


def test_ad_label_inside_the_body_is_dropped():
    fields = _read()
    assert ("إعلان", "chrome") in [(d.text, d.why) for d in fields.dropped]


def test_publisher_is_never_a_prompt_word():
    assert _read().publisher is None


def test_store_cut_inside_the_last_paragraph_keeps_it():
    cut = "\n\n".join(PAGE_LINES[3:14] + ["ومن المنتظر أن تستقبل المكتبة خلال"]) + "\n"
    assert parse_raw(cut).paragraphs[-1] == "ومن المنتظر أن تستقبل المكتبة خلال"


def test_whole_body_printed_twice_is_read_once():
    twice = "\n\n".join([HEADLINE, *BODY, *BODY]) + "\n"
    fields = parse_raw(twice)
    assert fields.paragraphs == BODY
    assert len([d for d in fields.dropped if d.why == "duplicate"]) == len(BODY)


def test_dropped_lines_are_in_article_json(tmp_path):
    page = tmp_path / "library.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(page), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    record = json.loads((tmp_path / "out" / "library" / "article.json").read_text("utf-8"))
    reasons = {d["why"] for d in record["dropped"]}
    assert {"chrome", "duplicate", "after-end", "title-suffix"} <= reasons
    assert all(isinstance(d["line"], int) for d in record["dropped"])
    again = Article.from_dict(record)
    assert again.dropped and again.dropped[0].text == record["dropped"][0]["text"]


def test_show_prints_each_line_with_its_verdict(tmp_path):
    page = tmp_path / "library.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(page), "--show", "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    rows = result.output.splitlines()
    verdicts: dict[str, list[str]] = {}
    for r in rows:
        if r[:4].strip().isdigit():
            verdicts.setdefault(r.split()[0], []).append(r.split()[1])
    assert verdicts["1"] == ["dropped:chrome"]
    assert verdicts["7"] == ["dropped:duplicate", "dropped:title-suffix"]
    assert verdicts["11"] == ["headline"]
    assert verdicts["13"] == ["caption", "credit"]
    assert verdicts["17"] == ["byline"]
    assert verdicts["19"] == ["body"] and verdicts["25"] == ["quote"]
    assert verdicts["31"] == ["dropped:after-end"]
    assert any("سلمى الحداد" in r for r in rows)  # the quote's speaker is listed under it


def test_user_title_wins(tmp_path):
    page = tmp_path / "library.txt"
    page.write_text(PAGE, encoding="utf-8")
    article = ingest_bytes(PAGE.encode(), page, title="عنوان من المحرر")
    assert article.title == "عنوان من المحرر"
    result = CliRunner().invoke(cli, ["ingest", str(page), "--title", "عنوان من المحرر",
                                      "--json", "--out", str(tmp_path / "o")])
    assert json.loads(result.output)["title"] == "عنوان من المحرر"


def test_front_matter_title_wins(tmp_path):
    md = tmp_path / "library.md"
    md.write_text(f"---\ntitle: عنوان الواجهة\n---\n\n# {HEADLINE}\n\n{BODY[0]}\n", "utf-8")
    article, verdicts = explain(md)
    assert article.title == "عنوان الواجهة"
    assert verdicts[0].kind == "headline" and verdicts[0].text == "عنوان الواجهة"


def test_deck_under_the_headline_does_not_displace_it():
    deck = "بحضور رئيسة البلدية ومئات القراء من مختلف الأعمار"
    page = "\n\n".join(["ثقافة", HEADLINE, deck, *BODY]) + "\n"
    fields = parse_raw(page)
    assert fields.title == HEADLINE
    assert fields.paragraphs == BODY


def test_read_also_box_inside_the_article_is_skipped():
    box = ["اقرأ أيضا", "افتتاح حديقة جديدة في الحي الشمالي", "الأحد 5 مايو 2024"]
    page = "\n\n".join([HEADLINE, *BODY[:2], *box, *BODY[2:]]) + "\n"
    fields = parse_raw(page)
    assert fields.paragraphs == BODY
    assert {d.text for d in fields.dropped} >= set(box)


def test_one_teaser_after_a_read_also_box_ends_the_article():
    teaser = ("افتتحت البلدية الأسبوع الماضي حديقة جديدة في الحي الشمالي تضم ملاعب للأطفال "
              "ومسارات للمشي.")
    page = "\n\n".join([HEADLINE, *BODY, "اقرأ أيضا", "افتتاح حديقة جديدة", teaser]) + "\n"
    assert parse_raw(page).paragraphs == BODY


def test_comments_after_the_article_are_not_body():
    comment = ("مبادرة رائعة وأتمنى أن تفتح البلدية مكتبات مماثلة في كل الأحياء قريبا جدا "
               "لأن أطفالنا يحتاجونها.")
    page = "\n\n".join([HEADLINE, *BODY, "سمير", "الأحد 12 مايو 2024", comment]) + "\n"
    assert parse_raw(page).paragraphs == BODY


def test_long_headline_without_a_full_stop_opening_the_page():
    long_title = ("بلدية المدينة تفتتح مكتبة عامة جديدة في وسط المدينة تضم أكثر من عشرين ألف "
                  "كتاب وقاعة للأطفال بحضور مئات القراء")
    fields = parse_raw("\n\n".join([long_title, *BODY]) + "\n")
    assert fields.title == long_title
    assert fields.paragraphs == BODY


def test_one_sentence_item_is_read():
    fields = parse_raw("\n\n".join([HEADLINE, "افتتحت البلدية مكتبة عامة جديدة اليوم."]) + "\n")
    assert fields.title == HEADLINE
    assert fields.paragraphs == ["افتتحت البلدية مكتبة عامة جديدة اليوم."]


def test_a_list_inside_the_article_is_body():
    items = ["1- قاعة للأطفال", "2- ركن للقراءة الهادئة", "3- مساحة مفتوحة للورش", "4- مقهى صغير"]
    page = "\n\n".join([HEADLINE, BODY[0], "وتضم المكتبة أربعة أقسام:", *items, *BODY[1:]]) + "\n"
    assert parse_raw(page).paragraphs == [BODY[0], "وتضم المكتبة أربعة أقسام:", *items, *BODY[1:]]


def test_a_dashed_list_after_the_article_is_not_body():
    related = ["- افتتاح حديقة جديدة في الحي الشمالي", "- مهرجان الكتاب يعود في الخريف"]
    assert parse_raw("\n\n".join([HEADLINE, *BODY, *related]) + "\n").paragraphs == BODY


def test_tags_and_author_box_end_the_article():
    bio = "محرر ثقافي يتابع شؤون المكتبات والنشر منذ أكثر من عشر سنوات، وعمل في عدة صحف عربية."
    page = "\n\n".join([HEADLINE, *BODY, "الكلمات المفتاحية: مكتبة قراءة", "عن الكاتب", bio]) + "\n"
    assert parse_raw(page).paragraphs == BODY


def test_publisher_only_from_a_prompt_that_names_the_outlet():
    from repackage.ingest.chrome import publisher_from_chrome

    assert publisher_from_chrome(["Follow us on X", "© AFP 2024", "RSS"]) is None
    assert publisher_from_chrome(["تابعوا NNA على وسائل التواصل الاجتماعي"]) == "NNA"


def test_cookie_banner_after_the_body_is_not_body():
    banner = "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا، وبمتابعة التصفح فإنك توافق على ذلك."
    assert parse_raw("\n\n".join([HEADLINE, *BODY, banner]) + "\n").paragraphs == BODY


def test_body_sentences_that_mention_prompt_words_are_not_chrome():
    from repackage.ingest.chrome import is_chrome

    for line in ("استمع القاضي إلى شهادة الشهود في الجلسة.",
                 "وقال في النشرة الإخبارية للتلفزيون الرسمي إن الحكومة ستعلن القرار غدا.",
                 "ونظرا لخبرته في هذا الحقل فقد عين مستشارا."):
        assert not is_chrome(line), line
    for line in ("استمع", "استمع إلى البودكاست الخاص بنا", "اشترك في النشرة البريدية لتصلك الأخبار",
                 "تابعونا على", "نستخدم ملفات تعريف الارتباط لتحسين تجربتك"):
        assert is_chrome(line), line


def test_caption_by_how_it_opens_or_what_it_shows():
    for caption in ("جانب من حفل افتتاح المكتبة الجديدة في وسط المدينة بحضور رئيسة البلدية وعدد من القراء.",
                    "رئيسة البلدية خلال حفل الافتتاح"):
        fields = parse_raw("\n\n".join([HEADLINE, caption, *BODY]) + "\n")
        assert (fields.title, fields.caption) == (HEADLINE, caption)
        assert fields.paragraphs == BODY


def test_site_name_tail_that_repeats_in_the_chrome_is_cut_even_when_the_lead_names_it():
    lead = BODY[0].replace("افتتحت بلدية المدينة", "(أخبار المدينة) افتتحت بلدية المدينة")
    page = "\n\n".join([f"{HEADLINE} - أخبار المدينة", lead, *BODY[1:],
                        "جميع الحقوق محفوظة لموقع أخبار المدينة"]) + "\n"
    fields = parse_raw(page)
    assert fields.title == HEADLINE
    assert ("أخبار المدينة", "title-suffix") in [(d.text, d.why) for d in fields.dropped]


def test_read_also_link_on_one_line_inside_the_article_is_skipped():
    link = "اقرأ أيضا: افتتاح حديقة جديدة في الحي الشمالي"
    page = "\n\n".join([HEADLINE, *BODY[:2], link, *BODY[2:]]) + "\n"
    fields = parse_raw(page)
    assert fields.paragraphs == BODY
    assert (link, "chrome") in [(d.text, d.why) for d in fields.dropped]


def test_short_opening_sentence_is_the_first_paragraph():
    opening = "افتتحت البلدية اليوم مكتبة جديدة."
    fields = parse_raw("\n\n".join(["ثقافة", HEADLINE, opening, *BODY[1:]]) + "\n")
    assert fields.title == HEADLINE
    assert fields.paragraphs == [opening, *BODY[1:]]


def test_line_that_only_names_the_lead_subject_is_not_the_headline():
    lead = ("افتتحت رئيسة البلدية ليلى منصور صباح اليوم مكتبة عامة جديدة في وسط المدينة، "
            "بحضور مئات القراء الذين توافدوا منذ الساعات الأولى.")
    title = HEADLINE
    for name_line in ("رئيسة البلدية ليلى منصور", "ليلى منصور ليلى منصور"):
        fields = parse_raw("\n\n".join([title, name_line, lead, *BODY[1:]]) + "\n")
        assert fields.title == title, name_line
        assert fields.paragraphs == [lead, *BODY[1:]]


def test_names_only_lines():
    from repackage.ingest.headline import names_only

    lead = "وصل وزير النقل كريم الهاشمي إلى الميناء صباح اليوم."
    assert names_only("كريم الهاشمي كريم الهاشمي")
    assert names_only("وزير النقل كريم الهاشمي", lead)
    assert not names_only("وزير النقل يصل إلى الميناء لتفقد الأرصفة", lead)
    assert not names_only("وزير النقل كريم الهاشمي", "")


def test_bare_byline_must_look_like_a_person_near_the_headline_or_body():
    from repackage.ingest.page import person_name

    for line in ("سامي بن علي", "نادية عبد الرحمن", "خالد الحسيني"):
        assert person_name(line), line
    for line in ("وزير الثقافة", "شارك هذا المقال", "ABC عربي", "الأخبار المحلية"):
        assert not person_name(line), line
    # a box heading after the body, with a question under it, is no byline
    box = ["آراء القراء", "هل تزور المكتبة الجديدة في عطلة نهاية الأسبوع المقبل؟"]
    fields = parse_raw("\n\n".join([HEADLINE, *BODY, *box]) + "\n")
    assert fields.byline is None
    fields = parse_raw("\n\n".join([HEADLINE, "سامي بن علي", *BODY]) + "\n")
    assert fields.byline == "سامي بن علي"
    # a poll's heading under the headline has its question under it
    fields = parse_raw("\n\n".join([HEADLINE, "استفتاء الأسبوعي", "هل تؤيد فتح المكتبة ليلا؟", *BODY]) + "\n")
    assert fields.byline is None
    # with no headline above, a short first line is a section label, not a byline
    fields = parse_raw("\n\n".join(["أخبار ثقافية", *BODY]) + "\n")
    assert fields.byline is None


def test_photo_credit_line_inside_the_article_does_not_end_it():
    from repackage.ingest.chrome import is_end_marker, is_photo_credit

    assert is_photo_credit("© AFP / Jane Roe") and not is_end_marker("© AFP / Jane Roe")
    for notice in ("© 2024 أخبار المدينة", "© جميع الحقوق محفوظة"):
        assert is_end_marker(notice) and not is_photo_credit(notice), notice
    page = "\n\n".join([HEADLINE, "© Photo Agency / Sam Lee", *BODY[:2], "© Photo Agency / Ana Ruiz",
                        *BODY[2:], "© 2024 أخبار المدينة", "رابط خبر آخر لا علاقة له بالمكتبة"]) + "\n"
    fields = parse_raw(page)
    assert fields.paragraphs == BODY
    assert fields.credit == "© Photo Agency / Sam Lee"
    assert ("© Photo Agency / Ana Ruiz", "credit") in [(d.text, d.why) for d in fields.dropped]


def test_a_short_item_whose_lead_is_printed_above_and_below_the_byline_keeps_its_story():
    page = f"{LEAD}\n\nكتب : سامي العلوي\n\n{LEAD}\n"
    fields = parse_raw(page)
    assert fields.paragraphs == [LEAD]
    assert fields.title is None  # the page prints no headline of its own
    assert fields.byline == "سامي العلوي"
    assert [d.why for d in fields.dropped] == ["duplicate"]
    article = ingest_bytes(page.encode("utf-8"), "item.txt")
    assert article.paragraphs == (LEAD,)


DISCLAIMER = ("المحتوى المنشور في هذه الخانة يعبر عن أصحابه وحدهم ولا يمثل بالضرورة توجهات "
              "هيئة التحرير أو سياستها.")


def test_a_text_after_the_last_chrome_line_that_shares_no_word_with_the_story_is_cut():
    page = "\n\n".join([HEADLINE, *BODY, "آراء القراء", DISCLAIMER]) + "\n"
    fields = parse_raw(page)
    assert fields.paragraphs == BODY
    assert [(d.text, d.why) for d in fields.dropped][-1] == (DISCLAIMER, "after-end")


def test_a_last_paragraph_after_a_subheading_stays_when_subheadings_break_the_story_above():
    other_voice = "من جانبه، تحدث صاحب دار نشر عن خطط لتوسيع قاعات العرض بحلول الخريف."
    page = "\n\n".join([HEADLINE, BODY[0], BODY[1], "رفوف للجميع", BODY[2], BODY[3],
                        "حكايات الزوار", other_voice]) + "\n"
    fields = parse_raw(page)
    assert fields.paragraphs == [BODY[0], BODY[1], BODY[2], BODY[3], other_voice]
