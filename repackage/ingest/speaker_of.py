"""Who said a quote: the cue before or after it, the sentence's subject, the floor.

``attribution`` finds the speech cues around a quote and the words after each; this module
turns them into a person. A cue that names someone is resolved against the registry (a surname,
a title, a name first written in full elsewhere); a cue that names nobody (``وأضاف:``) gives
the floor to the last speaker its gender agrees with; a verb in a relative clause on an
indefinite noun speaks for that noun; ``… الصحفي الذي مازحه "…"`` for the noun the clause
describes. Pure: text and registry in, person out.
"""

from __future__ import annotations

import re

from repackage.ingest.attribution import (
    PLACEHOLDER,
    WORD,
    Cue,
    cue_after,
    cue_kind,
    cues_before,
    names_nobody,
    relative_subject,
    relays,
    sentence_start,
    speaker_window,
    word_of,
)
from repackage.ingest.cue_person import named_person, resolve_cue
from repackage.ingest.descriptions import described, named_after
from repackage.ingest.full_names import expand
from repackage.ingest.lexicon import (
    MASDAR_GOVERNORS,
    SPEECH_VERBS,
    fold,
)
from repackage.ingest.mentions import parse_mention
from repackage.ingest.name_words import has_article, is_boundary, is_role_head
from repackage.ingest.quote_marks import Span
from repackage.ingest.speakers import Person, Registry
from repackage.ingest.subjects import shared_subject, statement_issuer, topic_only

_TOKEN = re.compile(r"\S+")


def speech_events(paragraph: str, masks: list[tuple[int, int]], registry: Registry, last):
    """``(offset, person, verb)`` for every speech verb outside quotes that names its subject."""
    tokens, offsets = [], []
    for m in WORD.finditer(paragraph):
        # a token that only touches a quote (':"يعلم') is the quote too, as in masked_tokens
        if any(a <= m.start() < b or a < m.end() <= b for a, b in masks):
            if not tokens or tokens[-1] != PLACEHOLDER:
                tokens.append(PLACEHOLDER)
                offsets.append(m.start())
            continue
        tokens.append(word_of(m))
        offsets.append(m.start())
    events = []
    for i, t in enumerate(tokens):
        if i > 0 and fold(tokens[i - 1]) in MASDAR_GOVERNORS:
            continue
        if i > 0 and fold(tokens[i - 1]) == "ما":
            continue  # "بحسب ما نقلت رويترز": the outlet that relayed the words, not a speaker
        if cue_kind(t) in ("verb", "object") and not fold(t).endswith("وا"):
            cue = Cue("verb", t, speaker_window(tokens, i), ())
            person, _ = resolve_cue(cue, registry, last)
            if person is None and not cue.window and cue_kind(t) == "verb":
                person = _subject_named_before(tokens[:i], registry)
            if person is not None and (cue_kind(t) == "verb" or registry.by_name(person.name.split())):
                events.append((offsets[i], person, t))
    return events


def _subject_named_before(tokens: list[str], registry: Registry) -> Person | None:
    """``اللاجئ السوري من الحسكة، محمد هزيان، قال``: the subject before the verb, a description
    and the name between commas, opening its sentence."""
    start = max((k + 1 for k, t in enumerate(tokens) if t == PLACEHOLDER or t.rstrip().endswith((".", "؟", "!"))),
                default=0)
    named = named_after(tokens[start:])
    return named_person(named, registry) if named is not None else None


def attribute(paragraph, span, masks, registry, floor, continues=False):
    """``(person, as_written, attribution, cue kind, cue word)`` for one quote."""
    last = floor.last
    if span.open_mark is not None:
        pos = span.open_mark
    elif span.marks == "none":
        pos = span.start
    else:
        pos = None
    cues = cues_before(paragraph, pos, masks) if pos is not None else []
    if pos is None:
        cues = _leading_cue(paragraph, span)
    elif not cues and not paragraph[(end := sentence_start(paragraph, pos, masks)):pos].strip(" .…"):
        # "وأضاف فلان خلال الندوة … مساء أمس.." «…»: the quote opens the sentence after its verb's
        while end > 0 and paragraph[end - 1] in " .…":
            end -= 1
        cues = [c for c in cues_before(paragraph, end, masks) if c.kind == "verb"][:1] if end else []
    if not cues and pos is not None and (issuer := statement_issuer(paragraph, pos, masks, registry, last)):
        return issuer, issuer.name, "before", "verb", None
    relative = _relative_subject(cues[0], registry) if cues else None
    if relative is not None:
        return relative, relative.name, "before", cues[0].kind, cues[0].word
    for cue in cues:
        person, written = resolve_cue(cue, registry, last)
        if person is not None:
            return person, written, "before", cue.kind, cue.word
    end = span.close_mark + 1 if span.close_mark is not None else span.end
    after = cue_after(paragraph, end)
    if after is not None and cues and relays(after):
        after = None  # "وأكد أن «…»، وفق وكالة الأنباء": the agency relays whoever has the floor
    if after is not None:
        person, written = resolve_cue(after, registry, last)
        if person is not None:
            return person, written, "after", after.kind, after.word
    if cues or after is not None:
        nearest = cues[0] if cues else None
        if nearest is not None and (shared := shared_subject(nearest, registry, last)) is not None:
            return shared[0], shared[1], "before", nearest.kind, nearest.word
        if nearest is not None and not nearest.window and topic_only(nearest.before):
            # "وعن تعاونها مع الشركة قالت:": the topic, not the subject; she is who has the floor,
            # or the one the article is about
            person = floor.pronoun(nearest.word) or (registry.people[0] if registry.people else None)
            return person, None, "before", nearest.kind, nearest.word
        person = registry.mentioned_in(list(nearest.before)) if nearest else None
        kind = nearest.kind if nearest else after.kind
        if person is None and nearest is not None and (last is None or _kana_first(nearest.before)):
            # "وكان الرئيس قد قال: …": the subject written before the verb, whoever spoke last
            person = _subject_title(list(nearest.before), registry)
            if person is None and _kana_first(nearest.before) and (text := described(list(nearest.before[1:]))):
                person = Person(text)  # "وكان التلفزيون الرسمي أفاد": a body, as the article names it
        word = nearest.word if nearest else after.word
        person = person or floor.pronoun(word) or registry.latest()
        return person, None, "before" if cues else "after", kind, word
    if continues and span.open_mark is not None and not paragraph[:span.open_mark].strip():
        return last, None, "none", None, None  # a paragraph all in quotes goes on with its speaker
    if (found := _relative_speaker(paragraph, span, registry, last)) is not None:
        person, written = found
        return person, written, "before", "verb", None
    return None, None, "none", None, None


