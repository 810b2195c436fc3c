"""Lines at the foot (or the head) of the article block that do not belong to the article. Pure.

End markers (``chrome.py``) stop the body at the phrases sites print there; some sites print
none, and what follows the story still reads as prose to a boilerplate classifier: a comment
prompt, the comment section's disclaimer, a contact line after the copyright. Cohesion tells
them apart without knowing their words: after a line of the page's chrome that interrupts the
block, a last paragraph that shares almost no content word with the story above is another
text (the words of an article repeat from paragraph to paragraph; a disclaimer's or an
address's do not). Where chrome lines also break the story higher up, they are the page's
subheadings or inline boxes and the story goes on after the last of them: nothing is cut.

A short last line without a full stop is not judged by its form: scraped pages are often cut
off mid-sentence, and a truncated last paragraph looks the same as a comment prompt.
"""

from __future__ import annotations

from collections.abc import Sequence

from repackage.ingest.blocks import Block, content_words, function_words, overlap, words

MIN_STORY_PARAGRAPHS = 3  # a shorter story has too few words to judge another text by
MAX_COHESION = 0.1  # share of a tail paragraph's content words found in the story above it
MAX_TAIL = 2  # paragraphs after the interruption that may be judged as another text
MIN_TAG_ECHO = 0.8  # share of a tag line's words the story above already used
_PUNCTUATION = set(".،,:؛;؟?!«»\"“”()[]-–—")


def trailing_lines(body: Sequence[int], blocks: Sequence[Block],
                   interruptions: Sequence[int]) -> list[int]:
    """Indices among ``body`` (line indices in page order) that follow the article's end.

    ``interruptions`` are the indices of lines inside the block that were dropped as chrome.
    """
    kept = list(body)
    dropped: list[int] = []
    cut = max((i for i in interruptions if kept and i < kept[-1]), default=None)
    if cut is not None:
        tail = [i for i in kept if i > cut]
        story = [i for i in kept if i < cut]
        # chrome that also breaks the story further up is the page's subheadings or inline
        # boxes: the block goes on after them, so nothing after the last one is judged
        breaks_story = any(i < story[-1] for i in interruptions) if story else True
        if 0 < len(tail) <= MAX_TAIL and len(story) >= MIN_STORY_PARAGRAPHS and not breaks_story:
            words: set[str] = set()
            for i in story:
                words |= content_words(blocks[i].text)
            if all(overlap(blocks[i].text, words) < MAX_COHESION for i in tail):
                dropped.extend(tail)
    return sorted(dropped)



def leading_lines(body: Sequence[int], blocks: Sequence[Block], interruptions: Sequence[int],
                  title: str | None = None) -> list[int]:
    """Indices among ``body`` that come before the article: a notice above it (``هذا المحتوى
    مأخوذ من شركاء خارجيين …``) cut off from the story by a chrome line and sharing almost no
    content word with it (nor with the headline, which a lead tells). The same test as
    :func:`trailing_lines`, at the other end; a "read also" box is no such cut."""
    kept = list(body)
    cut = min((i for i in interruptions if kept and i > kept[0]), default=None)
    if cut is None or blocks[cut].inline_box or blocks[cut].end_marker:
        return []
    if title and any(overlap(blocks[i].text, content_words(title)) >= MAX_COHESION for i in kept if i < cut):
        return []
    head = [i for i in kept if i < cut]
    story = [i for i in kept if i > cut]
    if not 0 < len(head) <= MAX_TAIL or len(story) < MIN_STORY_PARAGRAPHS \
            or any(i > story[0] for i in interruptions):
        return []
    words: set[str] = set()
    for i in story:
        words |= content_words(blocks[i].text)
    return head if all(overlap(blocks[i].text, words) < MAX_COHESION for i in head) else []


def tag_line(body: Sequence[int], blocks: Sequence[Block], title: str | None = None) -> int | None:
    """The last line of ``body`` when it is the article's tag list (``السودان الخرطوم الجيش
    السوداني``): no punctuation and no function word at all, and nearly every word one the
    story above already used. A sentence cut off by the store keeps its particles."""
    if len(body) < 2:
        return None
    text = blocks[body[-1]].text
    tokens = words(text)
    if len(tokens) < 3 or any(ch in _PUNCTUATION for ch in text) or set(tokens) & function_words():
        return None
    seen = content_words(title or "")
    for i in body[:-1]:
        seen |= content_words(blocks[i].text)
    return body[-1] if overlap(text, seen) >= MIN_TAG_ECHO else None
