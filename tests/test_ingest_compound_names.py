"""Names read whole and ended where the article ends them (a compound first name with a title
word in it, a word more read once), a question asked as speech, a pronoun after بأن, and a page
whose story goes on after a "read also" box, opens with a teaser or lists items with bullets.
Short articles of our own, in the shapes real reports use."""

from __future__ import annotations

from repackage.ingest.mentions import parse_mention
from repackage.ingest.quotes import extract_quotes
from repackage.ingest.raw import parse_raw


def _said(paragraphs):
    return [(q.speaker, q.role) for q in extract_quotes(paragraphs) if q.card_worthy]


def _page(lines: list[str]) -> str:
    return "\n\n".join(lines) + "\n"


def test_a_title_word_inside_a_compound_first_name_is_the_name():
    m = parse_mention("الناظر محمد الأمين صالح رئيس مجلس القبائل في الإقليم، إن".split())
    assert m.name == ("محمد", "الأمين", "صالح") and m.role_text == "رئيس مجلس القبائل في الإقليم"
    # the same word after a first name and before its complement is the title
    assert parse_mention("محمد الأمين العام للحزب، إن".split()).name != ("محمد", "الأمين", "العام")


def test_a_name_read_once_with_a_word_more_ends_where_the_article_ends_it():
    paras = ["أثارت المطربة ليلى حداد موجة من الجدل بعد حديثها عن الألقاب الفنية.",
             "وقالت ليلى حداد: “اللقب لا يصنع الفنان، الجمهور هو الذي يصنعه”.",
             "وأضافت: “لم أقصد أحدا بكلامي، وأحترم كل زميلاتي في الوسط الفني”."]
    assert _said(paras) == [("ليلى حداد", "المطربة"), ("ليلى حداد", "المطربة")]


def test_a_question_asked_is_speech_and_the_floor_stays_with_her():
    paras = ["رد الموسيقار سامر نجيب على تصريحات المطربة ليلى حداد الأخيرة.",
             "كما سألت ليلى حداد: “هل صار اللقب أهم من الأغنية نفسها في هذه الأيام؟”. "
             "وأضافت: “لا أعرف لماذا غضب مني الجميع بعد هذا الكلام البسيط”."]
    assert [s for s, _ in _said(paras)] == ["ليلى حداد", "ليلى حداد"]


def test_a_pronoun_after_bi_anna_is_no_name():
    paras = ["قالت الممثلة سناء الخطيب إن الدراما تمر بأزمة حقيقية منذ سنوات.",
             "ولفتت بأنها تهتم بصحتها قائلة: “أنا أمشي كل يوم ساعة كاملة ولا أتنازل عن ذلك”."]
    assert [s for s, _ in _said(paras)] == ["سناء الخطيب"]


HEADLINE = "هل تعود الحافلات إلى الحي الشرقي قبل بداية العام الدراسي؟ هذا ما قاله “رئيس البلدية”!"
BODY = [
    "وعد رئيس البلدية كمال السعدي سكان الحي الشرقي بعودة الحافلات قبل بداية العام الدراسي، "
    "بعد شهرين من توقفها بسبب أشغال الطريق.",
    "وقال السعدي إن الأشغال ستنتهي نهاية الشهر، وإن الحافلات ستعود إلى خطوطها القديمة.",
    "وأضاف أن البلدية ستضيف خطا جديدا يربط الحي الشرقي بالمدارس الثانوية في وسط المدينة.",
]


def test_a_teaser_headline_under_the_site_line_is_told_by_the_story():
    fields = parse_raw(_page(["أخبار محليةصحيفة الساحل", HEADLINE, *BODY, "اترك تعليقاً"]))
    assert fields.title == HEADLINE and fields.paragraphs == BODY


def test_the_story_goes_on_after_a_read_also_box_when_its_speaker_does():
    more = "ولفت السعدي إلى أن سكان الحي سيحصلون على بطاقات مجانية طوال شهر كامل بعد عودة الحافلات."
    fields = parse_raw(_page(["بحث", "الحافلات تعود إلى الحي الشرقي", *BODY, "اقرأ أيضاً:", more,
                              "اترك تعليقاً"]))
    assert fields.paragraphs == [*BODY, more]
    # a teaser of another story after the box is not the article
    teaser = "البلدية تطلق مسابقة لأجمل حديقة منزلية في المدينة بمشاركة مئات السكان من كل الأحياء"
    fields = parse_raw(_page(["بحث", "الحافلات تعود إلى الحي الشرقي", *BODY, "اقرأ أيضاً:", teaser,
                              "اترك تعليقاً"]))
    assert fields.paragraphs == BODY


def test_a_list_item_in_the_body_keeps_its_bullet_a_menu_loses_it():
    items = ["• على الهاتف: افتح المتجر وابحث عن التطبيق، ثم اضغط على زر التحديث وانتظر قليلا.",
             "• على الحاسوب: افتح الموقع الرسمي وحمل النسخة الجديدة من صفحة التنزيلات مباشرة."]
    fields = parse_raw(_page(["• الرئيسية", "• تقنية", "التطبيق يطلق نسخة جديدة", *BODY, *items,
                              "اترك تعليقاً"]))
    assert fields.paragraphs == [*BODY, *items]
    assert all(not d.text.startswith("•") for d in fields.dropped)


def test_arabic_punctuation_is_not_part_of_a_word():
    from repackage.ingest.blocks import words
    assert words("قبل العام الدراسي؟ نعم، بعد الشهر؛ ثم") == [
        "قبل", "العام", "الدراسي", "نعم", "بعد", "الشهر", "ثم"]
