"""Page chrome: the lines a scraper picks up around an article that are not the article.

Newsletter sign-ups, form honeypot text, follow/listen/share prompts, comment forms,
"back to top", "read also" and copyright lines, in Arabic and English.
"""

from __future__ import annotations

import re

# Only short lines are candidates: a real paragraph that mentions a podcast is not chrome.
MAX_CHROME_LEN = 220

# Prompts are short: only lines up to MAX_PROMPT_LEN are tested against these.
_PROMPTS = [
    # newsletter and sign-up
    r"(?:سجل|سجّل|اشترك|اشتركوا|لتصلك|ليصلك|لتحصل)\S*.*النشرة (?:الإخبارية|البريدية)",
    r"النشرة (?:الإخبارية|البريدية).*(?:بريدك|مجان)",
    r"^(سجل|سجّل|اشترك|اشتركوا|سجلوا|سجلي)\s+(الآن|الان|في|لتصل|ليصل|بريدك|للحصول|معنا|مجانا)", r"newsletter",
    r"\bsubscribe\b", r"\bsign up\b", r"البريد الإلكتروني\s*\*?$",
    # honeypot fields of forms
    r"^هذا الحقل|هذا الحقل\s+(?:لأغراض|مطلوب|إلزامي|للتحقق)", r"(اترك|تركه|يترك)\S*\s.*(فارغ|دون تغيير|بدون تغيير)",
    r"leave this field", r"this field is for validation",
    # follow / listen / share
    r"^(اتبع|اتبعنا|تابع|تابعنا|تابعونا|تابعوا)\b.*(وسائل التواصل|مواقع التواصل|منصات|فيسبوك|تويتر|إكس|"
    r"انستغرام|إنستغرام|يوتيوب|تيليجرام|تلغرام|واتساب|قناتنا|صفحتنا)",
    r"^(?:تابعونا|تابعنا|تابعوا|تابع)\s+(?:على|عبر)\s*[:：]?\s*$", r"^follow\b", r"^listen\b",
    r"^(?:استمع|استمعوا|استمعي)(?:\s*$|\s+(?:إلى|الى|ل)?\s*(?:ال)?(?:بودكاست|حلقة|حلقات|المقال|الخبر|التقرير))",
    r"(بودكاست|البودكاست)\S*\s*$",
    r"^(شارك|شاركوا|شاركي|مشاركة)(\s+(المقال|الخبر|القصة|هذا|هذه|الرابط))?\s*(على|عبر)?\s*[:：]?\s*$", r"^share\b", r"^(tweet|email|print|طباعة)$",
]
_PATTERNS = [
    # comments
    r"(اترك|أضف|اكتب|أرسل)\s+(تعليق|تعليقا|تعليقاً|ردا|رداً|رأيك)", r"^التعليقات\b",
    r"leave a (comment|reply)", r"^comments?\b",
    # navigation
    r"(العودة|عودة|الرجوع|ارجع|الذهاب|للذهاب|الانتقال)\s+(إلى|الى|لل|ل)\s*(أعلى|الأعلى|اعلى|الاعلى)", r"back to top",
    r"^(?:انسخ|نسخ) (?:ال)?رابط", r"^copy link\b",
    r"^(?:بواسطة|بقلم|كتب|كتبت|by)\s*[:：]?\s*$",  # a byline's label without its name
    r"^(اقرأ|اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد|مواضيع ذات صلة|أخبار ذات صلة)\s*[:：]?",
    r"^(read more|related)\b", r"^(الوسوم|كلمات مفتاحية|tags)\s*[:：]",
    # cookie banners and comment-form notices
    r"ملفات (?:تعريف )?الارتباط|الكوكيز|\bcookies?\b", r"لن يتم نشر (?:عنوان )?بريدك", r"الحقول (?:الإلزامية|المطلوبة)",
    # rights
    r"(جميع|كل) الحقوق محفوظة", r"all rights reserved", r"^©", r"^حقوق (النشر|الطبع)",
    r"(الصفحة الرئيسية|القائمة الرئيسية)$",
]
MAX_PROMPT_LEN = 130
_HAMZA = str.maketrans("أإآ", "ااا")  # pages drop the hamza as often as they write it
_CHROME = re.compile("|".join(f"(?:{p})" for p in _PATTERNS).translate(_HAMZA), re.IGNORECASE)
_PROMPT = re.compile("|".join(f"(?:{p})" for p in _PROMPTS).translate(_HAMZA), re.IGNORECASE)
_BULLET = re.compile(r"^[\s•·▪●◦\-–—*>|]+")


def strip_bullet(line: str) -> str:
    """Remove list bullets and similar markers at the start of a line."""
    return _BULLET.sub("", line).strip()


def is_chrome(line: str) -> bool:
    """True when ``line`` is page chrome rather than article text."""
    text = strip_bullet(line)
    if not text:
        return True
    if len(text) > MAX_CHROME_LEN:
        return False
    folded = text.translate(_HAMZA)
    return bool(_CHROME.search(folded)) or (len(text) <= MAX_PROMPT_LEN and bool(_PROMPT.search(folded)))


_ACRONYM = re.compile(r"\b([A-Z][A-Z0-9&]{2,7})\b")
# the prompts in which an outlet names itself: follow us, listen to our podcast, our newsletter
_SELF_NAMING = re.compile(
    r"^(?:اتبع|اتبعوا|تابع|تابعوا|تابعونا|استمع|استمعوا|اشترك|اشتركوا|سجل|سجّل|حمل|حمّل|follow|listen|subscribe)\b"
    r"|النشرة (?:الإخبارية|البريدية)|بودكاست|newsletter", re.IGNORECASE)
