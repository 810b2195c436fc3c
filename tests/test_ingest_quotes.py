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


# Habits of real pages, each with sentences written for this test.

NAMED = "أعلنت وزيرة النقل ليلى منصور خطة جديدة للحافلات في العاصمة."
SPEECH = "سنبدأ بتشغيل الخطوط الجديدة مطلع الشهر المقبل في كل الأحياء"


def _cards(paras, context=None):
    return [q for q in extract_quotes(paras, context=context) if q.card_worthy]


def test_reversed_curly_marks():
    (quote,) = _cards([NAMED, f"وقالت منصور إن ”{SPEECH}“."])
    assert (quote.text, quote.speaker, quote.role) == (SPEECH, "ليلى منصور", "وزيرة النقل")


def test_same_curly_mark_on_both_sides_and_glued_preposition():
    paras = [NAMED, f"وقالت منصور لـ”إذاعة المدينة”، إن ”{SPEECH}”."]
    (quote,) = _cards(paras)
    assert quote.text == SPEECH
    texts = [q.text for q in extract_quotes(paras)]
    assert "إذاعة المدينة" not in texts


def test_double_prime_closes_a_quote():
    (quote,) = _cards([NAMED, f"وأضافت: \"{SPEECH} من عام 2027″."])
    assert quote.text == f"{SPEECH} من عام 2027"


def test_nested_straight_marks_stay_in_one_quote():
    inner = 'نحن نعمل "على قدم وساق" ولن نتوقف قبل أن ينتهي المشروع'
    (quote,) = _cards([NAMED, f'وقالت منصور: "{inner}".'])
    assert quote.text == inner


def test_opening_mark_glued_to_the_speaker():
    (quote,) = _cards([NAMED, f'وقالت منصور" {SPEECH}".'])
    assert quote.text == SPEECH and quote.speaker == "ليلى منصور"


def test_spaces_inside_marks_are_trimmed():
    (quote,) = _cards([NAMED, f'وأضافت " {SPEECH} ".'])
    assert quote.text == SPEECH


def test_speech_after_a_colon_without_marks_ends_with_its_sentence():
    paras = [NAMED, f"وتابعت منصور خلال المؤتمر: {SPEECH}. وستعلن الوزارة الأسعار لاحقا."]
    (quote,) = _cards(paras)
    assert quote.text == SPEECH
    assert quote.marks == "none"
    assert quote.speaker == "ليلى منصور"


def test_unmarked_speech_stops_where_the_writer_resumes():
    paras = [NAMED, f"ونقلت صحيفة المساء عن منصور قولها: {SPEECH} ورداً على سؤال قالت إن الكلفة معقولة."]
    (quote,) = _cards(paras)
    assert quote.text == SPEECH
    assert quote.speaker == "ليلى منصور"


def test_colon_after_reported_speech_is_not_a_quote():
    paras = [NAMED, "وأكدت منصور أن الخطة تشمل ثلاثة أمور: الحافلات والقطارات والدراجات في المدينة."]
    assert _cards(paras) == []


def test_pronoun_continuations_take_the_last_speaker():
    paras = [
        NAMED,
        f'وقالت منصور: "{SPEECH}".',
        'وأضافت: "لن ترتفع أسعار التذاكر هذا العام مهما كانت الظروف".',
        'ولفتت إلى أن "الحافلات الكهربائية ستصل تباعا خلال الصيف المقبل".',
        'وتابعت، "نريد مدينة أنظف وأهدأ لأطفالنا جميعا".',
    ]
    quotes = _cards(paras)
    assert [q.speaker for q in quotes] == ["ليلى منصور"] * 4


