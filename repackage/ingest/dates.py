"""Publication dates written in Arabic or ISO form, read into ISO 8601 (YYYY-MM-DD)."""

from __future__ import annotations

import re

from repackage.text.arabic import to_western_digits

MONTHS = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6,
    "يوليو": 7, "يونيه": 6, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11,
    "ديسمبر": 12, "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6,
    "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
    # Maghreb month names (Tunisia, Algeria, Morocco)
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "افريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "جويليه": 7,
    "أوت": 8, "اوت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12, "يوليوز": 7, "غشت": 8,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DMY_NUM = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_DMY_SHORT = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{2})(?![\d/.-])")  # "23/06/15": day, month, year
_MONTH_ALT = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
# "12 فبراير 2024", "12 من فبراير، 2024", "12/فبراير/2024", "12-فبراير-2024", "4th, November 2023",
# "28 آب/أغسطس 2013" (the month in both its names)
_DMY_NAME = re.compile(
    rf"(\d{{1,2}})(?:st|nd|rd|th)?,?\s*(?:\s(?:من\s+)?|[/-]\s*)({_MONTH_ALT})(?:\s*/\s*(?:{_MONTH_ALT}))?"
    rf"\s*[,،/-]?\s*(\d{{4}})", re.I)
_LABEL = re.compile(r"^date\s*[:：]?\s*")  # "date 2026-01-24": a stored page's own date field
_WEEKDAY = re.compile(r"^(?:الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت)\s*[,،\-–]?\s*")
_ZONE = re.compile(r"^(?:gmt|utc)\s*", re.I)
_TIME_FIRST = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s*(?:[صم]|am|pm)?\s*[-|,،]?\s*", re.I)


def parse_date(text: str) -> str | None:
    """ISO date for ``text`` when it opens with (or is) a date; None otherwise."""
    t = _WEEKDAY.sub("", _LABEL.sub("", to_western_digits(text.strip()).lower()))  # "الأربعاء-2025-01-08"
    for attempt in range(2):
        for pattern, order in ((_ISO, "ymd"), (_DMY_NUM, "dmy")):
            if m := pattern.match(t):
                parts = dict(zip(order, map(int, m.groups()), strict=True))
                return _iso(parts["y"], parts["m"], parts["d"])
        if m := _DMY_SHORT.match(t):
            return _iso(2000 + int(m.group(4)), int(m.group(3)), int(m.group(1)))
        if attempt == 0:
            # "GMT 17:27 17.03.2020", "09:47 م 12 فبراير 2024": the zone and clock before the day
            for _ in range(2):
                t = _TIME_FIRST.sub("", _ZONE.sub("", t))
    t = _WEEKDAY.sub("", t)
    if (m := _DMY_NAME.match(t)) and m.group(2).lower() in MONTHS:
        return _iso(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    return None


def _iso(y: int, m: int, d: int) -> str | None:
    if 1 <= m <= 12 and 1 <= d <= 31 and 1900 <= y <= 2200:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None
