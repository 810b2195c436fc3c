"""The article block of a page: the run of prose lines with the most text.

Prose lines may be separated by a few other lines (an embedded post, an ad label) but never by
an end marker (related stories, tags, comments) or a source footer: the article ends there.
"""

from __future__ import annotations

import re

from repackage.ingest.attribution import cue_kind
from repackage.ingest.blocks import Block
from repackage.ingest.credits import CAPTION_OPENER, looks_like_caption

MAX_GAP = 3  # non-prose lines a body may hold between two prose lines
MAX_BOX = 9  # lines of a "read also" box set inside the article (heading, links, dates)
PARALLEL_WEIGHT = 0.3


def is_prose(b: Block) -> bool:
    """A line that reads as a paragraph: long enough, a sentence, not chrome or a caption."""
    if b.chrome or b.end_marker or b.latin_share > 0.5 or b.cf_class == "bad":
        return False
    if looks_like_caption(b.text) or CAPTION_OPENER.match(b.text):
        return False
    return (b.length >= 60 and b.sentence_end) or b.length >= 120


def is_sentence(b: Block) -> bool:
    """A short line that reads as a sentence of the article."""
    return b.sentence_end and b.word_count >= 3 and not b.chrome and not b.end_marker \
        and b.latin_share <= 0.5 and b.stop_density > 0


def is_reported_speech(b: Block) -> bool:
    """A line that goes on with the article's speech (``وقال فلان: "…``), full stop or not.

    Pages often end such a line with the closing mark alone, or cut the quote short; the
    conjoined verb of saying at its head ties it to the text before it, as no menu line is.
    """
    head = b.text.split(maxsplit=1)[0] if b.text.strip() else ""
    return head[:1] in ("و", "ف") and cue_kind(head) == "verb" and b.word_count >= 5 \
        and any(m in b.text for m in ':"«“”') and not b.chrome and not b.end_marker \
        and b.latin_share <= 0.5


_ITEM = re.compile(r"^(?:\d{1,2}\s*[-.)–]|[-–](?!-))\s*[^\W\d_]")


def is_item(b: Block) -> bool:
    """A numbered or dashed list item (``1- …``, ``- …``) of the article."""
    return bool(_ITEM.match(b.text)) and b.word_count >= 2 and not b.chrome \
        and not b.end_marker and b.latin_share <= 0.5


def cut_tail(blocks: list[Block], meta: list, end: int) -> int:
    """Take in the page's last line when the store cut the page inside a paragraph."""
    last = len(blocks) - 1
    if last == end or last - end - 1 > MAX_GAP:
        return end
    b = blocks[last]
    between = range(end + 1, last)
    if meta[last] is not None or b.chrome or b.end_marker or b.latin_share > 0.5 or b.word_count < 3:
        return end
    if any(blocks[j].end_marker or meta[j] is not None for j in between):
        return end
    if between and (b.length < 60 or any(is_prose(blocks[j]) for j in between)):
        return end
    return last


def body_run(blocks: list[Block], meta: list) -> tuple[int, int] | None:
    """First and last index of the prose run with the most text (``meta``: metadata lines).

    A bare "read also" box between two runs joins them when at least two prose lines follow
    it, or one that carries on the speaker (``ولفتت …``): the article goes on after the box. A
    box followed by one teaser ends the article.
    """
    prose = [i for i, b in enumerate(blocks) if meta[i] is None and is_prose(b)]
    if not prose:  # a one-sentence item: its sentences are the body
        prose = [i for i, b in enumerate(blocks) if meta[i] is None and is_sentence(b)
                 and b.length >= 30]
    if not prose:
        return None
    runs: list[list[int]] = [[prose[0]]]
    boxed: list[bool] = []  # per gap between runs: only an inline box stands in it
    for i in prose[1:]:
        last = runs[-1][-1]
        between = range(last + 1, i)
        # a date line between two prose lines heads a comment or a teaser, not the article
        stops = [j for j in between if blocks[j].end_marker or meta[j] is not None and (
            meta[j][0] == "source" or meta[j][0] == "meta" and meta[j][1])]
        # sentences and list items between prose lines are the article's, not a gap in it
        gap = [j for j in between if not (meta[j] is None and (is_sentence(blocks[j]) or is_item(blocks[j])))]
        if len(gap) <= MAX_GAP and not stops:
            runs[-1].append(i)
            continue
        boxed.append(bool(stops) and len(between) <= MAX_BOX
                     and any(blocks[j].inline_box for j in stops)
                     and all(blocks[j].inline_box or not blocks[j].end_marker for j in stops)
                     and not any(meta[j] and meta[j][0] == "source" for j in stops))
        runs.append([i])
    merged = [runs[0]]
    for run, box in zip(runs[1:], boxed, strict=True):
        if box and (len(run) >= 2 or _goes_on(blocks[run[0]])):
            merged[-1] = merged[-1] + run
        else:
            merged.append(run)
    best = max(merged, key=lambda r: _weight(blocks, r))
    return best[0], best[-1]


