"""Metadata lines of a scraped page: byline, date line, source footer, address.

Each reader returns what the line says, or None when the line is not of that kind. They read
one line alone; ``page.py`` decides from the line's place whether it is the article's own.
"""

from __future__ import annotations

import re

from repackage.ingest.credits import AGENCIES
from repackage.ingest.dates import MONTHS, parse_date
from repackage.ingest.headline import place_and_outlet
from repackage.text.arabic import to_western_digits

MAX_META_LEN = 100
_AGENCY_NAMES = {a.lower() for a in AGENCIES}

_SOURCE = re.compile(r"^(?:المصدر|مصدر الخبر|المصادر|Source)\s*[:：]\s*(.+)$", re.I)
_SOURCE_LABEL = re.compile(r"^(?:المصدر|مصدر الخبر|المصادر|Source)\s*[:：]?\s*$", re.I)
# "حوار مع فلان" heads an interview: it names the one interviewed, not the writer
_BYLINE_WORD = r"(?:بقلم|كتب|كتبت|كتبه|كتبها|إعداد|اعداد|تحرير|تقرير|تغطية|حوار(?!\s+مع\s)|حاوره|حاورها|بواسطة|الكاتب|By)"
_BYLINE = re.compile(rf"(?:^|\s){_BYLINE_WORD}\s*[:：\-–]?\s+(.{{2,60}}?)\s*[:：]?$", re.I)
_BYLINE_HEAD = re.compile(rf"^{_BYLINE_WORD}\s*[:：\-–]?\s+(.{{2,60}}?)\s*[:：]?$", re.I)
# "City / Reporter / Agency", the dateline of agency copy
_DATELINE = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+)? / ([^/]{3,40}?) / [^/]{2,30}$")
# "ج. ف (البطولة)": a writer's initials and the outlet in brackets
_INITIALS = re.compile(r"^[\u0621-\u064a]\.\s*(?:[\u0621-\u064a]\.?\s*){1,2}\([^()]{2,30}\)$")
_DESK = re.compile(r"\s+(?:للنشرة|لنشرة|-\s+تحرير|–\s+تحرير)\b")
_FROM = re.compile(r"^من\s+(\S+(?:\s+\S+){1,2})$")
# a site's name may stand before the label ("موقع نشر في: …"): one or two short words
_DATED = re.compile(
    r"^(?:[^\s:：]{1,12}(?:\s+[^\s:：]{1,12})?\s+)?"
    r"\(?\s*(?:تاريخ النشر|نشر في|نشرت|نُشر|نشر|آخر تحديث|اخر تحديث|آخر تعديل|اخر تعديل|تم النشر|Published|Updated)"
    r"\s*(?:في|on|بتاريخ)?\s*[:：]?\s*(.+?)\s*\)?$",
    re.I,
)
_URL = re.compile(r"^(?:الرابط|رابط المقال|URL)\s*[:：]\s*(https?://\S+)$|^(https?://\S+)$", re.I)
_MONTH = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
_DATE_IN = re.compile(
    rf"\d{{1,4}}\s?[-/.]\s?\d{{1,2}}\s?[-/.]\s?\d{{1,4}}|\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+(?:من\s+)?|\s*[/-]\s*)(?:{_MONTH})\s*[,،/-]?\s*\d{{4}}"
    rf"|(?:{_MONTH})\s+\d{{1,2}}\s*[,،]\s*\d{{4}}",
    re.I,
)
_WEEKDAY_BEFORE = re.compile(
    r"\s*(?:السبت|الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة)\s*[,،]?\s*$")
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")


def source_of(line: str) -> str | None:
    """``المصدر: X`` → X; a dateline in brackets ``(أبوظبي - البيان)`` → the place and outlet."""
    m = _SOURCE.match(line)
    if m and len(line) <= MAX_META_LEN:
        return m.group(1).strip(" .")
    text = line.strip()
    if text.startswith("(") and text.endswith(")") and place_and_outlet(text):
        return text.strip("()").strip()  # "(أبوظبي - البيان)": agency copy's dateline
    return None



_FILE = re.compile(r"\.(?:png|jpe?g|gif|webp|svg|css|js|ico)(?:[?#].*)?$", re.I)


def source_label(line: str) -> bool:
    """``المصدر:`` alone on its line: the source, or the author's box, is on the next one."""
    return bool(_SOURCE_LABEL.match(line.strip()))


