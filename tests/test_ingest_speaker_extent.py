"""Where a speaker's name stops, and which person a title, a nationality or a marked name means.

Each case is a short article of our own in the shapes real reports use: the speech noun a
closing verb takes (``وختم حديثه``), a sentence opened by a verb that reports nothing
(``تحدث فلان قائلا``), a name in quote marks or with a stray mark, a nationality between title
and name, an honorific inside a title, and a bare title (``الوزير``) after several ministers.
"""

from __future__ import annotations

from repackage.ingest.marked_names import unmarked
from repackage.ingest.mentions import parse_mention
from repackage.ingest.quotes import extract_quotes


def _speakers(paragraphs):
    return [(q.speaker, q.role) for q in extract_quotes(paragraphs) if q.card_worthy]


def test_speech_noun_after_the_name_is_the_verbs_object():
    paras = [
        "أكد مدرب المنتخب الوطني لكرة القدم، الكرواتي زوران ميلوفيتش، أن الفريق جاهز للمباراة.",
        'وقال ميلوفيتش في المؤتمر الصحفي: "الفوز اليوم كان ثمرة عمل طويل مع اللاعبين".',
        'وختم ميلوفيتش حديثه: "الجماهير تستحق منا أكثر من هذا الأداء بكثير".',
        'وختم تصريحاته: "سنعود أقوى في المباراة المقبلة أمام منافس صعب".',
    ]
    want = ("زوران ميلوفيتش", "مدرب المنتخب الوطني لكرة القدم")
    assert _speakers(paras) == [want] * 3


def test_a_sentence_opened_by_a_verb_of_narration_is_not_a_name():
    paras = [
        "انتقد الإسباني خافيير مونتيرو مدرب فريق الشباب الحكم المساعد بعد نهاية المباراة.",
        "وعن اللقاء، تحدث مونتيرو قائلاً: لم نلعب بالشكل المطلوب في الشوط الأول لكننا تحسنا بعد ذلك.",
        "وقال مونتيرو عقب المباراة: الحكم لم يحتسب ركلة جزاء واضحة لنا في الدقائق الأخيرة.",
    ]
    assert _speakers(paras) == [("خافيير مونتيرو", "مدرب فريق الشباب")] * 2


def test_a_title_stops_at_the_verbs_object_and_at_a_verbal_noun():
    assert parse_mention("مدرب فريق الشباب الحكم المساعد".split()).role == ("مدرب", "فريق", "الشباب")
    mention = parse_mention("مدرب منتخب الأردن بالتطرق إلى قرارات الحكم".split())
    assert mention.role == ("مدرب", "منتخب", "الأردن") and not mention.name


def test_name_in_marks_is_the_speaker_and_not_a_quote():
    paras = [
        'يرى مدرب منتخب الأردن الهولندي ” يان فريس”، أن فريقه قدم مباراة كبيرة.',
        "وقال المدير الفني الهولندي في المؤتمر الصحفي ” كانت مباراة متكافئة بين الفريقين حتى الدقيقة الأخيرة”.",
        "وأكمل مدرب منتخب الأردن بالتطرق إلى قرارات الحكم، وقال ” الأخطاء جزء من كرة القدم ولا يمكن أن نلوم أحدا”.",
    ]
    quotes = extract_quotes(paras)
    assert [q.text for q in quotes if "فريس" in q.text] == []
    assert {q.speaker for q in quotes} == {"يان فريس"}
    assert all(q.card_worthy for q in quotes)


def test_stray_closing_mark_after_a_name_closes_no_quote():
    paras = [
        "قال عادل الزين” ، وزير الزراعة ، لوكالة الأنباء الرسمية “على الحكومة أن تفهم أن الوقت قد حان للتغيير.”",
        "وأوضح عادل الزين أن “المحاصيل تضررت كثيرا بسبب موجة الجفاف الأخيرة في البلاد”.",
    ]
    quotes = extract_quotes(paras)
    assert [q.text for q in quotes] == [
        "على الحكومة أن تفهم أن الوقت قد حان للتغيير.",
        "المحاصيل تضررت كثيرا بسبب موجة الجفاف الأخيرة في البلاد",
    ]
    assert {(q.speaker, q.role) for q in quotes} == {("عادل الزين", "وزير الزراعة")}
    assert unmarked(paras[0]).startswith("قال عادل الزين، وزير الزراعة، لوكالة")


