"""How central each sentence is to its article: TextRank over a sentence graph. Pure.

TextRank (Mihalcea & Tarau, 2004): sentences are nodes, two sentences are joined by the
content words they share, normalised by their lengths (``|Si ∩ Sj| / (log|Si| + log|Sj|)``),
and PageRank over that graph (damping 0.85) scores each sentence by how much of the rest of
the article it echoes. Words are compared folded (alef forms, ى/ي, ة/ه, harakat), with the
clitics و ف ب ل ك and the article ال taken off and Arabic function words left out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import regex

from repackage.text.arabic import fold
from repackage.thread.stopwords import STOPWORDS

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
DAMPING = 0.85


def content_words(text: str) -> frozenset[str]:
    """The sentence's topic words, folded and without clitics or function words."""
    out = set()
    for word in _WORD.findall(fold(text)):
        if word in STOPWORDS or word.isdigit():
            if word.isdigit():
                out.add(word)
            continue
        out.add(_strip(word))
    return frozenset(w for w in out if w and w not in STOPWORDS and (len(w) > 1 or w.isdigit()))


def _strip(word: str) -> str:
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix):]
    return word


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """TextRank's overlap similarity of two content-word sets (0 when either is tiny)."""
    if len(a) < 2 or len(b) < 2:
        return float(len(a & b) > 0) * 0.5 if a and b else 0.0
    return len(a & b) / (math.log(len(a)) + math.log(len(b)))


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of ``a``'s content words that ``b`` already says (0..1): how little is new."""
    if not a:
        return 1.0
    return len(a & b) / len(a)


def textrank(sentences: Sequence[str], *, iterations: int = 60) -> list[float]:
    """Each sentence's TextRank score, scaled so the most central one is 1.0."""
    words = [content_words(s) for s in sentences]
    n = len(words)
    if n == 0:
        return []
    weights = [[similarity(words[i], words[j]) if i != j else 0.0 for j in range(n)]
               for i in range(n)]
    out_sum = [sum(row) for row in weights]
    score = [1.0] * n
    for _ in range(iterations):
        score = [
            (1 - DAMPING) + DAMPING * sum(
                weights[j][i] / out_sum[j] * score[j] for j in range(n) if out_sum[j])
            for i in range(n)
        ]
    top = max(score) or 1.0
    return [s / top for s in score]