_RELATIVES = frozenset({"الذي", "التي"})


def _relative_speaker(paragraph: str, span: Span, registry: Registry, last: Person | None):
    """``… الصحفي الأمريكي الذي مازحه "…"``: the quote follows the verb of a relative clause, so
    the noun the clause describes speaks; ``(person, as written)`` when it is a title or a name."""
    if span.open_mark is None:
        return None
    before = paragraph[:span.open_mark].split()
    if len(before) < 3 or fold(before[-2]) not in _RELATIVES or not fold(before[-1]).isalpha() \
            or is_boundary(fold(before[-1])):
        return None
    noun = before[max(0, len(before) - 7):-2]
    heads = [k for k, t in enumerate(noun) if is_role_head(t)]
    if not heads:
        return None
    words = [t.strip("،,") for t in noun[heads[-1]:]]
    person = registry.by_title(words, recent=last)
    return (person, " ".join(words)) if person is not None else None


def _relative_subject(cue: Cue, registry: Registry) -> Person | None:
    """``… إلى تقرير استخباري قال «…»``: a bare verb right before the quote speaks for the
    indefinite noun it describes."""
    if cue.kind != "verb" or cue.window or fold(cue.word) not in SPEECH_VERBS:
        return None
    subject = relative_subject(cue.before)
    if subject is None or registry.is_name(subject):
        return None
    return Person(subject)


_KANA = frozenset({"كان", "وكان", "كانت", "وكانت", "فكان", "فكانت"})


def _kana_first(before: tuple[str, ...]) -> bool:
    """The sentence opens with ``كان`` and a subject before its verb (``وكان التلفزيون أفاد``)."""
    if len(before) < 2 or fold(before[0]) not in _KANA:
        return False
    # "وكان فيرنانديز قد صرح": a name, then قد, stands where the subject does
    return is_role_head(before[1]) or has_article(before[1]) or len(before) >= 3 and fold(before[2]) == "قد"


def _subject_title(tokens: list[str], registry: Registry) -> Person | None:
    """The sentence's own subject when nobody else can speak: a title before the verb
    (``وكان الرئيس قد قال``, the person it names when the article names one) or the words
    after its opening verb (``وتحدث والد الطفل … قائلا``)."""
    for i, t in enumerate(tokens):
        if is_role_head(t):
            text = described(tokens[i:])
            if text and (known := registry.by_title(text.split())) is not None:
                return known
            return Person(text) if text else None
    # the clause that holds the verb: "وعن اللقاء، تحدث فلان" opens with a phrase, then the verb
    starts = [0] + [j + 1 for j, t in enumerate(tokens[:-1]) if t.rstrip().endswith(("،", ","))]
    for start in reversed(starts):
        clause = tokens[start:]
        if len(clause) > 1 and not is_boundary(fold(clause[0])):
            if names_nobody(tuple(clause[1:])):
                return None
            mention = parse_mention(clause[1:])
            if not mention.name:
                return None
            known = registry.by_name(list(mention.name)) or (
                expand(registry, mention.name[0]) if len(mention.name) == 1 else None)
            return known or Person(" ".join(mention.name), mention.role_text)
    return None


def _leading_cue(paragraph: str, span: Span) -> list[Cue]:
    """A quote missing its opening mark that starts with its own attribution (``وقال …"``)."""
    tokens = paragraph[span.start:span.end].split()
    if tokens and cue_kind(tokens[0]) == "verb":
        return [Cue("verb", tokens[0], (), ())]
    return []