def test_outlet_and_disease_names_in_marks_are_not_quotes():
    paras = ['وحسب معلومات نشرتها "الوكالة الوطنية" فإن الاجتماع تأجل، كما أن مرض "حمى الضنك" انتشر في المنطقة.']
    assert extract_quotes(paras) == ()


def test_honorific_is_no_role_and_a_bare_title_means_the_latest_one_named():
    paras = [
        "الدكتور سامي فهمي",
        "أكد وزير الري والموارد المائية الدكتور سامي فهمي أن المشروع سيكتمل قبل نهاية العام.",
        'وقال وزير الري "سنواصل العمل حتى يصل الماء إلى كل قرية في البلاد".',
        "قال وزير المالية التونسي، منير الحداد، إن الميزانية ستعرض الأسبوع المقبل.",
        'وأضاف الحداد: "لن نرفع الضرائب على الأسر محدودة الدخل هذا العام".',
        "رفض وزير الداخلية الليبي فرج العبيدي كل الاتهامات الموجهة إلى الأجهزة الأمنية.",
        "وأعرب الوزير في تصريحات صحفية عن أسفه، مؤكداً أن “الحملة المضللة التي تقودها بعض الصحف لن تنجح في تشويه عملنا”.",
    ]
    assert _speakers(paras) == [
        ("سامي فهمي", "وزير الري والموارد المائية"),
        ("منير الحداد", "وزير المالية التونسي"),
        ("فرج العبيدي", "وزير الداخلية الليبي"),
    ]


def test_family_name_like_a_prepositional_phrase_is_kept_whole():
    mention = parse_mention("وزير الخارجية الجزائري رمطان بوقرة كل الدعم للمبادرة".split())
    assert mention.name == ("رمطان", "بوقرة")
    appos = parse_mention("مدرب منتخبنا الوطني لكرة القدم، السلوفيني ستيفان كوفاتش، أحقية".split())
    assert appos.role == ("مدرب", "منتخبنا", "الوطني", "لكرة", "القدم")
    assert appos.name == ("ستيفان", "كوفاتش") and appos.descriptors == ("السلوفيني",)


def test_speaker_named_only_by_surname_after_a_verb_of_narration():
    paras = [
        "وعن اللقاء، تحدث مونتيرو قائلاً: لم نلعب بالشكل المطلوب في الشوط الأول لكننا تحسنا بعد ذلك.",
        "وقال مونتيرو عقب المباراة: الحكم لم يحتسب ركلة جزاء واضحة لنا في الدقائق الأخيرة.",
    ]
    assert [s for s, _ in _speakers(paras)] == ["مونتيرو", "مونتيرو"]


def test_marked_words_after_a_demonstrative_are_a_fragment():
    paras = [
        "رفض وزير الداخلية الليبي فرج العبيدي كل الاتهامات الموجهة إلى الأجهزة الأمنية.",
        "وأعرب الوزير عن استغرابه لهذه “الاتهامات التي بنيت على روايات لا أساس لها من الصحة”.",
    ]
    (quote,) = extract_quotes(paras)
    assert quote.speaker == "فرج العبيدي" and not quote.card_worthy


def test_verbal_noun_with_a_pronoun_goes_to_the_last_speaker_of_that_gender():
    paras = [
        "قالت وزيرة الثقافة، سعاد المرزوقي، إن “المهرجان سيقام في موعده المحدد رغم كل الصعوبات”.",
        "وقال مدير المهرجان، حاتم الكبير، إن “التحضيرات بدأت منذ أشهر طويلة في كل المدن”.",
        "وفي ختام اللقاء، وزيادة على تأكيدها أن “الثقافة ليست ترفا بل حاجة يومية لكل مواطن في هذا "
        "البلد”، دعت الجمهور إلى الحضور.",
    ]
    assert [s for s, _ in _speakers(paras)] == ["سعاد المرزوقي", "حاتم الكبير", "سعاد المرزوقي"]


