"""Word classes of Arabic news prose that quote and speaker finding lean on.

Every list holds general vocabulary of the genre (speech verbs, titles, category nouns,
prepositions), never names. Words are kept *folded* (see ``fold``): no harakat or tatweel,
one alef, ``ى`` as ``ي``, so spellings with and without hamza meet.
"""

from __future__ import annotations

from repackage.text.arabic import strip_harakat

_ALEFS = str.maketrans("أإآٱ", "اااا")
PUNCT = "،,:؛;.!?؟\"'«»“”„″‟()[]{}-–—…"


def fold(token: str) -> str:
    """A token for lexicon look-up: no punctuation, harakat or tatweel, alef and ya unified."""
    return strip_harakat(token.strip(PUNCT)).translate(_ALEFS).replace("ى", "ي")


def _forms(text: str) -> frozenset[str]:
    return frozenset(fold(w) for w in text.split())


def _past(stems: str) -> frozenset[str]:
    """A past-tense stem with its feminine (ت) and plural (وا) forms."""
    out = set()
    for stem in stems.split():
        s = fold(stem)
        out.update({s, s + "ت", s + "وا"})
    return frozenset(out)


# Verbs that introduce speech, in every form a report uses them.
SPEECH_VERBS = _past(
    "قال أضاف تابع أكد أوضح شدد ذكر صرح كتب رد علق أعلن أجاب أردف أكمل أتم اختتم ختم استطرد "
    "استدرك لفت أشار نفى أفاد غرد هتف ردد نقل تساءل أقر اعترف روى حكى ألمح أعرب "
    "أبلغ أخبر نوه واصل استهل مضى كشف أفصح قالت زعم ادعى استرسل صرخ سأل"
) | _forms(
    "يقول تقول يقولون يضيف تضيف يؤكد تؤكد يوضح توضح يرى ترى يشير تشير يتابع تتابع يلفت "
    "قالا رات رأى رأت اعتبر اعتبرت يعتبر تعتبر نفت نفوا روت حكت مضت يروي تروي يحكي تحكي "
    "يستطرد تستطرد يردف تردف يختتم تختتم يختم تختم يواصل وعبر فعبر عبرت وعبرت استكمل واستكمل"  # not عبر: "via"
)
# Feminine past forms of weak verbs, which do not end in a stem plus ت.
FEMININE_VERBS = _forms("نفت روت حكت مضت رأت رات دعت")
# Verbs whose quoted object reads only inside the sentence (``تعهد "بمعارضة…"``).
OBJECT_VERBS = _past("تعهد وعد دعا حث وصف طالب حذر توعد ناشد توقع") | _forms("دعت دعوا")
# Participles and verbal nouns that carry the speech of the sentence's subject.
SPEECH_PARTICIPLES = _forms(
    "قائلا قائلة مضيفا مضيفة موضحا موضحة مشيرا مشيرة مؤكدا مؤكدة لافتا لافتة معتبرا معتبرة "
    "متابعا متابعة مستطردا مستطردة معقبا معقبة مشددا مشددة منوها منوهة مبينا مبينة معربا "
    "معربة مردفا مردفة محذرا محذرة متسائلا متسائلة مختتما مختتمة مستدركا مستدركة مضيفين قائلين"
)
def _possessed(stems: str) -> frozenset[str]:
    """Verbal nouns with the pronoun of who spoke (``تأكيده``, ``إشارتها``), with or without ب/ل/و."""
    out = set()
    for stem in stems.split():
        s = fold(stem)
        base = s[:-1] + "ت" if s.endswith("ة") else s
        for suffix in ("ه", "ها", "هم"):
            out.update({base + suffix, "ب" + base + suffix, "و" + base + suffix})
    return frozenset(out)


SAYING_NOUNS = _forms("قوله قولها قولهم بالقول") | _possessed(
    "تأكيد تشديد تصريح إشارة توضيح تحذير إعلان نفي اعتبار")
# Words that attribute a quote that came before them: ``"…"، بحسب قوله`` / ``، وفق متابعين``.
AFTER_CUES = _forms("بحسب حسب وفق وفقا طبقا لسان")  # لسان: "على لسان الوزير"
# The writer taking the floor back inside or after speech: ``ورداً على سؤال``.
NARRATION_OPENERS = _forms("ردا رداً تعليقا تعليقاً")

