"""Who speaks when a report names the speaker in short, through an outlet, or with spacing.

Short articles of our own in the shapes real reports use: a colon spaced off the verb
(``وأضاف :"…"``), a colon right after a noun that also names things (``رئيس النادي: «…»``), a title
with joined nouns, a title without the article before its club, the outlet told in marks
before the speaker, an agency relaying someone, ``قال فيها``, and a source or a ministry first
described in full and later by a definite noun.
"""

from __future__ import annotations

from repackage.ingest.antecedents import antecedent
from repackage.ingest.mentions import parse_mention
from repackage.ingest.quotes import extract_quotes


def _speakers(paragraphs):
    return [(q.speaker, q.role) for q in extract_quotes(paragraphs) if q.card_worthy]


def test_a_colon_spaced_off_the_verb_and_glued_to_the_mark_keeps_the_speaker():
    paras = [
        'وقال سمير حداد رئيس نادي الميناء في الحفل: "لم يحقق أي نادٍ هذا العدد من الألقاب في موسم واحد".',
        'وأضاف :"نعرف جيدا حجم الضغوط التي عشناها في الأشهر الماضية".',
        'وتابع : "أهدي هذه الألقاب إلى الجماهير التي لم تتركنا أبدا".',
    ]
    assert [s for s, _ in _speakers(paras)] == ["سمير حداد"] * 3


def test_a_colon_after_a_noun_that_names_clubs_introduces_speech():
    paras = [
        "أكد سمير حداد رئيس نادي الميناء ثقته في عودة الفريق إلى المنافسة.",
        "وأضاف رئيس النادي:”مجلس الإدارة كان يعرف حجم التحديات منذ اليوم الأول”.",
        "وقال على مسرح الجائزة: «لم أتوقع أن أقف هنا مرة أخرى بعد عام واحد فقط».",
    ]
    got = _speakers(paras)
    assert [s for s, _ in got] == ["سمير حداد", "سمير حداد"]
    assert got[0][1] == "رئيس نادي الميناء"


def test_a_title_runs_on_through_joined_nouns_and_a_title_without_the_article_takes_its_club():
    m = parse_mention("وزير الصحة والسكان وإصلاح المستشفيات، كريم بن يوسف، أن".split())
    assert (m.role, m.name) == (("وزير", "الصحة", "والسكان", "وإصلاح", "المستشفيات"),
                                ("كريم", "بن", "يوسف"))
    m = parse_mention("نجم الميناء ومنتخب بلاده رامي فاضل إن".split())
    assert (m.role, m.name) == (("نجم", "الميناء", "ومنتخب", "بلاده"), ("رامي", "فاضل"))
    m = parse_mention("نجم الميناء ومنتخب مصر جائزة أفضل لاعب".split())
    assert m.name == ()  # the club is the title's complement, not a name


def test_the_outlet_told_in_marks_is_not_the_speaker():
    paras = [
        "أبلغ «المرصد» الأمير فيصل بن خالد، وزير الرياضة، أن الملعب الجديد اكتمل قبل الموعد.",
        "وقال الأمير فيصل بن خالد: «هذا الملعب حلم انتظرناه طويلا وسنفخر به أمام العالم».",
    ]
    assert _speakers(paras)[0][0] == "فيصل بن خالد"


def test_an_agency_relaying_someone_gives_the_floor_to_the_one_it_quotes():
    paras = [
        'وأكدت الوكالة نقلاً عن مدير الإعلام بوزارة الخارجية، السفير نادر سليم، أن "الوزير لم يدل بأي تصريح لأي وسيلة إعلامية".',
        'ونقل البيان عن الناطق الإعلامي باسم مديرية الأمن العام رامز حلمي قوله إن "دورية تعاملت مع أعمال شغب في الحي ليلة أمس".',
    ]
    assert [s for s, _ in _speakers(paras)] == ["نادر سليم", "رامز حلمي"]


def test_said_in_it_is_no_name():
    paras = [
        "نفى المتحدث باسم وزارة الرياضة نادر سليم ما تداولته الحسابات عن الوزير.",
        "جاء ذلك في تغريدة عبر حسابه الرسمي، قال فيها: «لم يصدر عن الوزير أي تصريح في هذا الشأن».",
    ]
    assert _speakers(paras)[0][0] == "نادر سليم"


