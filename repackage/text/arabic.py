"""Arabic text basics: normalisation, sentence splitting and comparison folding.

All functions are pure and work on logical-order Unicode text.
"""

from __future__ import annotations

import re
import unicodedata

HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670"
TATWEEL = "\u0640"
BIDI_MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ARABIC_COMMA = "\u060c"
ARABIC_SEMICOLON = "\u061b"
ARABIC_QUESTION = "\u061f"

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
# Presentation forms: text shaped for display, which must never be stored or passed on.
_PRESENTATION = re.compile(r"[\ufb50-\ufdff\ufe70-\ufeff]")
_WS = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

# Sentence ends: . ? ! … and the Arabic question mark; ؛ is a strong pause and ends one too.
_SENTENCE_END = re.compile(
    r"(?<=[.!?\u061f\u061b\u2026])[\"\u201d\u00bb\u2019)\]]*(?=\s+|$)"
)
_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def normalize(text: str) -> str:
    """NFC, one space between words, no zero-width junk at the ends, stripped."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\ufeff", "")
    text = _WS.sub(" ", text)
    return text.strip()


def has_presentation_forms(text: str) -> bool:
    """True when ``text`` holds Arabic presentation forms (display-shaped text)."""
    return bool(_PRESENTATION.search(text))


def arabic_ratio(text: str) -> float:
    """Share of letters in ``text`` that are Arabic (0.0 when there are no letters)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if _ARABIC_LETTER.match(c)) / len(letters)


def is_arabic_letter(ch: str) -> bool:
    """True for a base Arabic letter."""
    return bool(_ARABIC_LETTER.match(ch))


def split_sentences(text: str) -> list[str]:
    """Split at . ؟ ? ! … and ؛ (closing quote marks stay with their sentence).

    Decimal points (3.5) and abbreviations without a following space are not ends.
    """
    text = normalize(text)
    if not text:
        return []
    parts: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        piece = text[start:end].strip()
        if piece:
            parts.append(piece)
        start = end
    rest = text[start:].strip()
    if rest:
        parts.append(rest)
    return parts


def strip_harakat(text: str) -> str:
    """Remove harakat (short-vowel marks) and tatweel."""
    return "".join(c for c in text if c not in HARAKAT and c != TATWEEL)


def fold(text: str) -> str:
    """Fold text for tolerant comparison (OCR read-back, matching).

    Folds alef forms to ا, ى to ي, ة to ه, removes harakat, tatweel, bidi marks and
    punctuation, maps Eastern digits to Western, and collapses whitespace.
    """
    text = unicodedata.normalize("NFKC", text)  # also undoes presentation forms
    text = strip_harakat(text)
    text = "".join(c for c in text if c not in BIDI_MARKS)
    text = re.sub("[\u0622\u0623\u0625\u0671]", "\u0627", text)
    text = text.replace("\u0649", "\u064a").replace("\u0629", "\u0647")
    text = text.replace("\u0624", "\u0648").replace("\u0626", "\u064a")
    text = text.translate(_EASTERN_DIGITS)
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split()).lower()


def trim_at_word(text: str, limit: int, ellipsis: str = "…") -> str:
    """``text`` if it fits in ``limit`` characters, else cut at a word with ``ellipsis`` added
    (the result, ellipsis included, is at most ``limit`` long)."""
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - len(ellipsis))]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + ellipsis


def to_western_digits(text: str) -> str:
    """Map Eastern Arabic and Persian digits to 0-9."""
    return text.translate(_EASTERN_DIGITS)