def test_family_name_of_origin_before_a_prepositional_phrase_is_the_surname():
    paras = [
        "قالت وزيرة الثقافة، سعاد المرزوقي، إن المهرجان سيقام في موعده.",
        "وختمت المرزوقي بالتذكير بدعم الوزارة، مؤكدة أن “الثقافة ليست ترفا بل حاجة يومية لكل مواطن”.",
    ]
    assert _speakers(paras) == [("سعاد المرزوقي", "وزيرة الثقافة")]


def test_attention_is_no_speech_and_a_relative_clause_speaks_for_its_noun():
    paras = [
        "حاور المذيع البريطاني جون كارتر وزير السياحة في برنامجه الأسبوعي.",
        "لفتت الإجابة انتباه المذيع البريطاني الذي مازحه “هل ستأخذني في جولة إلى كل هذه المدن يوما ما؟”.",
    ]
    assert _speakers(paras) == [("جون كارتر", "المذيع البريطاني")]


def test_an_unclosed_quote_ends_where_a_nested_one_closes_before_the_writers_narration():
    paras = [
        "حاور المذيع البريطاني جون كارتر وزير السياحة في برنامجه الأسبوعي.",
        "لفتت الإجابة انتباه المذيع البريطاني الذي مازحه “هل تستطيع أن تقول “أهلا بكم في بلدي!”، "
        "فأجابه الوزير ضاحكا بـ”Welcome”.",
    ]
    (quote,) = [q for q in extract_quotes(paras) if q.card_worthy]
    assert quote.text == "هل تستطيع أن تقول “أهلا بكم في بلدي!”"


def test_a_relative_clause_in_marks_is_a_fragment():
    paras = [
        "قالت وزيرة الثقافة، سعاد المرزوقي، إن المهرجان سيقام في موعده.",
        "وأشارت المرزوقي إلى تصريحات للصحافة المحلية “نشرت فيها أرقاما غير صحيحة عن ميزانية المهرجان”.",
    ]
    (quote,) = extract_quotes(paras)
    assert quote.speaker == "سعاد المرزوقي" and not quote.card_worthy


def test_a_quotes_own_words_and_an_adjective_of_origin_introduce_nobody():
    paras = [
        "وتحدث كمال الرياحي مدرب النادي بغضب عن أداء الحكم، قائلاً: “لا أحب الحديث عن التحكيم، "
        "لكن على الاتحاد الوطني مراجعة أداء الحكام وتحليل قراراتهم”.",
        "'الجيش النظامي استهدف قريتنا بعشرات القذائف'",
        "وقال المزارع سالم العبدالله، الذي فقد بيته، إن “القذائف سقطت على البيوت قبل الفجر بدقائق قليلة”.",
    ]
    assert [s for s, _ in _speakers(paras)] == ["كمال الرياحي", "سالم العبدالله"]


def test_a_verb_after_a_title_is_no_name_and_a_new_clause_is_no_relative_one():
    paras = [
        "وحضر الافتتاح رئيس الحكومة “عبد الرحيم بن سالم”، وزير الدولة “عبد الله بوعزة”، و”كريم السعدي” وزير المالية.",
        "وكان رئيس الحكومة رفض الحديث إلى الصحفيين فور وصوله، قبل أن يبرر ذلك بالقول: “الصحفيون يطاردونني في كل مكان أذهب إليه”.",
        "وطمأن وزير الصحة، خالد آيت الحسن واثقا، المواطنين في محاربة الأوبئة حيث قال “لدينا تجربة طويلة في هذا الميدان”.",
    ]
    quotes = extract_quotes(paras)
    assert [q.text for q in quotes if not q.card_worthy] == []  # the names in marks are not quotes
    assert [s for s, _ in _speakers(paras)] == ["عبد الرحيم بن سالم", "خالد آيت الحسن"]