def test_several_speakers_each_resolved_by_surname_or_title():
    paras = [
        NAMED,
        "ورد رئيس بلدية المدينة كمال حداد على الخطة بترحيب حذر.",
        f'وقالت منصور: "{SPEECH}".',
        'وقال حداد: "ننتظر أن نرى الحافلات في الشوارع قبل أن نحكم على الخطة".',
        'وأضاف رئيس البلدية: "المدينة تحتاج إلى أكثر من خطة على الورق".',
    ]
    got = [(q.speaker, q.role) for q in _cards(paras)]
    assert got == [
        ("ليلى منصور", "وزيرة النقل"),
        ("كمال حداد", "رئيس بلدية المدينة"),
        ("كمال حداد", "رئيس بلدية المدينة"),
    ]


def test_title_with_nationality_resolves_to_the_named_person():
    paras = [
        "قال المدرب البرتغالي جواو سيلفا، مدير الفريق الفني، إن الفوز مهم.",
        'وأضاف المدرب البرتغالي: "اللاعبون قدموا كل ما لديهم في الشوط الثاني من المباراة".',
    ]
    (quote,) = _cards(paras)
    assert quote.speaker == "جواو سيلفا"


def test_name_after_apposition_and_first_name_only():
    paras = [
        "حضرت الممثلة سلمى عادل عرض الافتتاح.",
        'وقالت سلمى: "كنت فرحانة قوي بالعرض ده وباللي شفته النهارده".',
    ]
    (quote,) = _cards(paras)
    assert quote.speaker == "سلمى عادل"
    assert quote.role == "الممثلة"


def test_unnamed_speaker_described_as_the_article_does():
    (quote,) = _cards(['وقال والد الطفل: "كنا ننتظر هذا اليوم منذ سنوات طويلة".'])
    assert quote.speaker == "والد الطفل"


def test_institution_speaks_in_a_written_statement():
    paras = ['نفت الهيئة العامة للطيران في بيان "أن تكون أي رحلة قد ألغيت بسبب العاصفة".',
             'وأكدت "أن جميع المطارات تعمل بصورة طبيعية منذ صباح اليوم".']
    assert [q.speaker for q in _cards(paras)] == ["الهيئة العامة للطيران"] * 2


def test_attribution_after_with_a_description():
    paras = ["«تجربة تستحق المتابعة لأنها تجمع الجمهور والفنانين معا»، وفق نقاد ومتابعين."]
    (quote,) = _cards(paras)
    assert quote.speaker == "نقاد ومتابعين"
    assert quote.attribution == "after"


def test_plural_verb_takes_its_subject_from_before():
    paras = ['وقال شاهد إن المحتجين رددوا هتافات من بينها "الأرض لنا ولن نتركها"، و"لا عودة إلى الوراء أبدا".']
    assert [q.speaker for q in _cards(paras)] == ["المحتجين", "المحتجين"]


@pytest.mark.parametrize("sentence, name", [
    ('وقال الوزير في مقابلة مع برنامج "صباح الخير يا وطن" إن الخطة جاهزة.', "صباح الخير يا وطن"),
    ('وعرض المهرجان فيلم «ليالي المدينة القديمة» في الافتتاح.', "ليالي المدينة القديمة"),
    ('وقال ذلك خلال حواره مع قناة "الشرق الأوسط اليوم" مساء أمس.', "الشرق الأوسط اليوم"),
    ('وأضافت منصور عبر "فيسبوك" أن العمل مستمر.', "فيسبوك"),
    ('وقال «منصور»، في تصريح صحفي، إن العمل مستمر.', "منصور"),
])
def test_names_and_titles_in_marks_are_not_quotes(sentence, name):
    texts = [q.text for q in extract_quotes([NAMED, sentence])]
    assert name not in texts


def test_name_in_marks_is_still_the_speaker():
    (quote,) = _cards([NAMED, f'وقالت «منصور»، في تصريح صحفي، إن "{SPEECH}".'])
    assert quote.speaker == "ليلى منصور"


def test_writer_words_inside_the_closing_mark_are_cut():
    paras = [NAMED, f"وقالت منصور: “{SPEECH}، موضحة أنها ستزور الأحياء بنفسها”."]
    (quote,) = _cards(paras)
    assert quote.text == SPEECH


