"""The layout of a plain-text page: where the article body is, and what stands before it.

1. Every line is classified as a block (``blocks.classify``: jusText with the Arabic stoplist).
2. The body is the run of prose lines with the most text, where prose lines may be separated
   by a few other lines (an embedded post, an ad label) but never by an end marker (related
   stories, tags, comments): the article ends there, and everything after it is dropped.
3. Before the body stand the headline, decks, the photo caption and metadata. The headline is
   the title-like line that best matches the lead by its words; repeated lines are one
   candidate; a site-name tail (``… - Site``) that the lead does not share is cut off.
4. The caption is the line before the body that carries a credit, names a picture, or is
   printed twice (image alt text and caption).
Every line gets a verdict, so nothing is dropped without a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from repackage.ingest.attribution import cue_kind
from repackage.ingest.blocks import Block, classify, content_words, same_line
from repackage.ingest.body import (
    body_run,
    extend_end,
    extend_start,
    is_item,
    is_prose,
    is_reported_speech,
    is_sentence,
    story_end,
)
from repackage.ingest.captions import pick_caption
from repackage.ingest.chrome import is_photo_credit
from repackage.ingest.headline import (
    choose_headline,
    headline_at_start,
    listed_headline,
    names_only,
)
from repackage.ingest.lexicon import FUNCTION_WORDS, NAME_PARTICLES, fold, is_news_verb
from repackage.ingest.meta import (
    date_and_byline,
    is_labeled_date,
    relative_time,
    source_after_label,
    source_label,
    source_of,
    url_of,
)
from repackage.ingest.name_words import is_role_head
from repackage.ingest.quote_marks import find_spans
from repackage.ingest.tail import leading_lines, tag_line, trailing_lines

LEAD_PARAGRAPHS = 3

# a person's name alone: 2-4 words of letters, not opening with the article (a title, a body)
_NAME_LINE = re.compile(r"^((?!ال)[^\W\d_]+(?: [^\W\d_]+){1,3})(?:\s+[-–]\s+[^\W\d_]+)?$")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass
class Verdict:
    """What one line of the page turned out to be."""

    line: int  # 1-based line number in the page
    text: str
    kind: str  # headline, caption, credit, byline, date, source, url, body, dropped
    why: str | None = None  # the reason, for dropped lines


@dataclass
class Layout:
    """The page read: fields found and the verdict of every line."""

    title: str | None = None
    caption: str | None = None
    credit: str | None = None
    byline: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)


def quote_runs_on(line: str, following: str) -> bool:
    """``line`` opens a quote it does not close and ``following`` closes one it did not open:
    the page broke one paragraph's quote over two lines."""
    opened = any(sp.open_mark is not None and sp.close_mark is None for sp in find_spans(line))
    closes = any(sp.open_mark is None and sp.close_mark is not None for sp in find_spans(following))
    return opened and closes and len(line.split()) >= 6


def _meta(text: str) -> tuple | None:
    if (value := source_of(text)) is not None:
        return ("source", value)
    if (value := url_of(text)) is not None:
        return ("url", value)
    date, byline = date_and_byline(text)
    if date or byline:
        return ("meta", date, byline)
    if relative_time(text):
        return ("meta", None, None)  # "منذ 39 دقيقة": dropped as a date that says nothing
    return None


