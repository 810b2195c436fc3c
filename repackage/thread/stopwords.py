"""Arabic function words that carry no topic, for comparing sentences by their content.

Prepositions, conjunctions, pronouns, demonstratives, relatives, particles, auxiliaries and
the reporting verbs news uses around every quote. Matched after :func:`fold` and after the
clitics و ف ب ل ك and ال are taken off, so each word is listed once, bare.
"""

from __future__ import annotations

from repackage.text.arabic import fold

_TEXT = """
في من إلى الى على عن مع عند لدى لدي منذ حتى خلال بين نحو حول ضد دون بدون عبر تجاه قبل بعد
فوق تحت أمام خلف وراء داخل خارج ضمن إثر اثر لأجل أجل جانب
و أو او ثم بل لكن لكنه لكنها غير سوى إلا الا أم إما اما كما مثل حيث إذ إذا اذا لو لولا كي
أن إن ان أنه أنها إنه إنها أنهم إنهم أنّ إنّ بأن لأن كأن ليس ليست لم لن لا ما ماذا هل قد لقد سوف
سـ هو هي هم هن هما أنا نحن أنت أنتم انت انتم إياه إياها
هذا هذه ذلك تلك هؤلاء أولئك هنا هناك هنالك الذي التي الذين اللذين اللتين اللواتي اللاتي من ما
كل بعض جميع أي أية أحد إحدى عدة أكثر أقل أيضا أيضاً فقط حاليا جدا نفس ذات عدم
كان كانت يكون تكون كانوا أصبح أصبحت بات ظل ظلت صار لا يزال مازال ما زال يمكن
قال قالت يقول تقول وقال وقالت أضاف أضافت يضيف تابع تابعت أكد أكدت يؤكد أشار أشارت يشير
أوضح أوضحت أعلن أعلنت ذكر ذكرت بحسب وفق وفقا وفقاً حسب
عام سنة يوم اليوم أمس غدا الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت
"""


def _bare(word: str) -> str:
    return fold(word)


STOPWORDS: frozenset[str] = frozenset(_bare(w) for w in _TEXT.split())