def test_partial_quote_in_reported_speech_is_kept_apart_from_fragments():
    paras = [NAMED, 'وقالت منصور إن الخطة "ستغير حياة الناس في المدينة" وإنها "خطوة أولى".']
    quotes = extract_quotes(paras)
    assert [(q.text, q.card_worthy) for q in quotes] == [
        ("ستغير حياة الناس في المدينة", True), ("خطوة أولى", False)]


def test_promise_with_prepositional_object_is_not_a_card():
    paras = [NAMED, 'وتعهدت منصور "بتحسين النقل العام في كل أحياء المدينة دون استثناء".']
    (quote,) = extract_quotes(paras)
    assert not quote.card_worthy and quote.speaker == "ليلى منصور"


def test_stray_closing_mark_on_reported_speech_is_not_a_quote():
    paras = ['قالت وزيرة النقل ليلى منصور، إن الخطة تحتاج وقتا، حيث أنها تعمل عليها منذ عام".']
    assert extract_quotes(paras) == ()


def test_missing_opening_mark_after_the_verb():
    paras = [NAMED, 'وقالت نحتاج إلى صبر المواطنين حتى تكتمل الخطوط كلها " .']
    (quote,) = _cards(paras)
    assert quote.text == "نحتاج إلى صبر المواطنين حتى تكتمل الخطوط كلها"
    assert quote.speaker == "ليلى منصور"


def test_list_of_titles_in_marks_after_a_category_noun():
    paras = ["ويشارك في المسابقة أربعة أفلام هي: «ضوء القمر»، و«البحر» من تونس، و«بيت الجدة» من مصر."]
    assert extract_quotes(paras) == ()


def test_a_name_marked_once_and_written_plainly_elsewhere():
    paras = ["افتتحت جمعية النور معرضها السنوي في المدينة.",
             'ويأتي المعرض بعد عام من تأسيس "النور" في الحي القديم.']
    assert extract_quotes(paras) == ()


def test_according_to_a_named_person_before_the_quote():
    paras = [NAMED, f'وبحسب منصور، فإن "{SPEECH}".']
    (quote,) = _cards(paras)
    assert quote.speaker == "ليلى منصور"


def test_a_paragraph_that_is_all_quote_goes_on_with_the_speaker():
    paras = [NAMED, f'وقالت منصور: "{SPEECH}".', '"ولن نترك أي حي من دون خط جديد يصله بوسط المدينة".']
    quotes = _cards(paras)
    assert [q.speaker for q in quotes] == ["ليلى منصور", "ليلى منصور"]


def test_a_paragraph_in_marks_without_a_speaker_before_it_has_no_speaker():
    paras = ["افتتحت البلدية حديقة جديدة.", '"حديقة للجميع من الصباح حتى المساء في كل أيام الأسبوع".']
    assert _cards(paras) == []


def test_unnamed_source_described_with_its_aside():
    paras = ['وقال مسؤول، رفض ذكر اسمه، لوكالة الأنباء: "الاتفاق سيوقع قبل نهاية الشهر الجاري".']
    (quote,) = _cards(paras)
    assert quote.speaker == "مسؤول رفض ذكر اسمه"


def test_abbreviated_title_and_name_set_between_commas():
    paras = ['وقال أستاذ التاريخ في جامعة المدينة د. سمير نوفل: "المدينة القديمة تستحق أن تحمى".',
             'وقال وزير الثقافة، هادي قاسم، إن "الحكومة ستخصص ميزانية للترميم هذا العام".']
    got = [(q.speaker, q.role) for q in _cards(paras)]
    assert got == [("سمير نوفل", "أستاذ التاريخ في جامعة المدينة"), ("هادي قاسم", "وزير الثقافة")]


def test_family_name_with_a_particle():
    paras = ['وقال رئيس الهيئة فهد آل سالم: "نعمل على خطة تمتد خمس سنوات كاملة".']
    (quote,) = _cards(paras)
    assert quote.speaker == "فهد آل سالم"