def test_a_definite_noun_points_back_to_the_description_that_introduced_the_speaker():
    texts = [
        "نفت وزارة الشؤون الاجتماعية في المدينة اليوم ما نشر عن تأخير المخصصات.",
        "وكان مصدر مسؤول في وزارة الشؤون الاجتماعية، قال إن الدفعة تصرف الأسبوع المقبل.",
        "أكد مسؤول في الحكومة المحلية، أن الأسماء المخولة بالتصريح اثنان فقط.",
    ]
    assert antecedent("الوزارة", texts) == "وزارة الشؤون الاجتماعية"
    assert antecedent("المصدر", texts) == "مصدر مسؤول في وزارة الشؤون الاجتماعية"
    assert antecedent("المسؤول", texts) == "مسؤول في الحكومة المحلية"
    assert antecedent("البيان", texts) is None  # a statement is what was said
    assert antecedent("الشرطة", texts) is None  # never described in full


def test_quotes_carry_the_full_description():
    paras = [
        "نفت وزارة الشؤون الاجتماعية في المدينة اليوم ما نشر عن تأخير المخصصات.",
        "وقالت الوزارة في بيان: «ما نشر عن تأخير الدفعات غير صحيح ولم يصدر عنا أي تصريح بهذا الشأن».",
    ]
    assert _speakers(paras)[0][0] == "وزارة الشؤون الاجتماعية"


def test_a_name_before_a_title_after_any_opening_verb_is_registered():
    paras = [
        "أهدى رامي فاضل نجم الميناء ومنتخب بلاده الجائزة إلى جماهير النادي في حفل كبير.",
        "فاضل قال على المسرح: «لم أتوقع أن أقف هنا مرة ثانية بعد عام واحد فقط من التتويج».",
        "وأتم نجم الميناء: «كان حلمي أن أفوز بهذه الجائزة وأهديها اليوم لكل من ساندني».",
    ]
    assert [s for s, _ in _speakers(paras)] == ["رامي فاضل"] * 2


def test_the_verbs_object_after_a_name_is_dropped_when_the_article_uses_the_surname():
    paras = [
        "عقد الناخب الوطني كريم منصوري ندوة في جامعة العاصمة تحدث فيها عن مشواره مع المنتخب.",
        "وقال منصوري: «عندما قبلت المهمة كان هدفنا بناء فريق قادر على المنافسة على الألقاب».",
        "ليختتم الناخب الوطني حديثه قائلا: «كان علينا أن نأخذ الوقت الكافي لتحليل وضع المنتخب».",
    ]
    got = _speakers(paras)
    assert [s for s, _ in got] == ["كريم منصوري"] * 2
    assert got[0][1] == "الناخب الوطني"


def test_a_third_name_word_the_article_repeats_stays():
    paras = [
        "أكد المهندس سامي علي جمعة مدير المشروع أن الأعمال تنتهي قبل الصيف.",
        "وقال علي: «الأعمال تسير وفق الجدول الزمني المحدد لها دون أي تأخير يذكر».",
        "وأضاف جمعة: «سنسلم المرحلة الأولى للسكان خلال أسابيع قليلة من الآن».",
    ]
    assert {s for s, _ in _speakers(paras)} == {"سامي علي جمعة"}


def _cards(paragraphs):
    return [q.text for q in extract_quotes(paragraphs) if q.card_worthy]


def test_the_wording_of_a_charge_or_a_post_is_no_card_but_a_quote_after_a_verbs_preposition_is():
    paras = [
        "وقالت المديرية في بيان إن النائب جمدت عضويته لمدة عام بسبب “تطاوله على هيبة المجلس وأعضائه”.",
        "وكان النائب قد أحيل إلى اللجنة بعد اتهامه بـ “الإساءة إلى سمعة المجلس أمام وسائل الإعلام”.",
        "ونفت الشرطة المنشور الذي نص بـ ” من عنده حالة طارئة يتصل بالرقم المخصص لذلك فورا ”.",
        "وأشار سامي حداد مدير الشرطة إلى “احترام الشرطة للمواطنين الذين يمثلون الركيزة الأساسية للأمن”.",
    ]
    assert _cards(paras) == ["احترام الشرطة للمواطنين الذين يمثلون الركيزة الأساسية للأمن"]


