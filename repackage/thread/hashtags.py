"""Hashtags from an article's key names and places. Pure functions.

Without a gazetteer the picks are conservative: the full names of the people quoted, then the
words of the headline that the body keeps repeating (a headline word that recurs is almost
always the story's place or person). Arabic hashtags carry no harakat or tatweel and join
words with ``_``.
"""

from __future__ import annotations

from collections import Counter

import regex

from repackage.model import Article
from repackage.text.arabic import strip_harakat

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}_]+")
_CLITICS = ("وال", "بال", "فال", "كال", "لل", "و", "ف", "ب", "ل", "ك")
# Function words and reporting verbs that recur in any news story.
_STOPWORD_TEXT = (
    "في من إلى الى على عن مع أن إن كان كانت قال قالت يوم بعد قبل هذا هذه ذلك التي الذي "
    "الذين وقد قد لم لن ما لا أو ثم حيث كما عام عامي بين عند خلال حتى منذ غير كل أي أكثر "
    "دعم يتعهد تعهد يقول تقول أعلن وعد جديد هو هي هم نحن أنا لكن لكنه أيضا اليوم هناك هنا بل "
    "إذا اذا لو ليس عبر نحو أمام ضد"
)
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def hashtag(phrase: str) -> str | None:
    """``phrase`` as one hashtag: ``#`` then its words joined by ``_``, marks removed.

    Returns None when nothing usable remains (e.g. only punctuation or only digits).
    """
    words = _WORD.findall(strip_harakat(phrase))
    words = [w.strip("_") for w in words if w.strip("_")]
    if not words or all(w.isdigit() for w in words):
        return None
    return "#" + "_".join(words)


def _stems(word: str) -> list[str]:
    forms = [word]
    for prefix in _CLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            forms.append(word[len(prefix):])
    return forms


def _is_function_word(word: str) -> bool:
    # a particle with a conjunction or preposition glued on (ولا، فهو، بل) is still a particle
    return word in _STOPWORDS or (len(word) > 2 and word[0] in "وفبلك" and word[1:] in _STOPWORDS)


def key_terms(article: Article, *, limit: int = 3, min_mentions: int = 3) -> list[str]:
    """The article's key names and places, most important first.

    Quoted speakers' full names come first; then headline words (clitics such as و ب ل
    removed when the bare form is what the body uses) mentioned at least ``min_mentions``
    times in the body.
    """
    terms: list[str] = []
    seen_words: set[str] = set()
    for quote in article.card_quotes or article.quotes:
        if quote.speaker and quote.speaker not in terms:
            terms.append(quote.speaker)
            seen_words.update(_WORD.findall(strip_harakat(quote.speaker)))
    body_words = Counter(
        w for p in article.paragraphs for w in _WORD.findall(strip_harakat(p))
    )
    stem_counts: Counter[str] = Counter()
    for word, n in body_words.items():
        for form in set(_stems(word)):
            stem_counts[form] += n
    scored: list[tuple[int, int, str]] = []
    for index, word in enumerate(_WORD.findall(strip_harakat(article.title))):
        # prefer the form the body writes bare: "لطاجيكستان" -> "طاجيكستان"
        candidates = [f for f in _stems(word) if body_words.get(f)] or [word]
        best = max(candidates, key=lambda f: (body_words.get(f, 0), -len(f)))
        if _is_function_word(best) or best in seen_words or len(best) < 3 or best.isdigit():
            continue
        mentions = stem_counts.get(best, 0)
        if mentions >= min_mentions:
            scored.append((-mentions, index, best))
            seen_words.add(best)
    terms.extend(word for _, _, word in sorted(scored))
    return terms[:limit]


def article_hashtags(article: Article, *, limit: int = 3) -> list[str]:
    """Hashtags for the article's key names and places (see :func:`key_terms`)."""
    tags: list[str] = []
    for term in key_terms(article, limit=limit):
        tag = hashtag(term)
        if tag and tag not in tags:
            tags.append(tag)
    return tags
