"""What a condensed thread keeps: the strongest quotes and the facts an editor would post. Pure.

Both are scored on the article's sentence units (:mod:`repackage.thread.units`), with each
sentence's centrality from TextRank (:mod:`repackage.thread.salience`).

A **fact** is a body sentence holding no card quote, scored

    0.40 × centrality + 0.25 × lead position + 0.15 × numbers + 0.20 × named people and places

where lead position is ``1 / (1 + paragraph / 2)`` (the inverted pyramid puts what matters
first), numbers is 1 when the sentence carries a figure, and names is the share (up to 2) of
the article's key names and places (:func:`repackage.thread.hashtags.key_terms`, the quoted
speakers, Latin proper names) it mentions. Facts are then picked greedily by maximal marginal
relevance: a sentence's score less half the share of its content words already posted; one
that is more than 70 % already said is not picked at all. A fact is a whole sentence (it ends
with . ؟ ! or ؛, not with an ellipsis, which is how cut-off teasers end), of six words or more, mostly Arabic, and on the story (it shares a
content word with the headline, or its centrality is at least 0.3): captions, labels, prompts,
related headlines and cut-off text are not.

A **quote's strength** is ``0.5 × centrality + 0.3 × length + 0.2 × attribution``: length is
1 for 8–40 words (a card reads well) and falls off outside, attribution is 1 with speaker and
role, 0.75 with a speaker only and 0.25 for an unattributed quote.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from repackage.model import Article, Quote
from repackage.text.arabic import arabic_ratio, fold
from repackage.thread.hashtags import key_terms
from repackage.thread.salience import content_words, overlap, textrank
from repackage.thread.units import Unit

MIN_FACT_WORDS = 6
MAX_REPEAT = 0.7
MIN_OFF_TOPIC_CENTRALITY = 0.3
_NUMBER = regex.compile(r"\d")
_COMPLETE = regex.compile(r"(?<![.…])[.؟?!؛]\W*$")  # an ellipsis ends cut-off teasers
_LATIN_NAME = regex.compile(r"\b\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)*")


@dataclass(frozen=True)
class Scored:
    """A sentence unit with its content words, centrality and (fact) score."""

    unit: Unit
    words: frozenset[str]
    centrality: float
    score: float
    topical: bool = True

    @property
    def order(self) -> tuple[int, int]:
        """Its place in the article."""
        return self.unit.paragraph, self.unit.sentence


def score_units(article: Article, units: Sequence[Unit]) -> list[Scored]:
    """Every unit with its centrality and its fact score (see the module doc)."""
    centrality = textrank([u.text for u in units])
    names = _names(article)
    headline = content_words(article.title)
    scored = []
    for unit, c in zip(units, centrality, strict=True):
        folded = f" {fold(unit.text)} "
        mentioned = sum(1 for name in names if f" {name} " in folded)
        mentioned += len(_LATIN_NAME.findall(unit.text))
        score = (0.40 * c + 0.25 / (1 + unit.paragraph / 2)
                 + 0.15 * bool(_NUMBER.search(unit.text)) + 0.20 * min(mentioned, 2) / 2)
        words = content_words(unit.text)
        topical = bool(words & headline) or c >= MIN_OFF_TOPIC_CENTRALITY
        scored.append(Scored(unit, words, c, score, topical))
    return scored


def _names(article: Article) -> list[str]:
    terms = list(key_terms(article, limit=6, min_mentions=2))
    terms += [q.speaker for q in article.quotes if q.speaker]
    terms += [q.as_written for q in article.quotes if q.as_written]
    return list(dict.fromkeys(fold(t) for t in terms if t and fold(t)))


def is_fact(item: Scored) -> bool:
    """Whether the unit may be posted as a fact: a real body sentence holding no card quote."""
    text = item.unit.text
    return (item.topical and not item.unit.quotes and len(text.split()) >= MIN_FACT_WORDS
            and arabic_ratio(text) >= 0.5 and bool(_COMPLETE.search(text)))


def quote_strength(quote: Quote, centrality: float) -> float:
    """How strong ``quote`` is as a card (see the module doc)."""
    n = len(quote.text.split())
    length = 1.0 if 8 <= n <= 40 else (n / 8 if n < 8 else 40 / n)
    attribution = 1.0 if quote.speaker and quote.role else 0.75 if quote.speaker else 0.25
    return 0.5 * centrality + 0.3 * length + 0.2 * attribution


def strongest_quotes(article: Article, scored: Sequence[Scored], n: int) -> list[Quote]:
    """The ``n`` strongest card-worthy quotes (all of them when they fit), strongest first."""
    centrality = {id(q): s.centrality for s in scored for q in s.unit.quotes}
    quotes = list(article.card_quotes)
    ranked = sorted(range(len(quotes)), key=lambda i: (
        -quote_strength(quotes[i], centrality.get(id(quotes[i]), 0.0)), i))
    return [quotes[i] for i in ranked[:max(n, 0)]]


def next_fact(candidates: Sequence[Scored], posted: frozenset[str]) -> Scored | None:
    """The best remaining fact by marginal relevance against what is ``posted``, or None."""
    best: tuple[float, Scored] | None = None
    for item in candidates:
        repeat = overlap(item.words, posted)
        if repeat > MAX_REPEAT:
            continue
        value = item.score - 0.5 * repeat
        if best is None or value > best[0]:
            best = (value, item)
    return best[1] if best else None
