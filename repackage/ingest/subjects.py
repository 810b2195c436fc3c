"""Speakers the words after the verb do not name: a statement's issuer (``بيان صادر عن …``,
``جاء فيه``), the subject a joined verb shares with its sentence's first verb, and a topic
opening the sentence in place of a subject (``وعن …``)."""

from __future__ import annotations

from repackage.ingest.antecedents import antecedent
from repackage.ingest.attribution import (
    Cue,
    cue_kind,
    masked_tokens,
    sentence_start,
    speaker_window,
)
from repackage.ingest.cue_person import resolve_cue
from repackage.ingest.descriptions import described
from repackage.ingest.lexicon import SPEECH_NOUNS, fold, is_news_verb
from repackage.ingest.name_words import bare_word
from repackage.ingest.speakers import Person, Registry, opening_verb

_TOPIC_OPENERS = frozenset({"عن", "وعن", "حول", "وحول", "بشأن", "وبشأن", "عندما", "وعندما", "وحين", "حين"})


def topic_only(before: tuple[str, ...]) -> bool:
    """The words before the verb are only a topic (``وعن تعاونها مع الشركة``), no clause that
    could hold a subject (``وعن اللقاء، تحدث فلان``)."""
    return bool(before) and fold(before[0]) in _TOPIC_OPENERS and not any(
        t.rstrip().endswith(("،", ",", ":", ".")) or is_news_verb(t) or cue_kind(t) for t in before[1:])


_CONTAINED = frozenset({"فيه", "فيها"})


def statement_issuer(paragraph, pos, masks, registry: Registry, last: Person | None) -> Person | None:
    """``بيان صادر عن بلدية المدينة جاء فيه: "…"`` / ``عممت الناطقة فلانة بيانا، جاء فيه "…"``:
    the words are the statement's, and whoever issued it speaks them."""
    tokens = masked_tokens(paragraph, sentence_start(paragraph, pos, masks), pos, masks)
    folded = [fold(t.strip("،,:")) for t in tokens]
    came = ("جاء", "وجاء", "ورد", "وورد")
    for k in range(len(folded) - 2):
        if folded[k] in came and folded[k + 1] in ("في", "فى") and bare_word(folded[k + 2]) in SPEECH_NOUNS:
            # "وجاء في بيان الوزارة “…”": the body the statement is of
            text = described(tokens[k + 3:])
            if text:
                return registry.by_name(text.split()) or Person(antecedent(text, registry.texts) or text)
            return last
    at = next((k for k in range(len(folded) - 1, 0, -1)
               if folded[k] in _CONTAINED and folded[k - 1] in came), None)
    if at is None:
        return None
    head = tokens[:at - 1]
    for k in range(len(head) - 1, -1, -1):
        if fold(head[k]) == "عن" and k and fold(head[k - 1]).startswith("صادر"):
            text = described(head[k + 1:])  # "بيان صادر عن بلدية الطيبة"
            return Person(text) if text else None
    if head and (is_news_verb(head[0]) or cue_kind(head[0]) == "verb" or opening_verb(head[0])):
        # "وأصدرت الشرطة بيانا،": the subject stops at the statement it issued
        cut = next((k for k, t in enumerate(head) if k and fold(t.strip("،,")).removesuffix("ا") in SPEECH_NOUNS),
                   len(head))
        person, _ = resolve_cue(Cue("verb", head[0], speaker_window(head[:cut], 0), ()), registry, last)
        return person
    return None


def shared_subject(cue: Cue, registry: Registry, last: Person | None):
    """``وأشاد المسؤول القطري … بدور الأمير، وقال "…"``: a joined verb with no subject of its
    own shares the one of the verb that opens its sentence; ``(person, as written)`` or None."""
    before = list(cue.before)
    if cue.window or not before or not fold(cue.word).startswith("و"):
        return None
    if not (is_news_verb(before[0]) or cue_kind(before[0]) == "verb"):
        return None
    opener = Cue("verb", before[0], speaker_window(before, 0), ())
    person, written = resolve_cue(opener, registry, last)
    return (person, written) if person is not None and written else None