def test_three_words_the_page_cut_off_make_no_card():
    paras = ["وقال سامي حداد مدرب الفريق: “لقد قاتلنا حتى النهاية”.",
             "وختم سامي حداد: “الآن سأتركهم يحتفلون"]
    assert _cards(paras) == ["لقد قاتلنا حتى النهاية"]


def test_a_detached_comma_ends_a_name_and_a_family_name_that_is_a_form_of_address_stays():
    paras = [
        "أعلن وزير الثقافة في الحكومة ، سامي عبد الكريم السيد ، أنه سيفتتح المعرض غدا.",
        "وقال السيد ، بحسب صحيفة محلية ، إن المعرض يضم أعمال مئة فنان.",
        "وتابع: الثقافة ليست ترفا بل حاجة يومية لكل المواطنين في كل المدن.",
        'وأضاف السيد خلال الندوة التي أقامتها الوزارة مساء أمس.." يجب أن نحمي ذاكرة المدينة من الضياع والنسيان".',
    ]
    assert [s for s, _ in _speakers(paras)] == ["سامي عبد الكريم السيد"] * 2


def test_a_joined_verb_without_a_subject_shares_the_one_that_opens_its_sentence():
    paras = [
        "قال وزير الخارجية العماني الشيخ سالم بن ناصر إن للكويت مكانة كبيرة في المنطقة.",
        "وأشاد المسؤول العماني -في مداخلة عبر التلفزيون- بدور أمير الكويت في حل الأزمة، "
        "وقال “وجدناه منذ بداية الأزمة يسافر من دولة إلى أخرى لرأب الصدع”.",
    ]
    assert _speakers(paras)[0][0] == "سالم بن ناصر"


def test_a_rank_before_the_name_is_no_part_of_it():
    paras = [
        "أكد الفريق سالم أحمد الكعبي، المدير العام للإدارة العامة للإقامة، أن الخدمات تطورت.",
        "وقال الكعبي: «لقد شكلت هذه السنوات نموذجا في تطوير الخدمات الحكومية للمتعاملين».",
    ]
    assert _speakers(paras) == [("سالم أحمد الكعبي", "المدير العام للإدارة العامة للإقامة")]


def test_the_articles_own_title_wins_over_the_photos_label():
    caption = "مدرب المنتخب الوطني كريم منصوري"
    paras = [
        "ظهر المدير الفني للمنتخب، كريم منصوري، على قناة رياضية للحديث عن هدفه التالي.",
        "وقال منصوري مازحا: «عند إتمام عملنا بالتأهل سيصبح هدفنا هو الفوز بالبطولة نفسها».",
    ]
    quotes = [q for q in extract_quotes(paras, [caption]) if q.card_worthy]
    assert [(q.speaker, q.role) for q in quotes] == [("كريم منصوري", "المدير الفني للمنتخب")]


def test_a_noun_that_names_things_then_a_comma_introduces_speech():
    paras = ["انتقد النائب سامر حداد غياب الوزير عن الجلسة.",
             'وقال حداد في مطلع كلمته، " معالي الوزير طبعا مش موجود معنا اليوم "، وسط ضحك النواب.']
    assert _cards(paras) == ["معالي الوزير طبعا مش موجود معنا اليوم"]


def test_expressed_introduces_speech_but_via_names_nobody():
    paras = ["أكد المدرب سامر حداد أن فريقه قدم مباراة كبيرة.",
             "وعبر حداد عن فخره باللاعبين بعد المباراة: “أشعر بسعادة كبيرة وأنا فخور جدا بهؤلاء الشبان”.",
             "ونشر اللاعبون صورهم عبر “إنستغرام” بعد نهاية اللقاء."]
    assert _speakers(paras) == [("سامر حداد", "المدرب")]