def read_layout(lines: list[tuple[int, str]]) -> Layout:
    """Read a page given as (line number, text) pairs of its non-empty lines."""
    layout = Layout()
    texts = [t for _, t in lines]
    blocks = classify(texts)
    meta = [_meta(t) for t in texts]
    for i in range(len(texts) - 1):  # "المصدر:" and, on the next line, "(المدينة - الوكالة)"
        if source_label(texts[i]) and meta[i + 1] is None and (value := source_after_label(texts[i + 1])):
            meta[i], meta[i + 1] = ("source", value), ("source", value)
    run = body_run(blocks, meta)
    kinds: dict[int, tuple[str, str | None]] = {}
    if run is None:
        layout.verdicts = [Verdict(n, t, "dropped", "chrome") for n, t in lines]
        return layout
    start, end = run
    end = story_end(blocks, start, extend_end(blocks, meta, end))
    start = extend_start(blocks, meta, start)
    # headline, standfirst, byline, body: a paragraph above the byline or date is a standfirst
    for i in range(start + 1, min(start + 3, end)):
        if meta[i] is not None and meta[i][0] == "meta":
            for j in range(start, i):
                kinds[j] = ("dropped", "standfirst")
            start = i
            break
    body: list[int] = []
    for i in range(start, end + 1):
        b = blocks[i]
        if meta[i] is not None or i in kinds:
            continue
        if is_prose(b) or is_sentence(b) or is_item(b) or is_reported_speech(b) or i in (start, end) \
                or i < end and quote_runs_on(texts[i], texts[i + 1]):
            body.append(i)
        else:
            why = "credit" if is_photo_credit(b.text) else "embed" if b.latin_share > 0.5 else "chrome"
            kinds[i] = ("dropped", why)  # a photo's credit line inside the article
    lead = set()
    for i in body[:LEAD_PARAGRAPHS]:
        lead |= content_words(texts[i])

    lead_text = " ".join(texts[i] for i in body[:LEAD_PARAGRAPHS])
    layout.title, headline_members, suffixes = choose_headline(blocks, meta, start, lead, end, lead_text)
    if headline_at_start(blocks, body, start, layout.title):
        layout.title, headline_members = texts[start], [start]
        body.pop(0)
        start += 1
    if layout.title is None and (listed := listed_headline(blocks, meta, end, lead)) is not None:
        layout.title = texts[listed]  # the article's own entry in the box of stories after it
        kinds[listed] = ("headline", None)
    first_head = headline_members[0] if headline_members else -1
    for i in headline_members:  # the copy nearest the body is the headline, the rest repeat it
        kinds[i] = ("headline", None) if i == headline_members[-1] else ("dropped", "duplicate")
    layout.caption, layout.credit = pick_caption(blocks, meta, texts, start, headline_members, kinds, lead)

    # metadata: dates before the headline are the site's clock, not the article's date
    last_head = headline_members[-1] if headline_members else -1
    dates = [i for i, m in enumerate(meta) if m and m[0] == "meta" and m[1] and i > first_head
             and not start < i < end]  # a date inside the body belongs to a box in it
    dates.sort(key=lambda i: (not is_labeled_date(texts[i]), i < last_head, "°" in texts[i], i))
    chosen_date = dates[0] if dates else None
    for i, m in enumerate(meta):
        if m is None:
            continue
        if m[0] in ("source", "url"):
            setattr(layout, m[0], getattr(layout, m[0]) or m[1])
            kinds[i] = (m[0], None)
            continue
        _, date, byline = m
        if byline and layout.byline is None and first_head < i <= end + 2:
            layout.byline = byline
            kinds[i] = ("byline", None)
        if i == chosen_date:
            layout.published = date
            kinds[i] = kinds.get(i, ("date", None))
        kinds.setdefault(i, ("dropped", "byline" if byline else "date"))
    if layout.byline is None:
        _bare_byline(layout, blocks, meta, texts, (start, end, first_head, chosen_date), kinds, lead_text)

    seen: list[str] = [layout.title] if layout.title else []
    # a quote the page broke over two lines is one paragraph: its first line → both lines
    merged: dict[int, str] = {}
    folded: set[int] = set()  # second lines, read into the paragraph above
    for k, i in enumerate(body):
        if i in kinds:
            continue
        if any(same_line(texts[i], s) for s in seen):
            kinds[i] = ("dropped", "duplicate")
            continue
        seen.append(texts[i])
        kinds[i] = ("body", None)
        prev = body[k - 1] if k else None
        if prev == i - 1 and prev not in folded and kinds.get(prev) == ("body", None) \
                and quote_runs_on(texts[prev], texts[i]):
            merged[prev] = layout.paragraphs[-1] = f"{texts[prev]} {texts[i]}"
            folded.add(i)
            continue
        layout.paragraphs.append(texts[i])
    copies = [i for i in body if kinds.get(i) == ("dropped", "duplicate")]
    if not layout.paragraphs and copies and layout.title is not None:
        # the only "headline" is the lead printed twice (above and below the byline): the page
        # gives the story and no headline of its own
        for i in headline_members:
            kinds[i] = ("dropped", "duplicate")
        kinds[copies[0]] = ("body", None)
        layout.paragraphs.append(texts[copies[0]])
        layout.title = None
    kept = [i for i in body if kinds.get(i) == ("body", None) and i not in folded]
    inside = [i for i in range(kept[0], kept[-1]) if kinds.get(i, ("", ""))[1] in ("chrome", "embed")
              or i not in kinds] if kept else []
    tail = trailing_lines(kept, blocks, inside)
    if (tags := tag_line([i for i in kept if i not in tail], blocks, layout.title)) is not None:
        tail.append(tags)
    for i in tail:
        kinds[i] = ("dropped", "after-end")
    head = leading_lines(kept, blocks, inside, layout.title)
    for i in head:
        kinds[i] = ("dropped", "chrome")
    tail = tail + head
    if tail:
        layout.paragraphs = [merged.get(i, texts[i]) for i in kept if i not in tail]
    for i, (n, t) in enumerate(lines):
        kind, why = kinds.get(i, ("dropped", "after-end" if i > end else "chrome"))
        if i in suffixes and i in headline_members:  # the line without its site name
            cut_why, cut = suffixes[i]
            if cut_why == "title-prefix":
                layout.verdicts.append(Verdict(n, cut, "dropped", cut_why))
                layout.verdicts.append(Verdict(n, t.strip()[len(cut):].lstrip(" -–—|:>»›/"), kind, why))
                continue
            head = t[: len(t) - len(cut)].rstrip(" -–—|:")
            layout.verdicts.append(Verdict(n, head, kind, why))
            layout.verdicts.append(Verdict(n, cut, "dropped", cut_why))
            continue
        layout.verdicts.append(Verdict(n, t, kind, why))
    return layout


