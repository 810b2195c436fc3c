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

from repackage.ingest.antecedents import antecedent
from repackage.ingest.attribution import (
    PLACEHOLDER,
    WORD,
    Cue,
    cue_after,
    cue_kind,
    cues_before,
    masked_tokens,
    names_nobody,
    relative_subject,
    sentence_start,
    speaker_window,
    word_of,
)
from repackage.ingest.descriptions import described, named_after
from repackage.ingest.lexicon import (
    MASDAR_GOVERNORS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    fold,
    is_news_verb,
)
from repackage.ingest.mentions import parse_mention
from repackage.ingest.name_words import bare_word, has_article, is_boundary, is_role_head
from repackage.ingest.quote_marks import Span
from repackage.ingest.roles import honorific_only
from repackage.ingest.speakers import Person, Registry, opening_verb

_TOKEN = re.compile(r"\S+")


def resolve_cue(cue: Cue, registry: Registry, last: Person | None) -> tuple[Person | None, str | None]:
    """The person a cue names explicitly, and how the text writes them; None for a pronoun."""
    window = list(cue.window)
    if cue.kind == "participle" or (not cue.plural and names_nobody(cue.window)):
        return None, None
    mention = parse_mention(window)
    role = None if honorific_only(mention.role) else mention.role_text
    if not mention.name and len(mention.role) == 1 and honorific_only(mention.role) \
            and (known := registry.by_name([mention.role[0]])) is not None:
        return known, mention.role[0]  # "وقال السيد": the surname of محمد عبد الستار السيد
    if cue.kind == "according":
        # "وبحسب الوزير، فإن …": only a person the article names is taken for the speaker here
        person = registry.by_name(list(mention.name)) if mention.name else None
        if person is None and mention.role and not mention.name:
            person = registry.by_title(list(mention.role + mention.descriptors), recent=last)
        return (person, " ".join(mention.name or mention.role)) if person else (None, None)
    if not mention.role and (named := named_after(window)) is not None:
        return _named(named, registry), named[0]  # "أحد السكان، فلان الفلاني، إن"
    if len(mention.name) == 1 and not mention.role and bare_word(mention.name[0]) in SPEECH_NOUNS:
        return last, None  # "وأضاف البيان": the statement speaks for whoever issued it
    if mention.name:
        written = " ".join(mention.name)
        person = registry.by_name(list(mention.name))
        if person is None and len(mention.name) == 1:
            person = registry.expand(mention.name[0])
        if person is not None:
            # "وقال الوزير أخنوش": a one-word title does not replace the full one given earlier
            keep = person.role and (not role or len(role.split()) == 1)
            return Person(person.name, person.role if keep else role, person.words), written
        if cue.kind == "object":
            return None, None  # "حث الكتلة على": after such verbs an unknown word is the object
        text = described(window)
        if cue.kind == "after" or (text and len(text.split()) > len(mention.name) + 1 and not role):
            # "، وفق متابعين ونقاد" / "وقال مصدر، طلب عدم نشر اسمه،": a description, not a name
            return Person(text), text
        return Person(written, role), written
    if mention.role:
        person = registry.by_title(list(mention.role + mention.descriptors), recent=last)
        if person is not None:
            return person, " ".join(mention.role)
    if cue.kind == "object":
        return None, None
    if (named := named_after(window)) is not None:
        return _named(named, registry), named[0]
    text = described(window)
    if text and len(text.split()) <= 2 and bare_word(text.split()[0].strip("،,:")) in SPEECH_NOUNS:
        return last, None  # "وأضاف البيان": the statement speaks for whoever issued it
    return (Person(text), text) if text else (None, None)


def _named(named: tuple[str, str], registry: Registry) -> Person:
    """The person a description names after its comma, as the registry knows them if it does."""
    name, description = named
    known = registry.by_name(name.split())
    return known if known is not None else Person(name, description)


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
    return _named(named, registry) if named is not None else None


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
    elif not cues and not paragraph[sentence_start(paragraph, pos, masks):pos].strip(" .…"):
        # "وأضاف فلان خلال الندوة … مساء أمس.." «…»: the quote opens the sentence after its verb's
        end = sentence_start(paragraph, pos, masks)
        while end > 0 and paragraph[end - 1] in " .…":
            end -= 1
        cues = [c for c in cues_before(paragraph, end, masks) if c.kind == "verb"][:1] if end else []
    if not cues and pos is not None and (issuer := _statement_issuer(paragraph, pos, masks, registry, last)):
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
    if after is not None:
        person, written = resolve_cue(after, registry, last)
        if person is not None:
            return person, written, "after", after.kind, after.word
    if cues or after is not None:
        nearest = cues[0] if cues else None
        if nearest is not None and (shared := _shared_subject(nearest, registry, last)) is not None:
            return shared[0], shared[1], "before", nearest.kind, nearest.word
        if nearest is not None and not nearest.window and _topic_only(nearest.before):
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
        return person or floor.pronoun(word), None, "before" if cues else "after", kind, word
    if continues and span.open_mark is not None and not paragraph[:span.open_mark].strip():
        return last, None, "none", None, None  # a paragraph all in quotes goes on with its speaker
    if (found := _relative_speaker(paragraph, span, registry, last)) is not None:
        person, written = found
        return person, written, "before", "verb", None
    return None, None, "none", None, None


_TOPIC_OPENERS = frozenset({"عن", "وعن", "حول", "وحول", "بشأن", "وبشأن", "عندما", "وعندما", "وحين", "حين"})
def _topic_only(before: tuple[str, ...]) -> bool:
    """The words before the verb are only a topic (``وعن تعاونها مع الشركة``), no clause that
    could hold a subject (``وعن اللقاء، تحدث فلان``)."""
    return bool(before) and fold(before[0]) in _TOPIC_OPENERS and not any(
        t.rstrip().endswith(("،", ",", ":", ".")) or is_news_verb(t) or cue_kind(t) for t in before[1:])


_CONTAINED = frozenset({"فيه", "فيها"})


def _statement_issuer(paragraph, pos, masks, registry: Registry, last: Person | None) -> Person | None:
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


def _shared_subject(cue: Cue, registry: Registry, last: Person | None):
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
    return len(before) >= 2 and fold(before[0]) in _KANA and (is_role_head(before[1]) or has_article(before[1]))


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
            return Person(" ".join(mention.name), mention.role_text) if mention.name else None
    return None


def _leading_cue(paragraph: str, span: Span) -> list[Cue]:
    """A quote missing its opening mark that starts with its own attribution (``وقال …"``)."""
    tokens = paragraph[span.start:span.end].split()
    if tokens and cue_kind(tokens[0]) == "verb":
        return [Cue("verb", tokens[0], (), ())]
    return []
