"""Find quotations in an article's body the way a careful editor lists them.

The work is split in four: ``quote_marks`` finds the quoted stretches (every mark style,
nesting, unbalanced marks, speech after a colon without marks); ``attribution`` finds the
speech verb that attributes each one and the words that name the speaker; ``speakers`` keeps
the people the article names and resolves short forms (surname, title, pronoun) to them;
``speaker_of`` turns a quote's cues into its speaker.
This module puts them together: it drops marked words that are names or titles, not speech,
trims the writer's words off a quote, and says which quotes stand on a card.

Everything here is pure: text in, ``Quote`` records out.
"""

from __future__ import annotations

import dataclasses
import re

from repackage.ingest.antecedents import antecedent, without_object
from repackage.ingest.attribution import (
    cue_kind,
    introduces_speech,
)
from repackage.ingest.floor import Floor
from repackage.ingest.interview import interview_quotes
from repackage.ingest.lexicon import (
    COMPLEMENTIZERS,
    OBJECT_PRONOUN_PPS,
    fold,
)
from repackage.ingest.mentions import parse_mention
from repackage.ingest.not_speech import NameSpans
from repackage.ingest.quote_marks import Span, colon_speech, find_spans
from repackage.ingest.speaker_of import attribute, speech_events
from repackage.ingest.speakers import Registry, build_registry
from repackage.ingest.speech_extent import writer_tail
from repackage.model import Quote
from repackage.text.arabic import normalize

# A scare-quoted bit of one to three words reads only inside its sentence; three words given
# whole after a colon or a speech verb are a sentence of their own ("تونس ليست للبيع").
MAX_FRAGMENT_WORDS = 3
_TOKEN = re.compile(r"\S+")


def _masks(spans: list[Span]) -> list[tuple[int, int]]:
    out = []
    for s in spans:
        a = s.open_mark if s.open_mark is not None else s.start
        b = s.close_mark + 1 if s.close_mark is not None else s.end
        out.append((a, b))
    return out


def _orphan_start(paragraph: str, span: Span, registry: Registry) -> int | None:
    """Where a quote missing its opening mark starts; None when it is reported speech."""
    matches = list(_TOKEN.finditer(paragraph, span.start, span.end))
    if not matches or cue_kind(matches[0].group()) != "verb":
        return span.start
    j = 1
    while j < len(matches) and fold(matches[j].group()) in OBJECT_PRONOUN_PPS:
        j += 1
    mention = parse_mention([m.group() for m in matches[j:j + 16]])
    if mention.name and registry.by_name(list(mention.name)) or mention.role:
        j += mention.end
    for m in matches[j:j + 14]:
        if fold(m.group()) in COMPLEMENTIZERS:
            return None  # "قال فلان إن …": the writer's report with a stray mark
    return matches[j].start() if j < len(matches) else None


def _direct(paragraph: str, span: Span) -> bool:
    """Speech given whole: the quote opens right after a colon or a speech verb (``وأضاف: "…"``)."""
    if span.open_mark is None:
        return span.marks == "none"
    before = paragraph[:span.open_mark].rstrip()
    if before.endswith(":"):
        return True
    words = before.split()
    return bool(words) and cue_kind(words[-1]) in ("verb", "participle")


def _word_count(text: str) -> int:
    return len([t for t in text.split() if any(c.isalnum() for c in t)])


def _governed(text: str, kind: str | None) -> bool:
    """``تعهد "بمعارضة …"``: the marked words are a prepositional object of the verb."""
    first = fold(text.split()[0]) if text.split() else ""
    return kind == "object" and (first[:1] in "بل" and len(first) > 3 or first in ("الي", "علي", "من"))


_CAUSES = frozenset({"بسبب", "لسبب", "بتهمة", "بتهم", "بدعوى", "بحجة"})
_RESUMPTIVE = frozenset({"فيها", "فيه", "بها", "به", "عليها", "عليه", "منها", "منه"})
_DEMONSTRATIVES = frozenset({"هذه", "هذا", "هذين", "هاتين", "هؤلاء", "تلك", "ذلك", "اولئك"})


def _headless(paragraph: str, span: Span) -> bool:
    """The marked words finish a phrase whose head stands outside the marks, so they do not
    read alone on a card: a demonstrative before them (``لهذه "الاتهامات …"``), or a verb and
    a pronoun pointing back outside (``بتصريحات "واصلت فيها …"``)."""
    if span.open_mark is None:
        return False
    before = paragraph[:span.open_mark].split()
    if not before or before[-1].rstrip().endswith((":", "،", ",")):
        return False
    last = fold(before[-1])
    bare = last[1:] if last[:1] in "لبو" and len(last) > 3 else last
    if bare in _DEMONSTRATIVES or last in _DEMONSTRATIVES:
        return True
    if last in _CAUSES or before[-1].strip() in ("بـ", "لـ"):
        return True  # "بسبب "تطاوله على …"", "اتهامه بـ "…"": the wording of a charge or a post
    # "بتصريحات للصحافة "واصلت فيها …"": a verb and the pronoun that points back to a noun
    # outside the marks open a relative clause, not a sentence of the speaker's
    inner = paragraph[span.start:span.end].split()
    return cue_kind(before[-1]) is None and len(inner) > 2 and fold(inner[1]) in _RESUMPTIVE