def _goes_on(b: Block) -> bool:
    """``ولفتت بأنها …``: a line that opens with a conjoined verb of saying carries on the
    story's speaker, as the teaser of another story does not."""
    head = b.text.split(maxsplit=1)[0] if b.text.strip() else ""
    return head[:1] in ("و", "ف") and len(head) > 3 and cue_kind(head) == "verb"


def _weight(blocks: list[Block], run: list[int]) -> float:
    """The text a run holds, where lines that open with the same two words as two others
    (``إذا كان التعليق …`` twenty times: a site's rules) count for a third."""
    openings = [" ".join(blocks[i].text.split()[:2]) for i in run]
    return sum(blocks[i].length * (PARALLEL_WEIGHT if openings.count(o) >= 3 else 1.0)
               for i, o in zip(run, openings, strict=True))


def extend_end(blocks: list[Block], meta: list, end: int) -> int:
    """Take in short closing sentences after the last prose line, a list its last sentence
    opens (``… ثلاث مراحل:`` then ``1- …``), then a last line the store cut."""
    listing = False
    while end + 1 < len(blocks) and meta[end + 1] is None:
        nxt = blocks[end + 1]
        if is_item(nxt) and (listing or blocks[end].text.rstrip().endswith((":", "："))):
            listing = True
        elif not is_sentence(nxt) or is_item(nxt):
            break
        end += 1
    return cut_tail(blocks, meta, end)


_AGENCY_END = re.compile(r"[.!؟?…]['\"”»)\]]*\s*[(/ـ-]*\s*(?:انتهى|النهاية)\s*[)/ـ.-]*(?:\s*\S{1,2})*\s*$")


def story_end(blocks: list[Block], start: int, end: int) -> int:
    """The line that closes the story with the agency's end mark (``… . انتهى``,
    ``(النهاية)``), when one of ``start..end`` does: nothing after it is the article."""
    for i in range(start, end + 1):
        if _AGENCY_END.search(blocks[i].text):
            return i
    return end


MIN_BARE_LEAD_WORDS = 12
_FULL_STOP = re.compile(r"[.…]['\"”»)]*\s*$")


def extend_start(blocks: list[Block], meta: list, start: int) -> int:
    """Take in short opening sentences above the first prose line (``أعلنت الوزارة … .``).

    Only full stops count: headlines end in ``؟`` or ``!`` or nothing, bylines in ``:``.
    """
    while start > 0 and meta[start - 1] is None:
        b = blocks[start - 1]
        # a lead set between the date line and the body may lack its full stop: its length
        # and its place tell it from a headline
        under_meta = start > 1 and meta[start - 2] is not None and b.word_count >= MIN_BARE_LEAD_WORDS \
            and not b.chrome and not b.end_marker and b.latin_share <= 0.5 and b.stop_density > 0
        if not (is_sentence(b) and _FULL_STOP.search(b.text) or under_meta) or looks_like_caption(b.text) \
                or CAPTION_OPENER.match(b.text):
            break
        start -= 1
    return start