def test_outlet_that_relayed_the_words_does_not_become_the_speaker():
    paras = [NAMED, f'وقالت منصور: "{SPEECH}"، بحسب ما نقلت "وكالة المدينة".',
             'وأضافت: "الخطوط الجديدة ستخدم طلاب الجامعات أولا".']
    assert [q.speaker for q in _cards(paras)] == ["ليلى منصور", "ليلى منصور"]


def test_three_words_given_whole_after_a_colon_stand_on_a_card():
    (quote,) = _cards([NAMED, 'وأضافت منصور: "المدينة تستحق الأفضل".'])
    assert quote.text == "المدينة تستحق الأفضل"


def test_quote_opening_with_a_category_word_is_still_speech():
    (quote,) = _cards([NAMED, 'وقالت منصور: "الفريق أنهى دراسة الخطوط كلها".'])
    assert quote.text == "الفريق أنهى دراسة الخطوط كلها"


def test_name_headed_by_a_category_noun_is_not_a_quote():
    paras = ["تنطلق الدورة العاشرة من «مهرجان المدينة الدولي للموسيقى العربية» الأسبوع المقبل."]
    assert extract_quotes(paras) == ()


def test_a_dotted_outlet_name_does_not_end_the_sentence():
    paras = ['قال مصدر حكومي لـ"الأخبار.نت" إن "الاتفاق سيوقع قبل نهاية الشهر الجاري".']
    (quote,) = _cards(paras)
    assert quote.speaker == "مصدر حكومي"


def test_title_before_the_verb_speaks_when_nobody_is_named():
    (quote,) = _cards(['وكان المتحدث قد قال في وقت سابق: "لن نقبل بأي تأجيل للموعد المحدد".'])
    assert quote.speaker == "المتحدث"


def test_surname_with_the_article_after_two_names():
    paras = ["أكد رئيس الحكومة سالم فؤاد الخطيب، اليوم، أن الموازنة جاهزة.",
             'وقال الخطيب: "الموازنة تحمي الفقراء أولا وقبل كل شيء".']
    (quote,) = _cards(paras)
    assert quote.speaker == "سالم فؤاد الخطيب"


def test_title_adjectives_and_representation_stay_in_the_role():
    paras = ['وقال مدير عام الهيئة المهندس باسل نجم: "سنفتح ثلاثة مكاتب جديدة هذا العام".',
             'وأوضح عضو البرلمان عن حزب الخضر سهى داود أن "القانون يحتاج إلى مراجعة شاملة".']
    got = [(q.speaker, q.role) for q in _cards(paras)]
    assert got == [("باسل نجم", "مدير عام الهيئة"), ("سهى داود", "عضو البرلمان عن حزب الخضر")]


@pytest.mark.parametrize("sentence", [
    'وأقر المجلس قانون "تنظيم العمل الأهلي في المدن والقرى" بالإجماع.',
    'ووقع البلدان اتفاقية "التعاون الاقتصادي الشامل بين الجانبين" أمس.',
    'وأطلقت البلدية حملة تحت شعار "مدينتنا أجمل حين تكون نظيفة".',
])
def test_long_names_of_laws_and_campaigns_are_not_quotes(sentence):
    assert _cards([sentence]) == []


def test_mark_glued_to_a_preposition_opens_a_fragment():
    (quote,) = extract_quotes([NAMED, "ووصفت منصور تأخر المشروع ب”العار” على الجميع."])
    assert (quote.text, quote.card_worthy, quote.speaker) == ("العار", False, "ليلى منصور")


def test_feminine_verb_goes_back_to_the_woman_speaking():
    paras = [
        "قالت وزيرة الصحة هالة زيدان إن الوضع مستقر.",
        'وقال مدير المستشفى كريم فاضل: "لدينا ما يكفي من الأسرة لاستقبال المرضى".',
        'وأضافت: "الوزارة سترسل فرقا إضافية إلى المستشفيات في الأقاليم".',
        'وتابع: "الأطباء يعملون على مدار الساعة دون توقف".',
    ]
    assert [q.speaker for q in _cards(paras)] == ["كريم فاضل", "هالة زيدان", "كريم فاضل"]