ROLE_HEADS = _forms(
    "رئيس رئيسة نائب نائبة وزير وزيرة متحدث متحدثة ناطق ناطقة أمين أمينة سفير سفيرة ملك ملكة "
    "أمير أميرة شيخ سيد سيدة دكتور دكتورة د مستشار مستشارة جنرال لواء عميد عقيد كولونيل قائد "
    "زعيم زعيمة مدير مديرة مبعوث مبعوثة مندوب مندوبة بابا مهندس مهندسة خبير خبيرة باحث باحثة "
    "أستاذ أستاذة بروفيسور محلل محللة كاتب كاتبة مدرب مدربة لاعب لاعبة فنان فنانة ممثل ممثلة "
    "مخرج مخرجة مطرب مطربة نجم نجمة إعلامي إعلامية صحفي صحفية صحافي صحافية مذيع مذيعة مدعي "
    "قاضي قاضية محامي محامية محافظ عمدة نقيب وكيل وكيلة مساعد مساعدة عضو عضوة شاعر شاعرة "
    "روائي روائية ناشط ناشطة معارض طبيب طبيبة مفوض مفوضة مراسل مراسلة مؤسس مسؤول مسؤولة "
    "منسق منسقة حارس مهاجم مدافع ولي رئيسا مدعية مغرد مغردة مواطن مواطنة شاهد متهم متهمة "
    "مزارع مزارعة تاجر تاجرة سائق موظف موظفة جندي ضابط معلم معلمة ممرض ممرضة صياد عامل عاملة "
    "مقاتل قيادي قيادية لاجئ لاجئة نازح نازحة مسعف مسعفة ناخب فريق أب سمو متخصص متخصصة مختص مختصة معاون معاونة مايسترو ناظر ناظرة"  # ناخب: a national coach (Maghreb); فريق: a rank
)
# Adjectives that belong to a title without the article (مدير عام, أمين عام, مدير فني).
ROLE_ADJECTIVES = _forms("عام عامة تنفيذي تنفيذية فني فنية سابق سابقة أول أولى رسمي رسمية مساعد")
# Words of praise that stand where a title does (``النجم المصري فلان``), not titles themselves.
EPITHETS = _forms("نجم نجمة أسطورة")
HONORIFICS = _forms("سيد سيدة دكتور دكتورة د شيخ أستاذ أستاذة مهندس مهندسة حاج أمير أميرة أب سمو")
# Forms of address that stand for the person (``وقال سموه``): a pronoun, not a name
HONORIFIC_PRONOUNS = _forms("سموه سموها معاليه معاليها فخامته سيادته سيادتها دولته غبطته")
# Nouns whose next word is their complement even without the article (``شركة أوراسكوم``).
CONSTRUCT_NOUNS = _forms(
    "مجلس شركة وزارة هيئة منظمة جامعة دار إدارة مكتب لجنة اتحاد نادي منتخب حزب جماعة حركة "
    "مديرية قسم مركز معهد بنك مؤسسة وكالة صندوق مجموعة فريق حكومة دولة مدينة محافظة ولاية "
    "جمهورية مملكة إمارة قطاع قوات جيش وحدة فرع مصلحة شؤون شئون مستشفى كلية مدرسة جمعية "
    "نقابة برنامج قناة إذاعة صحيفة مجلة موقع منتدى مهرجان دائرة بلدية سلطة رابطة غرفة باسم "
    "قيادة عمليات خلية"
)
# Military and police ranks: said before a name, not part of the title they follow
RANKS = _forms("لواء عميد عقيد مقدم رائد ركن فريق")
# Nouns that say the marked words after them are a name or a title, not speech.
CATEGORY_NOUNS = _forms(
    "فيلم الفيلم أفلام مسلسل برنامج البرنامج مسرحية مسرحيتي عرض قناة فضائية شاشة إذاعة راديو "
    "تلفزيون تلفزيونية صحيفة جريدة مجلة وكالة موقع منصة تطبيق شبكة مهرجان جائزة حزب حركة جماعة "
    "تنظيم جمعية شركة قضية عملية كلمة لفظ لفظة مصطلح عنوان بعنوان وسم هاشتاغ هاشتاج شعار رواية "
    "كتاب ديوان أغنية ألبوم مبادرة حملة ندوة مؤتمر مسابقة بطولة دوري نادي مسمى تدعى يدعى تسمى "
    "يسمى باسم ونصه نصه ونصها نصها عبارة كأس معرض عروض اسم مقال مقالة فيديو مقطع وثيقة "
    "لقب سلسلة قانون اتفاقية اتفاق معاهدة مرسوم لائحة مرض فيروس متحور سلالة لقاح دواء عقار "
    "ملف يعرف تعرف المعروف المعروفة"
)
# Outlets that carry words rather than say them (``لصحيفة``, ``وفق وكالة الأنباء``).
MEDIA_NOUNS = _forms("صحيفة جريدة مجلة قناة تلفزيون إذاعة راديو فضائية شبكة وكالة موقع")
# Platforms whose names pages put in marks (``عبر "تويتر"``).
PLATFORMS = _forms(
    "تويتر فيسبوك فيس بوك إنستغرام انستجرام إنستجرام انستغرام يوتيوب تيك توك تيكتوك واتساب واتس آب "
    "تلغرام تليغرام تلجرام سناب شات سنابشات لينكد إن إكس زووم سكايب"
)
NATIONALITY_ENDINGS = ("ي", "يه", "ية")

