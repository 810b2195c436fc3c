"""Latin words in Arabic text, written in Arabic letters for the MBROLA voice (pure).

espeak-ng switches to English for a Latin word, and the Arabic MBROLA voices have no English
diphones: the word comes out as silence (and can stop the mbrola process). So acronyms are
spelled with the Arabic names of their letters (``CNN`` -> ``سي إن إن``), as Arabic
newsreaders say them, and other Latin words are transliterated letter by letter with the usual
digraphs (``Reuters`` -> ``رويترز``-like spelling) so the voice can sound them.
"""

from __future__ import annotations

import re

_LATIN_WORD = re.compile(r"[A-Za-z]+")
LETTER_NAMES = {
    "A": "إيه", "B": "بي", "C": "سي", "D": "دي", "E": "إي", "F": "إف", "G": "جي", "H": "إتش",
    "I": "آي", "J": "جيه", "K": "كيه", "L": "إل", "M": "إم", "N": "إن", "O": "أو", "P": "بي",
    "Q": "كيو", "R": "آر", "S": "إس", "T": "تي", "U": "يو", "V": "في", "W": "دبليو",
    "X": "إكس", "Y": "واي", "Z": "زد",
}
_DIGRAPHS = (("sh", "ش"), ("ch", "تش"), ("th", "ث"), ("ph", "ف"), ("kh", "خ"), ("gh", "غ"),
             ("ou", "و"), ("oo", "و"), ("ee", "ي"), ("ea", "ي"), ("eu", "يو"), ("ck", "ك"),
             ("qu", "كو"))
_LETTERS = {"a": "ا", "b": "ب", "c": "ك", "d": "د", "e": "ي", "f": "ف", "g": "غ", "h": "ه",
            "i": "ي", "j": "ج", "k": "ك", "l": "ل", "m": "م", "n": "ن", "o": "و", "p": "ب",
            "q": "ك", "r": "ر", "s": "س", "t": "ت", "u": "و", "v": "ف", "w": "و", "x": "كس",
            "y": "ي", "z": "ز"}


def transliterate(word: str) -> str:
    """One Latin word in Arabic letters (a rough reading, meant to be heard, not printed)."""
    w = word.lower()
    out: list[str] = []
    i = 0
    while i < len(w):
        pair = w[i:i + 2]
        hit = next((ar for lat, ar in _DIGRAPHS if lat == pair), None)
        if hit:
            out.append(hit)
            i += 2
            continue
        ch = w[i]
        if ch == "c" and w[i + 1:i + 2] in ("e", "i", "y"):
            out.append("س")
        elif ch in "aeiou" and i == 0:
            out.append("أ" if ch in "aou" else "إ")
        elif ch in "aeiou" and i + 1 == len(w) and ch == "e" and len(w) > 3:
            pass  # a silent final e
        else:
            out.append(_LETTERS.get(ch, ""))
        i += 1
    text = "".join(out)
    return re.sub(r"(.)\1+", r"\1", text) or word


def arabic_letters(text: str) -> str:
    """``text`` with every Latin word written in Arabic letters (acronyms letter by letter)."""
    def one(m: re.Match[str]) -> str:
        word = m.group()
        if word.isupper() and len(word) <= 5:
            return " ".join(LETTER_NAMES[c] for c in word)
        return transliterate(word)

    return _LATIN_WORD.sub(one, text)