def test_the_words_of_a_statement_are_its_issuers():
    paras = ['وصل إلى الموقع بيان صادر عن بلدية المدينة جاء فيه ما يلي: "شرعت البلدية مؤخرا بتنفيذ مشاريع كبيرة في الأحياء القديمة".',
             'وأصدرت الشرطة بيانا، جاء فيه "تعاملت دورية مع أعمال شغب في الحي مساء أمس".']
    assert [s for s, _ in _speakers(paras)] == ["بلدية المدينة", "الشرطة"]


def test_given_names_written_with_the_articles_letters_and_bo_and_a_third_definite_family_name():
    m = parse_mention("وزير التربية الياس بو نادر إن".split())
    assert (m.role, m.name) == (("وزير", "التربية"), ("الياس", "بو", "نادر"))
    m = parse_mention("رئيس مجلس الإدارة، سامي الرشيد الفهد بأن".split())
    assert m.name == ("سامي", "الرشيد", "الفهد")
    m = parse_mention("سامي دحروج المتهم من".split())
    assert m.name == ("سامي", "دحروج")


def test_the_words_of_a_named_bodys_statement_are_that_bodys():
    paras = ["فندت وزارة الصحة في بيان لها اليوم الأخبار المنسوبة لأحد الأطباء.",
             "وجاء في بيان الوزارة “تداولت بعض المواقع تصريحات مغلوطة ومنسوبة لأحد أساتذة الطب”."]
    assert _speakers(paras)[0][0] == "وزارة الصحة"


def test_the_outlet_spoken_to_and_a_topic_before_the_verb_name_nobody():
    paras = [
        "أكدت الفنانة سلمى فاروق أنها لم تخف يوما من الشائعات، وقالت: “لم أخف منها في يوم من الأيام أبدا”.",
        "اما عن الغيرة بين الفنانات، فقالت لصحيفة “المرآة” الكويتية :” لا ألتفت نهائيا لمثل هذه الأمور ولا أركز فيها”.",
        'وعن تعاونها مع شركة "النجوم" في السابق قالت: "المضحك أن تصنيفي في الشركة كان مع المطربين الجدد".',
    ]
    assert [s for s, _ in _speakers(paras)] == ["سلمى فاروق"] * 3


def test_thus_said_after_the_quote_attributes_it():
    paras = ["نفى رئيس الحكومة سامر حداد اليوم تغيير موقفه من الملف.",
             "“على عكس رؤساء الحكومة السابقين، ليس لدي مشكلة مع هاتفي المحمول”، هكذا قال حداد للصحفيين."]
    assert _speakers(paras)[0][0] == "سامر حداد"


def test_an_html_entitys_residue_is_read_as_a_straight_mark():
    paras = ["وعبر سامر حداد المدير المالي للبنك عن ارتياحه. وأضاف quot;هذا مؤشر جيد على نمو قوي في صافي الأرباح quot;."]
    assert _speakers(paras) == [("سامر حداد", "المدير المالي للبنك")]
    assert _cards(paras) == ["هذا مؤشر جيد على نمو قوي في صافي الأرباح"]


def test_a_title_stops_before_the_verbs_object_after_its_nisba_but_not_before_bism():
    m = parse_mention("مدرب المنتخب الجزائري بصعوبة الوضعية الحالية".split())
    assert m.role == ("مدرب", "المنتخب", "الجزائري")
    m = parse_mention("الناطق الرسمي باسم الجيش السوداني نبيل عبدالله:".split())
    assert (" ".join(m.role), m.name) == ("الناطق الرسمي باسم الجيش السوداني", ("نبيل", "عبدالله"))
    m = parse_mention("الرئيس الجزائري بوتفليقة إن".split())
    assert m.name == ("بوتفليقة",)


def test_an_age_group_belongs_to_the_title_and_a_family_name_may_open_with_waw():
    m = parse_mention("مدرب المنتخب الوطني لأقل من 18 سنة سامي وهبي إن".split())
    assert (" ".join(m.role), m.name) == ("مدرب المنتخب الوطني لأقل من 18 سنة", ("سامي", "وهبي"))
    assert parse_mention("الوزير سامح شكري ونظيره الأردني".split()).name == ("سامح", "شكري")
    assert parse_mention("الكاتبة سلمى حداد ورئيسة اللجنة إن".split()).name == ("سلمى", "حداد")
    assert parse_mention("المدرب خالد نادر واثقا من".split()).name == ("خالد", "نادر")


