"""Arabic text front-end for speech: spoken form, sentence splitting and chunking.

Pure functions. A segment's text becomes sentences, and sentences become chunks short
enough for the engine (gTTS takes at most 100 characters a request), cut at clause or
word boundaries, never inside a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from repackage.text.arabic import (
    BIDI_MARKS,
    HARAKAT,
    TATWEEL,
    normalize,
    split_sentences,
    to_western_digits,
)

_THOUSANDS = re.compile(r"(?<=\d)[,\u066c](?=\d{3}(?!\d))")
_DECIMAL = re.compile(r"(?<=\d)\u066b(?=\d)")
_QUOTE_MARKS = re.compile("[\"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019]")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([\u060c\u061b\u061f.,!?:;\u2026])")
_CLAUSE_END = re.compile(r"(?<=[\u060c,:;\u061b\u2013\u2014\u2026])\s+")
_ARABIC_LETTERS = re.compile(r"[\u0621-\u064a]")


@dataclass(frozen=True)
class Chunk:
    """One piece of text sent to the engine; ``sentence_end`` says which pause follows it."""

    text: str
    sentence_end: bool


# the offline voices read numbers from words (see numbers.py); Google reads digits itself
WORDS_FOR_NUMBERS = ("espeak", "mbrola")


_BULLET = re.compile(r"^[•·▪●◦]\s*|(?<=\n)[•·▪●◦]\s*")  # a list item's bullet, never read out


def spoken_form(text: str, *, engine: str = "espeak") -> str:
    """Text as the engine should read it.

    Digits become Western, thousands separators go, the Arabic decimal sign becomes a point,
    quote marks, list bullets and bidi marks (never spoken) are dropped. For the offline voices numbers,
    percentages and currency signs are then written as Arabic words, and for MBROLA Latin
    words in Arabic letters.
    """
    text = normalize(text)
    text = to_western_digits(text)
    text = _THOUSANDS.sub("", text)
    text = _DECIMAL.sub(".", text)
    if engine in WORDS_FOR_NUMBERS:
        from .numbers import say_numbers

        text = say_numbers(text)
    if engine == "mbrola":
        # its Arabic diphones cannot sound the English espeak-ng would switch to
        from .latin import arabic_letters

        text = arabic_letters(text)
    text = _QUOTE_MARKS.sub("", text)
    text = _BULLET.sub("", text)
    text = "".join(c for c in text if c not in BIDI_MARKS and c != TATWEEL)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return normalize(text)


def sentences(text: str) -> list[str]:
    """Split at . ؟ ? ! … and ؛ (see ``repackage.text.arabic.split_sentences``)."""
    return split_sentences(text)


def _pack(pieces: list[str], limit: int, sep: str = " ") -> list[str]:
    out: list[str] = []
    cur = ""
    for piece in pieces:
        cand = f"{cur}{sep}{piece}" if cur else piece
        if len(cand) <= limit:
            cur = cand
        else:
            if cur:
                out.append(cur)
            cur = piece
    if cur:
        out.append(cur)
    return out


def _split_long(sentence: str, limit: int) -> list[str]:
    """Cut one over-long sentence at clause marks, then at spaces; never inside a word."""
    pieces: list[str] = []
    for clause in _CLAUSE_END.split(sentence):
        if len(clause) <= limit:
            pieces.append(clause)
            continue
        words = clause.split(" ")
        for word in words:
            # a single "word" longer than the limit (a URL, a run of symbols) is the one
            # case where a hard cut is unavoidable
            while len(word) > limit:
                pieces.append(word[:limit])
                word = word[limit:]
            pieces.append(word)
    # pack clause pieces first so a cut falls at a comma whenever the clause fits
    return _pack([p for p in pieces if p], limit)


def chunk_text(text: str, limit: int = 100) -> list[Chunk]:
    """Sentences of ``text`` cut into chunks of at most ``limit`` characters."""
    chunks: list[Chunk] = []
    for sentence in sentences(text):
        if len(sentence) <= limit:
            chunks.append(Chunk(sentence, True))
            continue
        parts = _split_long(sentence, limit)
        for i, part in enumerate(parts):
            chunks.append(Chunk(part, i == len(parts) - 1))
    return chunks


def is_vowelled(text: str, threshold: float = 0.3) -> bool:
    """True when ``text`` already carries harakat on a good share of its letters.

    A producer who vowels a word by hand in script.json means it: such text is spoken as written.
    """
    letters = len(_ARABIC_LETTERS.findall(text))
    if not letters:
        return False
    marks = sum(1 for c in text if c in HARAKAT)
    return marks / letters >= threshold
