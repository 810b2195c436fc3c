"""Interviews: answers without marks or verbs, quoted where the outlet's pull quotes echo them."""

from __future__ import annotations

from repackage.ingest.interview import answers, interviewee, is_question, pull_quotes
from repackage.ingest.quotes import extract_quotes

TITLE = "المخرجة التونسية سلوى بن عمار لـ«المدينة»: السينما لا تعيش بلا جمهور يحبها"
STANDFIRST = "- الأفلام القصيرة مدرسة كل مخرج شاب -نحتاج إلى قاعات في كل مدينة صغيرة"
PARAGRAPHS = [
    "التقينا المخرجة سلوى بن عمار على هامش المهرجان، وكان لنا معها هذا الحوار.",
    "*كيف ترين حال السينما اليوم؟",
    "-الحال صعب لكنه ليس ميؤوسا منه. أقول دائما أن السينما لا تعيش بلا جمهور يحبها ويدفع ثمن التذكرة.",
    "*وما الذي يحتاجه المخرجون الشباب؟",
    "-يحتاجون إلى الصبر أولا. الأفلام القصيرة مدرسة كل مخرج شاب، ومنها تعلمت أنا أيضا.",
    "*وماذا عن القاعات؟",
    "-نحتاج إلى قاعات في كل مدينة صغيرة حتى يصل الفيلم إلى الناس.",
    "*ما مشروعك المقبل؟",
    "-فيلم طويل عن البحر والصيادين، نبدأ تصويره في الربيع.",
]


def test_questions_and_answers_are_told_apart():
    assert is_question(PARAGRAPHS[1]) and not is_question(PARAGRAPHS[2])
    assert answers(PARAGRAPHS) == [2, 4, 6, 8]


def test_the_headline_names_the_interviewee_and_gives_a_pull_quote():
    who = interviewee(TITLE)
    assert (who.name, who.role) == ("سلوى بن عمار", "المخرجة التونسية")
    assert pull_quotes(TITLE, [STANDFIRST]) == [
        ("السينما لا تعيش بلا جمهور يحبها", "headline"),
        ("الأفلام القصيرة مدرسة كل مخرج شاب", "standfirst"),
        ("نحتاج إلى قاعات في كل مدينة صغيرة", "standfirst")]


def test_answer_sentences_the_pull_quotes_repeat_are_the_interviewees_quotes():
    quotes = extract_quotes(PARAGRAPHS, context=[TITLE, STANDFIRST], title=TITLE,
                            standfirsts=[STANDFIRST])
    assert [(q.location, q.paragraph, q.text) for q in quotes] == [
        ("headline", None, "السينما لا تعيش بلا جمهور يحبها"),
        ("standfirst", None, "الأفلام القصيرة مدرسة كل مخرج شاب"),
        ("standfirst", None, "نحتاج إلى قاعات في كل مدينة صغيرة"),
        ("body", 2, "السينما لا تعيش بلا جمهور يحبها ويدفع ثمن التذكرة"),
        ("body", 4, "الأفلام القصيرة مدرسة كل مخرج شاب، ومنها تعلمت أنا أيضا"),
        ("body", 6, "نحتاج إلى قاعات في كل مدينة صغيرة حتى يصل الفيلم إلى الناس"),
    ]
    assert {(q.speaker, q.role, q.card_worthy) for q in quotes} == {
        ("سلوى بن عمار", "المخرجة التونسية", True)}


