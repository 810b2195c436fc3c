"""Who speaks when the sentence around a quote names an outlet, a rank, a subject before its
verb or a name set off by commas. Short articles of our own, in the shapes real reports use."""

from __future__ import annotations

from repackage.ingest.mentions import parse_mention
from repackage.ingest.quotes import extract_quotes


def _speakers(paragraphs):
    return [q.speaker for q in extract_quotes(paragraphs) if q.card_worthy]


def test_an_agency_after_the_quote_relays_the_speaker_who_has_the_floor():
    paras = [
        "قال وزير الإعلام، الدكتور سامي الحمداني، إن الحكومة ستنشر تقريرا عن الأضرار.",
        "وأكد أن “سلامة المواطنين هي أولويتنا الأولى في هذه الظروف”، وفق وكالة الأنباء الرسمية.",
    ]
    assert _speakers(paras) == ["سامي الحمداني"]


def test_the_outlet_spoken_to_after_the_name_is_not_the_speaker():
    paras = [
        "قال وزير الإعلام، الدكتور سامي الحمداني، إن الحكومة ستنشر تقريرا عن الأضرار.",
        "كما تحدث الحمداني للتلفزيون المغربي عن سقوط الحطام، مشيرا إلى أنه لم تسجل إصابات "
        "“هناك إصابتان طفيفتان فقط بحسب التقرير الطبي”.",
    ]
    assert _speakers(paras) == ["سامي الحمداني"]
    assert "للتلفزيون" not in parse_mention("الحمداني للتلفزيون المغربي عن سقوط".split()).name


def test_a_rank_between_the_title_and_the_name_is_neither():
    m = parse_mention("رئيس المجلس العسكري الفريق أول ركن سالم الحداد، أن الجيش".split())
    assert m.name == ("سالم", "الحداد") and m.role_text == "رئيس المجلس العسكري"
    m = parse_mention("قائد القوات البرية اللواء الركن سالم الحداد، أن".split())
    assert m.name == ("سالم", "الحداد") and m.role_text == "قائد القوات البرية"


def test_an_adjective_of_the_fail_pattern_stays_in_the_title():
    paras = [
        "وكان مستشار قائد قوات التدخل السريع نادر سليم يوسف، قال إن الانسحاب كان مؤقتا.",
        'وتابع: "المعركة لم تنته بعد، وما زلنا في مواقعنا".',
    ]
    assert _speakers(paras) == ["نادر سليم يوسف"]


def test_a_verb_with_its_object_goes_on_with_the_speech_without_marks():
    quotes = extract_quotes(["وفي ذات الوقت صرح مدير مكتب القائد وقال : القائد بخير ويتابع العملية من مكان آمن .."])
    assert [q.text for q in quotes] == ["القائد بخير ويتابع العملية من مكان آمن"]
    # the writer's own verb with its speaker still ends it
    quotes = extract_quotes(["وقال الوزير: سنعيد فتح الطريق قريبا وأضاف الوزير أن العمل مستمر."])
    assert quotes[0].text == "سنعيد فتح الطريق قريبا"


def test_thus_began_after_the_quote_names_the_speaker():
    paras = ["«نحن جاهزون لتحقيق نتيجة إيجابية» .. هكذا بدأ مدرب النادي الأهلي سمير الجمال، "
             "الندوة الصحافية التي عقدها مساء أمس في قاعة الملعب."]
    assert _speakers(paras) == ["سمير الجمال"]


def test_a_name_before_qad_is_the_subject_and_its_first_mention_gives_the_full_name():
    paras = [
        "رد سمير الجمال، قائد المنتخب، على شكوى نادر فرنانديث، متوسط ميدان المنتخب المنافس، من التحكيم.",
        'وقال الجمال: "لا نختار الحكام، ولم نشتك حين خسرنا".',
        'وكان فرنانديث قد صرح قائلا عقب المباراة: "من الغريب أن يدير هذه المباراة حكم من بلد منافس".',
    ]
    assert _speakers(paras) == ["سمير الجمال", "نادر فرنانديث"]