def test_title_with_a_possessive_announces_a_name():
    paras = ['وقال المخرج عادل نصر إن فيلمه "رحلة إلى قلب المدينة القديمة" سيعرض في الخريف.']
    assert _cards(paras) == []


@pytest.mark.parametrize("tail, speaker", [
    ("، حسبما قال رئيس البلدية كمال حداد.", "كمال حداد"),
    ("، بحسب ما قاله رئيس البلدية كمال حداد للصحفيين.", "كمال حداد"),
    ("، بحسب ما نقلت وكالة الأنباء.", None),
])
def test_attribution_after_through_what_someone_said(tail, speaker):
    quotes = extract_quotes([f'"{SPEECH}"{tail}'])
    assert quotes[0].speaker == speaker


SAID = "سنعمل على تصحيح الأخطاء قبل مباراة الإياب أمام جمهورنا"


@pytest.mark.parametrize("first", [
    "أشاد كريم الحداد، مدرب النادي الساحلي، بأداء لاعبيه رغم الخسارة.",
    "ومن جهته، أبدى كريم الحداد مدرب النادي الساحلي أسفه للخسارة.",
    "عبر كريم الحداد عن أسفه للخسارة أمام الفريق الضيف.",
])
def test_a_surname_speaker_takes_the_full_name_given_with_any_verb(first):
    (quote,) = extract_quotes([first, f'وقال الحداد في المؤتمر الصحفي: "{SAID}".'])
    assert quote.speaker == "كريم الحداد"


def test_a_surname_never_written_longer_stays_as_written():
    paras = ["خسر النادي الساحلي مباراته أمس أمام الفريق الضيف.",
             f'وقال الحداد في المؤتمر الصحفي: "{SAID}".']
    (quote,) = extract_quotes(paras)
    assert quote.speaker == "الحداد"


def test_a_title_with_an_honorific_in_apposition_names_the_speaker():
    paras = [f"قال وزير الداخلية، الشيخ ماهر العلي، إن «{LONG}».",
             f"وأكد وزير الداخلية، أن «{SAID}»."]
    quotes = extract_quotes(paras)
    assert [(q.speaker, q.role) for q in quotes] == [("ماهر العلي", "وزير الداخلية")] * 2


def test_a_foreign_name_ending_like_a_glued_preposition_before_a_title():
    (quote,) = extract_quotes([f'وقال جان برانكيه المتحدث باسم الشرطة: "{LONG}".'])
    assert (quote.speaker, quote.role) == ("جان برانكيه", "المتحدث باسم الشرطة")


def test_a_bare_verb_after_an_indefinite_noun_speaks_for_that_noun():
    paras = ["وقال الباحث سامر نصار إن الأرقام مقلقة.",
             f"وأشار نصار إلى تقرير أممي صدر الشهر الماضي قال «{LONG}»، مؤكدا أن الوضع خطير."]
    quotes = extract_quotes(paras)
    assert [q.speaker for q in quotes] == ["تقرير أممي"]


def test_a_verb_with_its_conjunction_still_goes_to_the_speaker_on_the_floor():
    paras = ["وقال الباحث سامر نصار إن الأرقام مقلقة.",
             f"وأشار نصار إلى تقرير أممي حديث، وقال «{LONG}»."]
    (quote,) = extract_quotes(paras)
    assert quote.speaker == "سامر نصار"


def test_words_given_on_the_tongue_of_a_named_person_are_theirs():
    paras = [f'وجاء في البيان على لسان المدير العام للشركة الدكتور سامر نصار: "{LONG}".',
             f'وأضاف د. نصار: "{SAID}".']
    quotes = extract_quotes(paras)
    assert [(q.speaker, q.card_worthy) for q in quotes] == [("سامر نصار", True)] * 2