def test_a_one_word_title_gives_way_to_the_title_after_the_name():
    paras = [
        "علق المستشار نبيل الشامي، المتحدث الرسمي باسم رئاسة مجلس الوزراء، على ما يحدث في المنطقة.",
        "وتابع المتحدث الرسمي باسم رئاسة مجلس الوزراء: “علينا أن نستعد لكل الاحتمالات في الأشهر المقبلة”.",
        "وتروي ليلى حداد، من سكان الحي، قائلة: “سمعنا صوتا قويا ثم خرجنا إلى الشارع بسرعة”.",
        "واسترسل الشامي “لن نسمح بأن يدفع المواطن ثمن أزمات لا يد له فيها”.",
    ]
    assert _speakers(paras) == [
        ("نبيل الشامي", "المتحدث الرسمي باسم رئاسة مجلس الوزراء"), ("ليلى حداد", "من سكان الحي"),
        ("نبيل الشامي", "المتحدث الرسمي باسم رئاسة مجلس الوزراء")]


def test_a_description_then_the_name_after_its_comma():
    paras = [
        "قال أحد الجيران، مراد بلقاسم، إن الانفجار كان قويا، موضحا: “سمعنا صوتا هائلا ثم تحطم زجاج النوافذ كله”.",
        "وقال صاحب مخبز قريب من المكان، وليد حسن العلي: “خرجنا إلى الشارع فوجدنا الدخان يملأ الحي بأكمله”.",
        "وقال عبدالرحمن في تصريح آخر: “لم نر شيئا كهذا منذ سنوات طويلة في هذه المدينة”.",
        "وكان وزير الداخلية عمر عبد الرحمن قد زار الموقع بعد ساعة من الانفجار.",
    ]
    assert _speakers(paras)[:2] == [("مراد بلقاسم", "أحد الجيران"),
                                    ("وليد حسن العلي", "صاحب مخبز قريب من المكان")]
    assert _speakers(paras)[2][0] == "عمر عبد الرحمن"  # عبدالرحمن is عبد الرحمن written as one word


def test_a_title_or_a_name_so_called_in_marks_is_not_a_quote():
    paras = ["وكشفت الوزارة في بيانها عن تفاصيل تتعلق بملف “المتحدث الرسمي باسم الحكومة” وعن جماعة "
             "ما يعرف بـ\"جبهة الدفاع عن الشمال والجنوب الغربي\" في المنطقة."]
    assert extract_quotes(paras) == ()


def test_an_epithet_gives_way_to_the_title_after_the_name():
    mention = parse_mention("عبر النجم المغربي ياسين العلمي لاعب الفريق الأول بنادي أياكس عن سعادته".split()[1:])
    assert mention.name == ("ياسين", "العلمي")
    assert mention.role == ("لاعب", "الفريق", "الأول", "بنادي", "أياكس")
    assert parse_mention("المذيع البريطاني جون كارتر وزير السياحة".split()).role == ("المذيع", "البريطاني")


def test_a_subject_written_before_the_verb_after_kana_speaks_whoever_spoke_last():
    paras = [
        "قال مدير المرصد رامي عبد الرحمن إن “خمسة أشخاص قتلوا في القصف الذي استهدف المدينة فجر اليوم”.",
        "وكان التلفزيون الرسمي السوري أفاد في وقت سابق بأن \"عدوانا جويا يستهدف بعض المناطق في حمص وريفها\".",
    ]
    assert [s for s, _ in _speakers(paras)] == ["رامي عبد الرحمن", "التلفزيون الرسمي السوري"]


def test_the_particle_amma_is_not_part_of_a_name():
    assert "أما" not in parse_mention("أما الائتلاف فقد دعا".split()).name


def test_where_a_person_belongs_between_commas_is_their_role_but_for_their_part_is_not():
    assert parse_mention("سعاد ناصر، وهي من سكان الحي، قائلة".split()).role == ("من", "سكان", "الحي")
    assert parse_mention("محمد علي، من جهته، إن".split()).role == ()
