"""Words in quote marks that are not speech: names of people, bodies, channels, films, platforms.

Pages put marks round names as often as round speech (``قناة "دي إم سي"``, ``وقال «قابيل»``,
``مسرحيتَي «الفانوس»``). A marked stretch is taken for a name or a title when the words around
it say so: a category noun before it (channel, programme, film, play, party, festival, the word
``كلمة`` for a word being discussed), a title without the article before it (``وكيلة «الصحة
العامة»``), a person the article names, a platform, Latin letters, a glued ``لـ``/``بـ``, a speech
verb whose subject it is, a list it shares with another name, or the same words elsewhere in the
article right after a category noun (``وكالة الأناضول`` … ``"الأناضول"``).
"""

from __future__ import annotations

import re

from repackage.ingest.attribution import cue_kind
from repackage.ingest.lexicon import (
    CATEGORY_NOUNS,
    CONSTRUCT_NOUNS,
    FUNCTION_WORDS,
    PLATFORMS,
    PUBLISHING_VERBS,
    fold,
    unpossessed,
)
from repackage.ingest.marked_names import is_marked_name, stray_marks
from repackage.ingest.mentions import parse_mention
from repackage.ingest.name_words import has_article, is_role_head
from repackage.ingest.quote_marks import Span
from repackage.ingest.speakers import Registry

MAX_NAME_WORDS = 3
_LATIN = re.compile(r"^[A-Za-z0-9 .&'-]+$")
_PREFIXES = ("و", "ل", "ب", "ف", "ك")
_SENTENCE_PUNCT = re.compile(r"[،,.:؟!]")


def _forms(token: str) -> set[str]:
    """A word as the lists may hold it: with and without a glued prefix and the article."""
    f = fold(token).rstrip("ـ")
    out = {f, f[2:] if f.startswith("ال") else f}
    out |= set(unpossessed(f))  # فيلمه, روايتها: a possessive on the category noun
    for p in _PREFIXES:
        if f.startswith(p) and len(f) > 3:
            rest = f[1:]
            out |= {rest, rest[2:] if rest.startswith("ال") else rest}
    return out


def is_category(token: str) -> bool:
    """A noun that announces a name or a title (``برنامج``, ``لقناة``, ``مسرحيتي``)."""
    return bool(_forms(token) & CATEGORY_NOUNS)


def _named_elsewhere(inner: str, article: str) -> bool:
    """The same words stand unmarked elsewhere right after a category noun (``وكالة الأناضول``)."""
    for m in re.finditer(r"(\S+)\s+" + re.escape(inner) + r"(?![\w\u0600-\u06ff])", article):
        word = m.group(1)
        if word[-1:].isalpha() and (is_category(word) or _forms(word) & CONSTRUCT_NOUNS):
            return True
    return False


def _name_shaped(words: list[str]) -> bool:
    """Words that complement a name's head noun: all with the article (القاهرة الدولي للمسرح)."""
    return all(has_article(w) or has_article(w[1:]) and w[:1] in "لبو" or w.startswith("لل")
               for w in words)


def _next_in_list(gap: str) -> bool:
    """What stands between two marked names of one list: a comma or و, maybe a short qualifier."""
    words = gap.split()
    if len(words) > 4 or any(cue_kind(w) for w in words):
        return False
    return bool(re.search(r"(^|[\s،,])و?$", gap.rstrip())) and (not words or words[-1] in ("و", "،", ",")
                                                              or gap.rstrip().endswith(("،", ",", "و")))


def _verb_with_object(token: str) -> bool:
    """A speech or publishing verb with an object pronoun (``نشرتها``, ``أوردته``, ``نقلها``)."""
    return any(cue_kind(base) == "verb" or base.removeprefix("و") in PUBLISHING_VERBS
               for base in unpossessed(fold(token)))


class NameSpans:
    """Judges the marked stretches of one article, remembering the ones already found to be names."""

    def __init__(self, registry: Registry, paragraphs: list[str]) -> None:
        self.registry = registry
        self.article = "\n".join(paragraphs)
        self.known: set[str] = set()  # names already found, by their folded words

    def judge(self, paragraph: str, spans: list[Span]) -> list[Span]:
        """The spans of ``paragraph`` that may be speech (names and titles left out), in order."""
        kept: list[Span] = []
        last_name_end = None
        stray = stray_marks(paragraph)
        for span in sorted(spans, key=lambda s: s.start):
            if span in stray:
                continue  # "قال فلان” ،": a stray mark after a name closes no quote
            inner = " ".join(fold(w) for w in paragraph[span.start:span.end].split())
            if inner in self.known or self.is_name(paragraph, span, last_name_end):
                last_name_end = span.close_mark
                self.known.add(inner)
            else:
                kept.append(span)
        return kept

    def is_name(self, paragraph: str, span: Span, last_name_end: int | None = None) -> bool:
        """The marked words are a name or a title, not speech."""
        if span.open_mark is None:
            return False
        inner = paragraph[span.start:span.end].strip()
        words = inner.split()
        if not words:
            return True
        before = paragraph[:span.open_mark].split()
        prev = before[-1] if before else ""
        prev2 = before[-2] if len(before) > 1 else ""
        glued = span.open_mark > 0 and not paragraph[span.open_mark - 1].isspace()
        short = len(words) <= MAX_NAME_WORDS
        if glued and prev.endswith("ـ") and len(prev) <= 3 and prev2 and is_category(prev2):
            return True  # "ما يعرف بـ«…»": the preposition glued, the category before it
        mention = parse_mention(words) if len(words) <= 8 else None
        if mention is not None and mention.role and not mention.name and mention.end == len(words):
            return True  # «الناطق الرسمي باسم الحكومة»: a title, not speech
        if prev and is_category(prev) and not prev.rstrip().endswith((":", "،", ",")):
            # "رئيس النادي: «…»", "في مطلع كلمته، "…"": after a colon or a comma the marks hold
            # speech, not the name the noun announces
            return True
        first = fold(words[0])
        first = first[2:] if first.startswith("ال") else first
        if len(words) <= 6 and first in CATEGORY_NOUNS and _name_shaped(words[1:]) \
                and not _SENTENCE_PUNCT.search(inner):
            return True  # «مهرجان القاهرة الدولي للمسرح التجريبي»
        if is_marked_name(paragraph, span):
            return True  # "رئيس الحكومة «عبد الله بن فلان»،"
        if not short:
            return False
        if self.registry.is_name(inner) or _LATIN.match(inner) or _forms(inner) & PLATFORMS:
            return True
        if glued and prev.endswith("ـ"):
            return True  # بـ"BBC", لـ"…": a name glued to its preposition
        if prev and is_role_head(prev) and not has_article(prev):
            return True  # وكيلة «الصحة العامة»: a title governing a body's name
        if prev and fold(prev) in FUNCTION_WORDS and prev2 and is_category(prev2):
            return True  # "6 عروض هي: «…»"
        if prev and fold(prev) == "عبر":
            return True
        if last_name_end is not None and _next_in_list(paragraph[last_name_end + 1:span.open_mark]):
            return True  # the next item of a list of names: «طوق» من السعودية، و«علكة صالح»
        if prev and _verb_with_object(prev):
            return True  # "معلومات نشرتها «الوكالة»": the subject after a verb and its pronoun
        after = paragraph[span.close_mark + 1:].lstrip() if span.close_mark is not None else ""
        if len(words) <= 2 and prev and cue_kind(prev) == "verb" and after[:1] in ("،", ",", "."):
            return True  # وقال «قابيل»، …: the subject of the verb, in marks
        return _named_elsewhere(inner, self.article)