def source_after_label(line: str) -> str | None:
    """The line under a bare source label, when it names an outlet: a dateline in brackets
    (``(أبوظبي - البيان)``) or a short name in brackets."""
    text = line.strip()
    if text.startswith("(") and text.endswith(")") and 2 <= len(text) <= 50:
        return text.strip("()").strip()
    return None


def url_of(line: str) -> str | None:
    """An address line → the address (an image's or a script's address is not the article's)."""
    m = _URL.match(line)
    url = (m.group(1) or m.group(2)) if m else None
    return None if url is None or _FILE.search(url) else url


def date_of(line: str) -> str | None:
    """The date as a date line writes it (``نشر في: …``, ``الخميس 28 يوليه 2016 - 5:41 م``)."""
    if len(line) > MAX_META_LEN:
        return None
    text = to_western_digits(line)
    if m := _DATED.match(line):
        rest = re.split(r"\s+\|\s+", m.group(1).strip())[0]
        return rest if _DATE_IN.search(to_western_digits(rest)) or parse_date(rest) else None
    if not (_DATE_IN.search(text) or parse_date(line)):
        return None
    # a date line is mostly the date: few words besides day, month, year and time
    letters = re.sub(rf"{_DATE_IN.pattern}|{_TIME.pattern}", " ", text, flags=re.I)
    others = [w for w in re.findall(r"[^\W\d_]{2,}", letters) if w.lower() not in MONTHS]
    return line.strip(" •·|") if len(others) <= 5 else None


def byline_of(line: str) -> str | None:
    """``كتب: X``, ``بقلم X``, ``By X``, ``من X`` → X (a date glued to it is cut off)."""
    if len(line) > MAX_META_LEN:
        return None
    if _INITIALS.match(line.strip()):
        return line.strip()
    if line.strip().startswith("(") and line.strip().endswith(")"):
        line = line.strip()[1:-1]  # "(إعداد فلانة للنشرة العربية - تحرير فلان)": a wire's credit line
    m = _BYLINE_HEAD.match(line) or _FROM.match(line) or _DATELINE.match(line)
    if m is None:
        return None
    name = m.group(1)
    cut = _DATE_IN.search(to_western_digits(name))
    if cut:
        name = name[: cut.start()]
        name = _WEEKDAY_BEFORE.sub("", name)
    name = _DESK.split(name)[0]  # "فلانة للنشرة العربية - تحرير فلان": the writer, not the desk
    name = name.strip(" .:،,-–")
    if name.lower() in _AGENCY_NAMES:
        return None  # "بقلم: Reuters" names the wire, not the writer
    return name if 2 <= len(name) <= 60 and re.search(r"[^\W\d_]{2,}", name) else None


def date_and_byline(line: str) -> tuple[str | None, str | None]:
    """A line that carries both a date and a byline (``الأحد 24 يونيو 2018, 15:45 كتب : X``)."""
    if len(line) > MAX_META_LEN:
        return None, None
    if line.startswith("(") and line.endswith(")") and _BYLINE_HEAD.match(line[1:-1].strip()):
        line = line[1:-1].strip()  # "(إعداد فلانة للنشرة العربية - تحرير فلان)"
    m = _BYLINE.search(line)
    if not m:
        date = date_of(line)
        return date, None if date else byline_of(line)
    before = line[: m.start()].strip()
    date = date_of(before) if before else None
    if before and date is None:
        return date_of(line), None  # "Other story – بقلم X": a related link, not this byline
    byline = byline_of(line[m.start():].strip())
    if date is None:
        rest = to_western_digits(line[m.start():])
        if d := _DATE_IN.search(rest):
            start = m.start() + d.start()
            day = _WEEKDAY_BEFORE.search(line[:start])
            date = line[day.start() if day else start:].strip()
    return date, byline


_RELATIVE_TIME = re.compile(r"^(?:منذ|قبل)\s+(?:\d+|[^\W\d_]+)\s+(?:ثانية|ثوان|دقيقة|دقائق|ساعة|ساعات|يوم|أيام|ايام|أسبوع|أسابيع|شهر|أشهر)$"
                            r"|^\d+\s+(?:minutes?|hours?|days?)\s+ago$", re.I)


def relative_time(line: str) -> bool:
    """``منذ 39 دقيقة``: a site's clock relative to now, never the article's date or headline."""
    return bool(_RELATIVE_TIME.match(line.strip()))


def is_labeled_date(line: str) -> bool:
    """True for a date line that says it is one (``نشر في: …``, ``تاريخ النشر: …``)."""
    return bool(_DATED.match(line))
