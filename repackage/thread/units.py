"""The article cut into sentence units, with card quotes located and re-marked. Pure.

Each unit is one sentence of one paragraph (sentences are merged where a quotation would
otherwise be cut). A sentence holding a card-worthy quote carries it, re-marked «…» and with
its speaker named in full; quotes not found in the body become units of their own.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from repackage.model import Article, Quote
from repackage.text.arabic import normalize, split_sentences
from repackage.thread import rtl
from repackage.thread.split import QUOTED

_QUOTE_MARKS = "\"'“”«»„‟‘’"
_LETTER = r"[\p{L}\p{M}]"


@dataclass(frozen=True)
class Unit:
    """One sentence: its text (laid out for posting), paragraph, place in the paragraph.

    ``sentence`` is its 0-based place among the paragraph's units and ``last`` says whether it
    ends the paragraph; ``quotes`` are the card-worthy quotes it holds.
    """

    text: str
    paragraph: int
    quotes: tuple[Quote, ...] = ()
    sentence: int = 0
    last: bool = True


@functools.lru_cache(maxsize=512)  # the same quotes are sought in every paragraph, per platform
def _quote_pattern(text: str) -> regex.Pattern[str]:
    """Match ``text`` tolerantly: any spacing between words and around punctuation."""
    words = normalize(text).split()
    return regex.compile(r"\s*".join(regex.escape(w) for w in words))


def _find_quote(paragraph: str, quote: Quote) -> tuple[int, int] | None:
    """Span of ``quote`` in ``paragraph``, widened over its quote marks."""
    m = _quote_pattern(quote.text).search(paragraph)
    if not m:
        return None
    start, end = m.start(), m.end()
    j = start
    while j > 0 and paragraph[j - 1] == " ":
        j -= 1
    if j > 0 and paragraph[j - 1] in _QUOTE_MARKS:
        start = j - 1
    j = end
    while j < len(paragraph) and paragraph[j] == " ":
        j += 1
    if j < len(paragraph) and paragraph[j] in _QUOTE_MARKS:
        end = j + 1
    return start, end




def _sentences(paragraph: str, protected: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans of ``paragraph``, merged so that no protected span is cut."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for sentence in split_sentences(paragraph):
        start = paragraph.find(sentence, pos)
        if start < 0:  # a safety net: the paragraph is normalised as the sentences are
            first = spans.pop()[0] if spans else pos
            return [*spans, (first, len(paragraph))]
        spans.append((start, start + len(sentence)))
        pos = start + len(sentence)
    merged: list[tuple[int, int]] = []
    for span in spans:
        if merged and any(a < merged[-1][1] < b for a, b in protected):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged


def article_units(article: Article) -> list[Unit]:
    """Every sentence of the body in order, card quotes located (see the module doc)."""
    units: list[Unit] = []
    card_quotes = list(article.card_quotes)
    located: set[int] = set()
    for index, raw in enumerate(article.paragraphs):
        paragraph = normalize(raw)
        here: list[tuple[int, int, Quote]] = []
        protected: list[tuple[int, int]] = [m.span() for m in QUOTED.finditer(paragraph)]
        for quote in article.quotes:
            span = _find_quote(paragraph, quote)
            if span is None:
                continue
            protected.append(span)
            if quote.card_worthy and id(quote) not in located:
                here.append((*span, quote))
                located.add(id(quote))
        spans = _sentences(paragraph, protected)
        for n, (start, end) in enumerate(spans):
            inside = [(a, b, q) for a, b, q in here if start <= a and b <= end]
            text = _repair_quotes(paragraph, start, end, inside) if inside else \
                paragraph[start:end]
            units.append(Unit(polish(text), index, tuple(q for _, _, q in inside),
                              sentence=n, last=n == len(spans) - 1))
        for quote in card_quotes:
            if id(quote) not in located and quote.paragraph == index:
                located.add(id(quote))
                units.append(Unit(polish(standalone_quote(quote)), index, (quote,),
                                  sentence=len(spans)))
    for quote in card_quotes:  # quotes pointing past the body still get their post
        if id(quote) not in located:
            units.append(Unit(polish(standalone_quote(quote)), len(article.paragraphs),
                               (quote,)))
    return units


def polish(text: str) -> str:
    """Latin runs isolated and commas kept off links and tags, for posting."""
    return rtl.tidy_commas(rtl.isolate_latin(text))


def standalone_quote(quote: Quote) -> str:
    """The quote alone, «…» marked, with its speaker and role on a caption line."""
    who = ", ".join(x for x in (quote.speaker, quote.role) if x).replace(", ", "، ")
    text = f"«{normalize(quote.text)}»"
    return f"{text}\n— {who}" if who else text


def _repair_quotes(paragraph: str, start: int, end: int,
                   inside: list[tuple[int, int, Quote]]) -> str:
    """The sentence with each card quote re-marked «…» and its speaker named in full."""
    out: list[str] = []
    pos = start
    for a, b, quote in sorted(inside, key=lambda t: t[0]):
        out.append(paragraph[pos:a])
        out.append(f"«{normalize(quote.text)}»")
        pos = b
    out.append(paragraph[pos:end])
    text = "".join(out)
    for _, _, quote in inside:
        text = _name_speaker(text, quote)
    return " ".join(text.split())


def _name_speaker(text: str, quote: Quote) -> str:
    """Give the short name (``شي``) nearest the quote in full (``شي جين بينغ``), once.

    The nearest mention outside the quote is the attribution; other people who share a word
    with the speaker's name are left alone.
    """
    full, short = quote.speaker, quote.as_written
    if not full or not short or full == short or full in text:
        return text
    pattern = regex.compile(rf"(?<!{_LETTER}){regex.escape(short)}(?!{_LETTER})")
    target = f"«{normalize(quote.text)}»"
    at = text.find(target)
    if at < 0:
        return text
    quoted = [m.span() for m in regex.finditer(r"«[^«»]*»", text)]
    mentions = [m for m in pattern.finditer(text)
                if not any(a <= m.start() < b for a, b in quoted)]
    if not mentions:
        return text

    def distance(m: regex.Match[str]) -> int:
        return at - m.end() if m.end() <= at else m.start() - (at + len(target))

    m = min(mentions, key=distance)
    return text[: m.start()] + full + text[m.end():]