def person_name(line: str) -> bool:
    """2-4 Arabic words that can be a person's name: ``ال`` only after ``عبد``/``أبو`` or on a family
    name of origin, no function word, no Latin letters."""
    m = _NAME_LINE.match(line)
    if not m or _LATIN.search(line):
        return False
    words = m.group(1).split()
    for prev, w in zip([""] + words, words, strict=False):
        f = fold(w)
        if f in FUNCTION_WORDS or (not prev and (cue_kind(w) or is_news_verb(w))):
            return False  # "وأكد ر": a sentence the store cut, not a name
        if len(f) < 2 or prev and f[0] == "و" and len(f) > 3:
            return False  # "عرب وعالم": a section's two words joined, not a name
        # family names with the article are mostly of origin (``البنهاوي``); ``الصحة`` is a title
        if f.startswith("ال") and fold(prev) not in NAME_PARTICLES and not (prev and f.endswith("ي")):
            return False
    return True


def _bare_byline(layout: Layout, blocks: list[Block], meta: list, texts: list[str],
                 marks: tuple[int, int, int, int | None], kinds: dict, lead_text: str = "") -> None:
    """A name alone on a line: beside the date line, under the headline, just above or after the body."""
    start, end, first_head, date = marks
    def name_like(i: int) -> bool:
        return 0 <= i < len(texts) and i not in kinds and meta[i] is None and \
            not blocks[i].chrome and not blocks[i].end_marker and person_name(texts[i]) \
            and not names_only(texts[i], lead_text) and not asks(i + 1)
    def asks(i: int) -> bool:  # a poll's heading has its question under it
        return i < len(texts) and texts[i].rstrip().endswith(("؟", "?"))
    def box_heading(i: int) -> bool:  # a heading with a question, a story or a list under it
        return i + 1 < len(texts) and i + 1 not in kinds and meta[i + 1] is None and \
            not blocks[i + 1].chrome and not blocks[i + 1].end_marker and blocks[i + 1].word_count > 3 \
            and not is_role_head(texts[i + 1].split()[0])  # "كاتب صحفي منذ …": the author's bio
    # an author's box after the article: "المصدر" alone, then the writer's name
    after = end + 2 if end + 1 < len(texts) and source_label(texts[end + 1]) else end + 1
    places = [i for i in ((date - 1, date + 1) if date is not None else ()) if first_head < i < start]
    if first_head >= 0:  # with no headline above, a short first line is a section label
        places += [first_head + 1, start - 1]
        if start - 2 > first_head and blocks[start - 1].chrome and blocks[start - 1].word_count <= 2:
            places.append(start - 2)  # "فلان الفلاني" then "طباعة": a print button under the byline
        places += [after] if not box_heading(after) else []
    for i in places:
        if name_like(i):
            layout.byline = _NAME_LINE.match(texts[i]).group(1)  # without a "- City" dateline
            kinds[i] = ("byline", None)
            return