PREPOSITIONS = _forms(
    "في فى خلال عبر على علي عن مع من إلى الى لدى أمام بعد قبل حول ضد منذ حتى نحو عقب أثناء "
    "وسط داخل خارج بين تجاه عند لـ بـ دون إثر جراء"
)
def _complementizers() -> frozenset[str]:
    """إن/أن with the prepositions they take (بأن, لأن) and the pronouns they carry (بأنها)."""
    out = set()
    for base in ("إن", "أن", "ان", "إنّ", "أنّ"):
        for prefix in ("", "ب", "ل"):
            if prefix and base.startswith("إ"):
                continue  # "بإن" is not written; "لإن" neither
            for suffix in ("", "ه", "ها", "هم", "هما", "نا", "ني", "ك", "كم"):
                out.add(prefix + base + suffix)
    return _forms(" ".join(out))


COMPLEMENTIZERS = _complementizers()
TIME_WORDS = _forms(
    "اليوم أمس غدا الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت مساء صباح ليلة "
    "ظهر عصر فجر حاليا مجددا أيضا كذلك الآن"
)
FUNCTION_WORDS = _forms(
    "الذي التي الذين اللذين اللتين و أو ثم قد لقد لم لن هو هي هم هما كما لكن بل إذ إذا حيث أما وأما "
    "عندما بينما وهو وهي وذلك ذلك هذا هذه تلك أي كل بعض غير فقط لا ما ماذا متى"
)
# Words that open a clause of their own before its verb (``حيث قال``, ``ثم أضاف``).
CLAUSE_OPENERS = _forms("حيث إذ اذ ثم عندما حين حينما بعدما بينما كما قد وقد لكنه لكنها")
OBJECT_PRONOUN_PPS = _forms("عليه عليها عليهم له لها لهم منه منها إليه إليها فيه فيها")
# Nouns of speech a verb takes for its object (``وختم حديثه``, ``واختتم كلمته``), with a pronoun.
SPEECH_NOUNS = _forms(
    "حديث تصريح تصريحات كلمة كلام حوار خطاب مداخلة تعليق تعليقات رد ردود مقابلة لقاء تغريدة "
    "تغريدات منشور بيان رسالة مؤتمر"
)
# Objects that turn a speech verb into another verb (``لفت انتباه``: drew the attention of).
ATTENTION_NOUNS = _forms("انتباه الانتباه أنظار الأنظار نظر")
# Verbs of news prose that open a sentence about someone without reporting speech themselves.
NEWS_VERBS = _past(
    "تحدث انتقد أشاد هاجم أبدى عبر رفض شارك حضر التقى استقبل زار ترأس دافع اتهم طالب أثنى "
    "ظهر خرج عاد غادر وصل فاز خسر"
)
# Words after which a speech verb's form is a verbal noun (``رفض ذكر اسمه``, ``دون ذكر``).
MASDAR_GOVERNORS = _forms("رفض رفضت طلب طلبت فضل فضلت عدم دون بدون رافضا مفضلا")
# Words before a colon that open a list, not speech.
LIST_OPENERS = _forms("التالي التالية الآتي الآتية كالتالي كالآتي هي هو وهي وهو منها أبرزها أهمها مثل وهما هما")
NAME_PARTICLES = _forms("عبد أبو ابو بو بن ابن آل بنت أم آيت ايت ولد")  # بو: "بو صعب"; ولد: "فلان ولد فلان" (Mauritania)
# Given names that open with the letters of the article (Elias, Ilham, Alfat): names, not "the"
ARTICLE_NAMES = _forms("الياس إلياس الهام إلهام الفت ألفت اليسا اليسار اليكس")
POSSESSIVE_SUFFIXES = ("هما", "هم", "ها", "نا", "ه")
MARKS = '"«»“”„″\''  # the quote marks pages use, straight and curly
# Verbs of outlets relaying words (``نقلت``, ``أوردته``): they name the outlet, not a speaker.
PUBLISHING_VERBS = _past("نقل أورد نشر بث ذكر روى") | _forms("روت")


def unpossessed(f: str) -> list[str]:
    """The bases a folded word may have under a possessive or object pronoun
    (``تصريحاته`` → ``تصريحات``, ``كلمته`` → ``كلمت``/``كلمة``, ``منتخبنا`` → ``منتخب``)."""
    out: list[str] = []
    for suffix in POSSESSIVE_SUFFIXES:
        if f.endswith(suffix) and len(f) > len(suffix) + 2:
            base = f[: -len(suffix)]
            out += [base, base[:-1] + "ة"] if base.endswith("ت") else [base]
    return out


def is_speech_object(token: str) -> bool:
    """A noun of speech with a possessive pronoun (``حديثه``, ``تصريحاتها``, ``كلمته``)."""
    f = fold(token)
    if f[:1] in "وف" and len(f) > 4:
        f = f[1:]
    return any(base in SPEECH_NOUNS for base in unpossessed(f))


def is_news_verb(token: str) -> bool:
    """A verb of narration, with or without ``و``/``ف`` (``تحدث``, ``وانتقد``)."""
    f = fold(token)
    return f in NEWS_VERBS or f[:1] in "وف" and f[1:] in NEWS_VERBS


def is_publishing_verb(token: str) -> bool:
    """A verb of an outlet relaying words, maybe with ``و`` and a pronoun (``ونشرتها``)."""
    f = fold(token).removeprefix("و")
    return f in PUBLISHING_VERBS or any(base in PUBLISHING_VERBS for base in unpossessed(f))
