"""A person's name that a page writes in quote marks, or with a stray mark glued to it.

Pages mark names as they mark speech: ``مدرب المنتخب البرتغالي " فلان الفلاني"، أن …``,
``وقال «فلان»، …``, or leave a closing mark after a name with no opening one
(``قال فلان الفلاني” ، وزير …``). Such marks are not a quote, and the name inside them is the
one the article introduces its speaker by, so it has to reach the registry of people as plain
words. A marked stretch is a name by where it stands: one to three name-shaped words, after a
title, a nationality, an honorific or a speech verb, and before a comma or ``أن``.
"""

from __future__ import annotations

import re

from repackage.ingest.attribution import cue_kind
from repackage.ingest.lexicon import COMPLEMENTIZERS, HONORIFICS, NAME_PARTICLES, fold
from repackage.ingest.name_words import (
    bare_word,
    has_article,
    is_name_word,
    is_nationality,
    is_role_head,
)
from repackage.ingest.quote_marks import Span, find_spans

MAX_NAME_WORDS = 3
MAX_STRAY_STRETCH = 5  # "قال فلان الفلاني”": a verb and a name before a lone closing mark
_SPACE_BEFORE_COMMA = re.compile(r"\s+([،,])")


def _name_shaped(words: list[str]) -> bool:
    """One to three name units (``عبد الله بن كيران``: a particle joins its word into one)."""
    units = len(words) - sum(1 for w in words[:-1] if fold(w) in NAME_PARTICLES)
    if not words or not 1 <= units <= MAX_NAME_WORDS or has_article(words[0]):
        return False
    return all(is_name_word(w, first=k == 0) for k, w in enumerate(words))


def _introduces_name(word: str) -> bool:
    """A word a person's name follows: a title, a nationality, an honorific, a speech verb."""
    f = fold(word)
    return bool(f) and not word.rstrip().endswith(("،", ",", ".", ":")) and (
        is_role_head(word) or is_nationality(f) or bare_word(word) in HONORIFICS
        or cue_kind(word) == "verb")


def _closes_name(after: str) -> bool:
    """What follows the marks ends a name: a comma, a full stop, the end, or ``أن``."""
    rest = after.lstrip()
    if not rest or rest[0] in "،,.":
        return True
    first = rest.split()[0]
    return fold(first) in COMPLEMENTIZERS


def is_marked_name(paragraph: str, span: Span) -> bool:
    """The marked stretch ``span`` is a person's name written in marks, not speech."""
    if span.open_mark is None or span.close_mark is None:
        return False
    words = paragraph[span.start:span.end].split()
    before = paragraph[:span.open_mark].split()
    if not _name_shaped(words):
        return False
    if not before:
        before = [""]
    # the title may have its complement before the mark: "رئيس الحكومة «فلان»،"
    tail = before[-3:]
    while tail and any(w.rstrip().endswith(("،", ",", ".", ":")) for w in tail):
        tail = tail[1:]  # only the words of the clause the mark stands in
    title = any(is_role_head(w) for w in tail)
    particle = len(words) >= 2 and any(fold(w) in NAME_PARTICLES for w in words[:-1])
    after = paragraph[span.close_mark + 1:].split()
    titled = bool(after) and is_role_head(after[0])  # "«فلان الفلاني» وزير …": its title follows
    return titled or (_introduces_name(before[-1]) or title or particle) \
        and _closes_name(paragraph[span.close_mark + 1:])


def _stray_close(paragraph: str, span: Span) -> bool:
    """A lone closing mark right after a speech verb and a name (``قال فلان الفلاني” ،``)."""
    if span.open_mark is not None or span.close_mark is None:
        return False
    words = paragraph[span.start:span.end].split()
    if not 2 <= len(words) <= MAX_STRAY_STRETCH or cue_kind(words[0]) != "verb":
        return False
    return _name_shaped(words[1:]) and _closes_name(paragraph[span.close_mark + 1:])


def unmarked(paragraph: str) -> str:
    """``paragraph`` with the marks round names taken away, and no space before a comma."""
    drop: set[int] = set()
    for span in find_spans(paragraph):
        if is_marked_name(paragraph, span):
            drop |= {span.open_mark, span.close_mark}
        elif _stray_close(paragraph, span):
            drop.add(span.close_mark)
    text = "".join(" " if i in drop else ch for i, ch in enumerate(paragraph))
    return _SPACE_BEFORE_COMMA.sub(r"\1", re.sub(r" {2,}", " ", text))


MIN_SPEECH_WORDS = 4


def without_speech(paragraph: str) -> str:
    """``paragraph`` with the words inside each quote of four words or more left out: people
    are introduced by the writer, and a quote's own words (``يجب تقييم أداء الحكام``) read as
    a name where they follow a title or a nationality."""
    out, last = [], 0
    for span in find_spans(paragraph):
        if span.open_mark is None or span.close_mark is None:
            continue
        if len(paragraph[span.start:span.end].split()) >= MIN_SPEECH_WORDS and span.start >= last:
            out.append(paragraph[last:span.start])
            out.append("…")
            last = span.end
    out.append(paragraph[last:])
    return "".join(out)


def stray_marks(paragraph: str) -> list[Span]:
    """The lone closing marks of ``paragraph`` that follow a name, not a quote."""
    return [s for s in find_spans(paragraph) if _stray_close(paragraph, s)]