def test_a_report_with_a_few_questions_is_no_interview():
    report = [
        "أعلنت البلدية أمس خطة جديدة لتنظيم حركة المرور في وسط المدينة.",
        "فهل تنجح الخطة هذه المرة؟",
        "يرى سكان الحي أن المشكلة أقدم من أي خطة، وأن الحل في النقل العام.",
        "وماذا عن التجار؟",
        "يخشى التجار أن تقل حركة الزبائن إذا منعت السيارات من دخول الشارع الرئيسي.",
        "ومتى تبدأ؟",
        "تبدأ الخطة مطلع الشهر المقبل وتستمر ثلاثة أشهر على سبيل التجربة.",
        "وتقول البلدية إنها ستراجع النتائج بعد ذلك مع ممثلي السكان والتجار.",
        "ويأمل الجميع أن تخفف الخطة الزحام الذي يشهده وسط المدينة كل صباح.",
        "وكانت البلدية قد جربت خطة مشابهة قبل عامين ثم تخلت عنها.",
    ]
    assert answers(report) == []
    title = "الناطق باسم البلدية سامي الحداد لـ«المدينة»: الخطة تبدأ مطلع الشهر المقبل"
    assert extract_quotes(report, context=[title], title=title) == ()


def test_without_a_headline_that_names_who_spoke_nothing_is_attributed():
    title = "السينما لا تعيش بلا جمهور يحبها"
    assert extract_quotes(PARAGRAPHS, context=[title], title=title,
                          standfirsts=[STANDFIRST]) == ()


def test_a_pull_quote_printed_again_in_an_answer_is_one_quote():
    standfirst = "- نحتاج إلى قاعات في كل مدينة صغيرة حتى يصل الفيلم إلى الناس"
    quotes = extract_quotes(PARAGRAPHS, context=[TITLE, standfirst], title=TITLE,
                            standfirsts=[standfirst])
    assert [q.location for q in quotes].count("standfirst") == 0
    assert [q.paragraph for q in quotes if q.location == "body"] == [2, 6]


def test_a_standfirst_that_no_answer_echoes_is_the_journalists_not_a_quote():
    standfirst = "- حوار عن مهرجان الفيلم القصير الذي أقيم هذا الأسبوع في العاصمة بحضور ضيوف"
    quotes = extract_quotes(PARAGRAPHS, context=[TITLE, standfirst], title=TITLE,
                            standfirsts=[standfirst])
    assert [q.location for q in quotes] == ["headline", "body"]


def test_pull_quotes_survive_the_stored_record(tmp_path):
    import dataclasses
    import json

    import pytest

    from repackage.errors import InputError
    from repackage.model import Article, InputInfo

    quotes = extract_quotes(PARAGRAPHS, context=[TITLE, STANDFIRST], title=TITLE,
                            standfirsts=[STANDFIRST])
    article = Article(slug="interview", title=TITLE, paragraphs=tuple(PARAGRAPHS), quotes=quotes,
                      input=InputInfo(path="x.html", sha256="0" * 64, encoding="utf-8"))
    again = Article.from_dict(json.loads(article.to_json()))
    assert again == article
    bad = dataclasses.replace(quotes[0], location="body")
    with pytest.raises(InputError, match="paragraph"):
        Article.from_dict(json.loads(dataclasses.replace(article, quotes=(bad,)).to_json()))


def test_numbered_questions_and_answers():
    turns = []
    for k, (q, a) in enumerate([
            ("حدثنا عن بداياتك مع الكتابة", "بدأت أكتب القصة القصيرة في المدرسة ثم انتقلت إلى الرواية."),
            ("ما الذي تغير في القراءة اليوم", "صار القراء أكثر عددا وأقل صبرا على الكتب الطويلة."),
            ("ما مشروعك المقبل", "أعمل على رواية عن مدينة ساحلية صغيرة في سنوات الحرب.")], start=1):
        turns += [f"س{k}. {q}", f"ج{k}. {a}"]
    assert answers(turns) == [1, 3, 5]
    assert is_question("س12: ما رأيك") and not is_question("ج1. بدأت أكتب")


def test_interview_headline_with_the_interviewee_after_mae():
    who = interviewee("حوار مع الروائي والمترجم أ. د. سليم بن علي الخطيب")
    assert (who.name, who.role) == ("سليم بن علي الخطيب", "الروائي والمترجم")