def test_a_description_and_the_name_between_commas_before_the_verb_is_its_subject():
    paras = ['اللاجئ السوري من محافظة الحسكة، سامر نادر، قال إنه هرب مع أطفاله، مضيفاً، "كان هدفي الوحيد أن أحمي حياة أطفالي من الحرب".']
    assert _speakers(paras) == [("سامر نادر", "اللاجئ السوري من محافظة الحسكة")]


def test_compound_names_forms_of_address_and_a_short_title_later():
    assert parse_mention("وزير الصحة سامي عماد الدين إن".split()).name == ("سامي", "عماد", "الدين")
    paras = [
        "أكد وزير الزراعة والصيد البحري سامي نادر أن الموسم جيد.",
        "وقال الوزير نادر: «الموسم الفلاحي هذا العام أفضل من كل المواسم الماضية».",
        "وأكد سمو الشيخ فيصل بن خالد آل سالم ولي عهد الإمارة أن الاقتصاد ينمو.",
        "وقال سموه: «رؤيتنا للمستقبل تدعمها طاقات وطنية مخلصة في كل القطاعات».",
        "وقال الأب سمعان حداد الخبير في علم المناخ: «التغيرات لم تكن وليدة اللحظة ولم تفاجئ أحدا».",
    ]
    assert _speakers(paras) == [
        ("سامي نادر", "وزير الزراعة والصيد البحري"),
        ("فيصل بن خالد آل سالم", "ولي عهد الإمارة"),
        ("سمعان حداد", "الخبير في علم المناخ"),
    ]


def test_the_statement_speaks_for_its_issuer_and_these_words_attribute_after_the_quote():
    paras = [
        'وأصدرت وزارة التربية بيانا، جاء فيه "الامتحانات ستجري في موعدها المحدد دون أي تأجيل".',
        'وأضاف البيان، أن "الوزارة وفرت كل ما يحتاجه التلاميذ داخل المراكز الامتحانية".',
        "“المرضى يفترشون الأرض ولا توجد أسرة ولا مستلزمات طبية”. بهذه الكلمات تقول الطبيبة سلمى حداد.",
        "واستكمل الوزير سامي نادر: «يجب الحصول على المعلومة من مصدرها الرسمي دائما».",
    ]
    assert [s for s, _ in _speakers(paras)] == ["وزارة التربية", "وزارة التربية", "سلمى حداد", "سامي نادر"]


def test_a_joined_title_word_matches_its_bare_form():
    paras = ["قال نائب رئيس الوزراء ووزير الصحة سامي نادر إن الوضع مستقر.",
             "وأضاف وزير الصحة والسكان: «ليس لدينا ما نخفيه ولسنا في موضع اتهام حتى ندافع عن أنفسنا»."]
    assert _speakers(paras)[0][0] == "سامي نادر"


def test_a_nationality_after_a_countrys_name_is_the_persons_origin():
    m = parse_mention("مدرب منتخب مصر البرتغالي كارلوس نادر إن".split())
    assert (m.role, m.descriptors) == (("مدرب", "منتخب", "مصر"), ("البرتغالي",))
    assert parse_mention("وزير الخارجية الأمريكي سامي نادر إن".split()).role == ("وزير", "الخارجية", "الأمريكي")
    assert parse_mention("الكاتب والمحلل السياسي سامي نادر إن".split()).role == ("الكاتب", "والمحلل", "السياسي")
    assert parse_mention("رئيس الإدارة الإعلامية بوزارة الخارجية، السفير سامي نادر، إن".split()).role[-1] == "الخارجية"


def test_a_verb_with_no_subject_before_anyone_spoke_is_the_person_just_named():
    paras = ["حسم الدكتور سامي نادر وزير الصحة الجدل حول الفيروسات الجديدة. وقال على هامش المؤتمر الصحفي : "
             "كل ما يثار عن وجود تحورات فيروسية جديدة شائعات لا صحة لها."]
    assert _speakers(paras) == [("سامي نادر", "وزير الصحة")]