def extract_quotes(paragraphs: list[str], context: list[str] | None = None, *,
                   title: str | None = None, standfirsts: list[str] | None = None,
                   ) -> tuple[Quote, ...]:
    """Every quotation in ``paragraphs``, in order, with speaker and card-worthiness.

    ``context`` holds other text (title, caption) where speakers may be introduced first;
    ``title`` and ``standfirsts`` also give an interview's interviewee and pull quotes
    (:mod:`repackage.ingest.interview`).
    """
    # "وأضاف quot;…": the residue of an HTML entity a scraper left is a straight mark, read as
    # one without changing the paragraph's length (quote offsets stay the page's)
    paragraphs = [_ENTITY_MARK.sub(lambda m: " " * (len(m.group()) - 1) + '"', p) for p in paragraphs]
    registry = build_registry(list(context or []) + list(paragraphs), body_from=len(context or ()))
    names = NameSpans(registry, list(paragraphs))
    floor = Floor()
    quotes: list[Quote] = []
    for index, paragraph in enumerate(paragraphs):
        registry.at = len(context or ()) + index
        marked = names.judge(paragraph, find_spans(paragraph))
        colon = [s for s in colon_speech(paragraph, marked, introduces_speech)
                 if fold(paragraph[s.start:s.end].split()[0]) not in COMPLEMENTIZERS]
        spans = sorted(_outer(marked + colon), key=lambda s: s.start)
        masks = _masks(spans)
        events = speech_events(paragraph, masks, registry, floor.last)
        for span in spans:
            pos = span.open_mark if span.open_mark is not None else span.start
            while events and events[0][0] < pos:
                _, person, verb = events.pop(0)
                floor.give(person, verb)
            start = span.start
            if span.open_mark is None and span.marks != "none":
                start = _orphan_start(paragraph, span, registry)
                if start is None:
                    continue
            raw = paragraph[start:span.end]
            raw = raw[:writer_tail(raw)]
            text = normalize(raw).strip(" ،,")
            if not span.balanced or span.marks == "none":
                text = text.rstrip(" .")
            if not text or not any(c.isalpha() for c in text):
                continue
            continues = bool(quotes) and quotes[-1].paragraph == index - 1 and floor.last is not None \
                and quotes[-1].speaker == floor.last.name
            person, written, attribution, kind, verb = attribute(
                paragraph, span, masks, registry, floor, continues)
            floor.give(person, verb)
            words = _word_count(text)
            # three words said whole make a card; three words the page cut off do not
            whole = words == MAX_FRAGMENT_WORDS and _direct(paragraph, span) and span.balanced
            fragment = words <= MAX_FRAGMENT_WORDS and not whole
            card_worthy = not fragment and person is not None and not _governed(text, kind) \
                and not _headless(paragraph, span)
            marks = span.marks if span.balanced else "unbalanced"
            quotes.append(Quote(
                text=text, speaker=person.name if person else None, paragraph=index,
                card_worthy=card_worthy, role=person.role if person else None,
                as_written=written, attribution=attribution, marks=marks,
            ))
        for _, person, verb in events:
            floor.give(person, verb)
    quotes = _described_in_full(quotes, list(context or []) + list(paragraphs), registry)
    answered = {q.paragraph for q in quotes}
    extra = [q for q in interview_quotes(list(paragraphs), title, list(standfirsts or ()))
             if q.paragraph is None or q.paragraph not in answered]
    # the headline's and standfirst's pull quotes come first, as the reader meets them
    return tuple(sorted(quotes + extra, key=_reading_order)) if extra else tuple(quotes)


_ENTITY_MARK = re.compile(r"&quot;|(?<![\w&])quot;|&#34;")


def _described_in_full(quotes: list[Quote], texts: list[str], registry: Registry) -> list[Quote]:
    """Quotes whose unnamed speaker the text names in short (``المصدر``) carry the description
    the article introduced them with (``مصدر مسؤول في وزارة …``)."""
    out = []
    for q in quotes:
        full = antecedent(q.speaker, texts) if q.speaker and registry.by_name(q.speaker.split()) is None \
            else None
        out.append(dataclasses.replace(q, speaker=full) if full else q)
    for name in {q.speaker for q in out if q.speaker}:
        written = {q.as_written for q in out if q.speaker == name and q.as_written}
        if (short := without_object(name, written, texts)) is not None:
            out = [dataclasses.replace(q, speaker=short) if q.speaker == name else q for q in out]
    return out


def _reading_order(quote: Quote) -> tuple[int, int]:
    if quote.paragraph is None:
        return (0, 0 if quote.location == "headline" else 1)
    return (1, quote.paragraph)


def _outer(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not any(o.start <= span.start and span.end <= o.end for o in out):
            out.append(span)
    return out