_NEWSLETTER_OF = re.compile(
    r"النشرة (?:الإخبارية|البريدية)(?: (?:الأسبوعية|اليومية|الشهرية))? ل(\S{2,}(?:\s+\S+){1,6}?)\s+(?:مجان|عبر|على|إلى|$)"
)


def publisher_from_chrome(lines: list[str]) -> str | None:
    """The outlet named in the chrome lines ("Name (ACRONYM)"), or None.

    Pages name their publisher in sign-up and follow prompts more reliably than anywhere else.
    """
    acronym = name = None
    for line in lines:
        if name is None and (m := _NEWSLETTER_OF.search(line)):
            name = m.group(1).strip()
        if acronym is None and _SELF_NAMING.search(line) and (m := _ACRONYM.search(line)):
            acronym = m.group(1)
    if name and acronym:
        return f"{name} ({acronym})"
    return name or acronym


# Boxes that follow an article on almost every site: related stories, tags, comments, copyright.
# A short line like these, once the body has begun, ends the article.
_END_PATTERNS = [
    r"^(?:ا|إ|أ)قر(?:أ|ا|ئ)\S*\s*(?:أيضا|ايضا|أيضاً|ايضاً|المزيد)?", r"^(?:انظر|شاهد|طالع)\S*\s+(?:أيضا|ايضا|أيضاً|ايضاً)",
    r"ذات (?:صلة|الصلة)", r"^(?:[^\W\d_]+ )?(?:قد )?(?:يعجبك|يهمك|تعجبك)", r"^(?:نرشح|ننصح|نقترح)\S* (?:لك|لكم)",
    r"^المزيد (?:من|في)", r"^(?:الأكثر|الاكثر) (?:قراءة|مشاهدة|تداولا)", r"^(?:أخبار|مقالات|مواضيع) (?:متعلقة|مشابهة)",
    r"^(?:ال)?(?:وسوم|كلمات (?:ال)?(?:دلالية|مفتاحية|دالة))\b", r"^(?:tags|keywords)\b",
    r"^(?:نبذة )?عن (?:الكاتب|الكاتبة|المؤلف|المحرر)\b", r"^about the author\b", r"^التعليقات", r"(?:اترك|أضف|اكتب|أرسل)\s+(?:تعليق|رد|رأيك)",
    r"^(?:related|read (?:more|also)|see also|more from|you may also like|recommended|comments?)\b",
    r"(?:جميع|كل) الحقوق محفوظة", r"all rights reserved", r"^©", r"^copyright\b(?!\s*\()",
    r"leave a (?:comment|reply)", r"^(?:no stories found|load more)",
    # a comment section's head: its count, a call to share an opinion or to be the first
    r"^(?:\d+\s+)?تعليق(?:ان|ات)?\s*$", r"^شارك\S*\s+برأي", r"(?:اول|أول)\s+تعليق",
    # a closing call to follow the outlet's news elsewhere, or to read a linked report
    r"^\W*للاطلاع على (?:أحدث|آخر|اخر) الأخبار", r"^لقراءة\s+\S+\s*[:：]", r"^إخلاء (?:ال)?مسؤولية",
    r"^(?:المصدر|المصادر)\s*[:：]?\s*$",  # a bare source label heads the footer or the author's box
]
_END = re.compile("|".join(f"(?:{p})" for p in _END_PATTERNS).translate(_HAMZA), re.IGNORECASE)
# Of those, "read also" boxes are also set inside an article, between two of its paragraphs.
_INLINE_BOX = re.compile((
    r"^(?:ا|إ|أ)قر(?:أ|ا|ئ)\S*\s*(?:أيضا|ايضا|أيضاً|ايضاً)?\s*(?:[:：.]+.*)?$|^(?:انظر|شاهد|طالع)\S*\s+(?:أيضا|ايضا|أيضاً|ايضاً)"
    r"\s*(?:[:：.]+.*)?$|^(?:مواضيع|أخبار|اخبار|مقالات) ذات (?:صلة|الصلة)\s*[:：]?\s*$|^(?:read also|see also|related)\s*:?\s*$").translate(_HAMZA),
    re.IGNORECASE)
MAX_END_MARKER_LEN = 80


# ``© AGENCY / PHOTOGRAPHER`` under a photo inside the article, or a bare ``©`` with the credit on
# the next line; a site's notice has a year or "rights"
_PHOTO_CREDIT = re.compile(
    r"^(?:©|copyright\b)\s*(?:(?!.*(?:\d{4}|حقوق|محفوظة|rights|reserved))\S.{1,60})?$", re.IGNORECASE)


def is_photo_credit(line: str) -> bool:
    """True for a ``©`` line that credits a photo (agency, photographer), not the site's copyright."""
    return bool(_PHOTO_CREDIT.match(strip_bullet(line)))


def is_end_marker(line: str) -> bool:
    """True when ``line`` opens what follows an article (related stories, tags, comments...)."""
    text = strip_bullet(line)
    return bool(text) and len(text) <= MAX_END_MARKER_LEN and bool(_END.search(text.translate(_HAMZA))) \
        and not is_photo_credit(text)


def is_inline_box(line: str) -> bool:
    """True for a "read also" heading or link (``اقرأ أيضا: …``), which may sit inside the article."""
    return bool(_INLINE_BOX.search(strip_bullet(line).translate(_HAMZA)))