def test_a_specialist_is_a_title():
    m = parse_mention('الأب سمعان حداد، المتخصص بالأحوال الجوية وعلم المناخ، لـ"الموقع"'.split())
    assert (m.name, " ".join(m.role)) == (("سمعان", "حداد"), "المتخصص بالأحوال الجوية وعلم المناخ")


def test_walad_joins_a_name_and_an_assistant_is_a_title():
    m = parse_mention("رئيس الجمهورية سامي ولد الشيخ نادر إن".split())
    assert m.name == ("سامي", "ولد", "الشيخ", "نادر")
    m = parse_mention("المعاون الإداري للمستشفى المهندس سامي نادر إن".split())
    assert (" ".join(m.role), m.name) == ("المعاون الإداري للمستشفى", ("سامي", "نادر"))


def test_a_body_named_inside_a_phrase_is_the_committee_later_written_short():
    texts = ["قرر البنك المركزي بعد اجتماع لجنة السياسات النقدية تثبيت أسعار الفائدة."]
    assert antecedent("اللجنة", texts) == "لجنة السياسات النقدية"


def test_a_guillemet_turned_the_wrong_way_after_a_colon_opens_the_quote():
    paras = ["وقال سامي نادر مضيفا:»عندما كنا أيام الاحتلال مع المقاومة أول علم رأيناه كان علم المملكة».",
             "وقال سامي نادر: «الأمور تسير على ما يرام» ثم غادر القاعة."]
    assert _cards(paras) == ["عندما كنا أيام الاحتلال مع المقاومة أول علم رأيناه كان علم المملكة",
                             "الأمور تسير على ما يرام"]


def test_a_straight_mark_closing_a_curly_one_ends_that_quote():
    paras = ['أعلن وزير الطاقة سامي نادر أن “القدرة الإنتاجية للكهرباء تغطي ثلث الطلب فقط"، '
             'وقال “نعمل على مشروع غازي لتغطية نقص الكهرباء”.']
    assert _cards(paras) == ["القدرة الإنتاجية للكهرباء تغطي ثلث الطلب فقط", "نعمل على مشروع غازي لتغطية نقص الكهرباء"]


def test_a_reaction_is_no_reply_and_a_scream_is_speech():
    paras = ['وفي أول رد فعل ، تعالى صراخ أمهات المتهمين ، وصرخت إحداهن "ابني لم يفعل أي شيء أبدا ".']
    assert _speakers(paras) == [("إحداهن", None)]


def test_a_headline_that_gives_a_lone_name_and_its_title_registers_the_speaker():
    title = "نادرو مدرب السد: لم أتوقع الفوز بهذه النتيجة الكبيرة"
    paras = ["ظهرت علامات السعادة على وجه نادرو مدرب السد عقب الفوز الكبير على العربي.",
             "وقال مدرب السد: «لم أتوقع هذه النتيجة الكبيرة التي تحققت أمام منافس قوي»."]
    assert [q.speaker for q in extract_quotes(paras, [title]) if q.card_worthy] == ["نادرو"]
    paras = ["أصدر قاضي المحكمة الجزائية حكما بسجن المتهم عشر سنوات.",
             "وقال القاضي: «ثبت لدي أن المتهم ارتكب الجرائم المنسوبة إليه كلها»."]
    assert [q.speaker for q in extract_quotes(paras) if q.card_worthy] != ["أصدر"]


def test_a_body_written_short_takes_the_name_it_ran_on_into_first():
    texts = ["استغرب المجلس الرئاسي لحكومة الوفاق الوطني ما قال إنه تهديد جديد للعاصمة."]
    assert antecedent("المجلس الرئاسي", texts) == "المجلس الرئاسي لحكومة الوفاق الوطني"
    assert antecedent("المجلس الرئاسي", ["اجتمع المجلس الرئاسي في العاصمة أمس."]) is None
    paras = texts + ["ولفت المجلس الرئاسي إلى أن «هذا الخطاب المستفز يؤدي إلى مزيد من التوتر في البلاد»."]
    assert _speakers(paras)[0][0] == "المجلس الرئاسي لحكومة الوفاق الوطني"
