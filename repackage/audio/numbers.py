"""Numbers as Arabic words for the offline voices (pure).

espeak-ng's Arabic rules read bare digit strings unevenly (decimals and large numbers come
out digit by digit or not at all), so the offline engines get words: ``4.2`` ->
``أربعة فاصلة اثنان``, ``40%`` -> ``أربعون بالمئة``, ``$5`` -> ``خمسة دولار``. Integers are
spelled by ``num2words``; its decimals are wrong for Arabic ("أربعة , عشرون"), so the
fraction is read as its own number after ``فاصلة``, as Arabic newsreaders do. Google's voice
reads digits itself and is given them unchanged.
"""

from __future__ import annotations

import re

_NUMBER = re.compile(r"(?<![\w.])(\d+)(?:\.(\d+))?(?![\w])")
_PERCENT = re.compile(r"(\d)\s*[%\u066a]")
_CURRENCY = {"$": "دولار", "€": "يورو", "£": "جنيه إسترليني"}
_PREFIX_CURRENCY = re.compile(r"([$€£])\s*(\d+(?:\.\d+)?)")
_LIMIT = 10 ** 15


def integer_words(digits: str) -> str:
    """An integer (given as digits) in Arabic words; very long strings digit by digit."""
    from num2words import num2words

    value = int(digits)
    if value >= _LIMIT or (len(digits) > 1 and digits.startswith("0")):
        return " ".join(integer_words(d) for d in digits)
    if value == 0:
        return "صفر"
    words = str(num2words(value, lang="ar"))
    return re.sub(r"\s+", " ", words.replace(" و ", " و")).strip()


def number_words(whole: str, fraction: str | None = None) -> str:
    """``whole[.fraction]`` in words: the fraction read as its own number after فاصلة."""
    text = integer_words(whole)
    if fraction:
        text += " فاصلة " + integer_words(fraction)
    return text


def say_numbers(text: str) -> str:
    """``text`` with every Western-digit number, percent and currency sign as words.

    Digits must already be Western and without thousands separators (see ``spoken_form``).
    """
    text = _PREFIX_CURRENCY.sub(lambda m: f"{m.group(2)} {_CURRENCY[m.group(1)]}", text)
    text = _PERCENT.sub(r"\1 بالمئة", text)
    return _NUMBER.sub(lambda m: number_words(m.group(1), m.group(2)), text)
