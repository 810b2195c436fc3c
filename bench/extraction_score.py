"""Scoring of one ingested article against a corpus answer key (shared by the bench and tests).

Keys come in two kinds: the plain-text corpus gives every body paragraph verbatim
(``paragraphs``); the HTML corpus gives each paragraph's first six tokens
(``paragraphs_first_words``) and ``paragraph_count``. Texts compare after whitespace folding.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

QUOTE_COVERAGE = 0.85
_MARKS = "\"“”«»„‟″'’‘"


def fold(text: str | None) -> str:
    """NFC, one space for every run of whitespace, trimmed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip()


def fold_credit(text: str | None) -> str:
    """A credit compared as written, except for spacing around slashes."""
    return re.sub(r"\s*/\s*", "/", fold(text))


def first_words(paragraph: str, n: int = 6) -> list[str]:
    """The first ``n`` whitespace tokens of a paragraph."""
    return fold(paragraph).split()[:n]


def paragraph_f1(found: list[str], key: list[str]) -> float:
    """F1 of found paragraphs against key paragraphs (a paragraph matches once, exactly)."""
    return _matched_f1([fold(p) for p in found], [fold(p) for p in key])


def _matched_f1(found: list[str], key: list[str]) -> float:
    """F1 of ``found`` against ``key``, each key item matched at most once, exactly."""
    if not found and not key:
        return 1.0
    pool = list(key)
    hits = 0
    for p in found:
        if p in pool:
            pool.remove(p)
            hits += 1
    if hits == 0:
        return 0.0
    precision, recall = hits / len(found), hits / len(key)
    return 2 * precision * recall / (precision + recall)


def key_prefixes(key_first: list) -> list[list[str]]:
    """The key's first-words entries as token lists (the key writes each as one string)."""
    return [first_words(w) if isinstance(w, str) else [fold(t) for t in w][:6] for w in key_first]


def prefix_f1(found: list[str], key_first: list) -> float:
    """F1 when the key gives only each paragraph's first words."""
    found_p = [" ".join(first_words(p, 6)) for p in found]
    key_p = [" ".join(words) for words in key_prefixes(key_first)]
    return _matched_f1(found_p, key_p)


def _bare(text: str) -> str:
    return fold(text.strip().strip(_MARKS + " .،,")).strip(_MARKS + " .،,")


def coverage(found: str, key: str) -> float:
    """Characters the two quotes share (matching runs) over the longer one's length."""
    from difflib import SequenceMatcher

    a, b = _bare(found), _bare(key)
    if not a or not b:
        return 0.0
    m = SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in m.get_matching_blocks()) / max(len(a), len(b))


@dataclass
class PageScore:
    """What one page scored; ``None`` where the key has nothing to compare."""

    name: str
    headline_ok: bool = False
    body_exact: bool = False
    paragraph_f1: float = 0.0
    credit_ok: bool | None = None
    caption_ok: bool | None = None
    date_ok: bool | None = None  # publication day, where the key gives it in ISO form
    author_ok: bool | None = None  # byline (a person, or none), on keys that say which
    quotes_key: int = 0
    quotes_found: int = 0
    quotes_matched: int = 0
    quotes_true: int = 0  # found quotes that match a key quote (precision numerator)
    speakers_right: int = 0
    error: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)


def _key_quotes(key: dict) -> list[dict]:
    return [q for q in key.get("quotes") or () if not q.get("fragment")]


def score_page(name: str, article: Any, key: dict) -> PageScore:
    """Score one ingested ``article`` (a repackage Article) against its answer ``key``."""
    s = PageScore(name=name)
    s.headline_ok = fold(article.title) == fold(key.get("headline"))
    found = list(article.paragraphs)
    if "paragraphs" in key:
        s.paragraph_f1 = paragraph_f1(found, key["paragraphs"])
        s.body_exact = [fold(p) for p in found] == [fold(p) for p in key["paragraphs"]]
    else:
        firsts = key_prefixes(key.get("paragraphs_first_words") or [])
        s.paragraph_f1 = prefix_f1(found, firsts)
        s.body_exact = len(found) == key.get("paragraph_count", len(firsts)) and all(
            first_words(p) == words for p, words in zip(found, firsts, strict=False))
    credit = getattr(article.photo, "credit", None)
    if key.get("photo_credit") or credit:
        s.credit_ok = fold_credit(credit) == fold_credit(key.get("photo_credit"))
    caption = getattr(article.photo, "caption", None)
    if key.get("photo_caption") or caption:
        s.caption_ok = fold(caption) == fold(key.get("photo_caption"))
    if re.match(r"\d{4}-\d{2}-\d{2}", key.get("published") or ""):
        s.date_ok = (getattr(article, "published", None) or "")[:10] == key["published"][:10]
    if "paragraphs_first_words" in key and "byline" in key:
        s.author_ok = fold(getattr(article, "byline", None)) == fold(key["byline"])
    keyq = _key_quotes(key)
    cards = [q for q in article.quotes if q.card_worthy]
    s.quotes_key, s.quotes_found = len(keyq), len(cards)
    used: set[int] = set()
    for q in cards:
        best = max(range(len(keyq)), key=lambda i: coverage(q.text, keyq[i]["text"]), default=None)
        if best is not None and coverage(q.text, keyq[best]["text"]) >= QUOTE_COVERAGE:
            s.quotes_true += 1
            if best not in used:
                used.add(best)
                s.quotes_matched += 1
                if fold(q.speaker) == fold(keyq[best].get("speaker")):
                    s.speakers_right += 1
    return s


def totals(scores: list[PageScore]) -> dict[str, float | None]:
    """The summary figures over pages (errors count as wrong)."""
    n = len(scores)

    def share(values: list[bool]) -> float | None:
        return round(sum(values) / len(values), 3) if values else None

    credits = [s.credit_ok for s in scores if s.credit_ok is not None]
    dates = [s.date_ok for s in scores if s.date_ok is not None]
    authors = [s.author_ok for s in scores if s.author_ok is not None]
    qk = sum(s.quotes_key for s in scores)
    qf = sum(s.quotes_found for s in scores)
    qm = sum(s.quotes_matched for s in scores)
    return {
        "pages": n,
        "extract_headline_accuracy": share([s.headline_ok for s in scores]),
        "extract_paragraph_f1": round(sum(s.paragraph_f1 for s in scores) / n, 3) if n else None,
        "extract_body_exact": share([s.body_exact for s in scores]),
        "extract_quote_recall": round(qm / qk, 3) if qk else None,
        "extract_quote_precision": round(sum(s.quotes_true for s in scores) / qf, 3) if qf else None,
        "extract_speaker_accuracy": round(sum(s.speakers_right for s in scores) / qm, 3) if qm else None,
        "extract_credit_accuracy": share(credits),
        "extract_date_accuracy": share(dates),
        "extract_byline_accuracy": share(authors),
    }
