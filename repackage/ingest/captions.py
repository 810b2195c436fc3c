"""The photo caption and credit of a plain-text page, among the lines before the body.

A caption stands near the headline, just above it at most. Each line gets points for what marks
a caption: a credit it ends in (3), a word naming a picture (2), being printed twice in a row,
as image alt text and caption are (2), or being a short label: under the date line, right under
the headline with the lead's words, or a person's title and name (1). A ``©`` line under the
photo is the credit; a bare ``©`` has it on the next line.
"""

from __future__ import annotations

import re

from repackage.ingest.blocks import Block, content_words, line_key, same_line
from repackage.ingest.chrome import is_photo_credit
from repackage.ingest.credits import split_credit
from repackage.ingest.headline import MAX_HEADLINE_LEN, PICTURE, person_line

_LETTERS = re.compile(r"[^\W\d_]{2,}")


def pick_caption(blocks: list[Block], meta: list, texts: list[str], start: int, headline: list[int],
                 kinds: dict, lead: set[str] = frozenset()) -> tuple[str | None, str | None]:
    """``(caption, credit)`` among the lines before the body (``start``); the verdicts of the
    lines read go into ``kinds``. ``lead`` holds the content words of the lead."""
    cands: list[tuple[int, int]] = []  # (signal, index)
    # a caption stands near the headline (just above it at most), not among the menus
    near = headline[-1] if headline else -1
    credit_line = None  # ``© AGENCY / PHOTOGRAPHER`` on its own line under the photo
    for i in range(max(0, near - 3), start):
        b = blocks[i]
        if credit_line is None and i not in headline and meta[i] is None and is_photo_credit(b.text):
            credit_line = i
            continue
        if i in headline or meta[i] is not None or b.chrome or b.end_marker or b.latin_share > 0.5:
            continue
        if not _LETTERS.search(b.text) or b.length > MAX_HEADLINE_LEN or _site_tag(b.text):
            continue
        if i == start - 1 and _dateline(b.text, lead):
            kinds[i] = ("dropped", "dateline")
            continue
        signal = 0
        if split_credit(b.text, loose=True)[1]:
            signal += 3
        if PICTURE.search(b.text):
            signal += 2
        twice = any(same_line(b.text, texts[j]) for j in (i - 1, i + 1)
                    if 0 <= j < start and j not in headline)
        if twice and (i > near or b.word_count >= 4):  # menus print their short items twice too
            signal += 2
        elif i > near + 1 and any(meta[j] is not None for j in range(max(near + 1, i - 2), i)) \
                and not texts[i - 1].rstrip().endswith((":", "：")) \
                and b.word_count <= 10 and not b.sentence_end and not any(c[1] > near for c in cands):
            signal += 1  # a label under the date line: a caption with no other sign
        if not signal and near >= 0 and (i > near or i == near - 1) and person_line(b.text):
            signal += 1  # "الوزير فلان الفلاني" under (or just over) the headline: the photo's label
        elif not signal and i == near + 1 and 2 <= b.word_count <= 4 and not b.sentence_end \
                and content_words(b.text) and content_words(b.text) <= lead:
            signal += 1  # "الرئيس فلان" right under the headline, all words the lead's: a label
        if signal:
            cands.append((signal, i))
    if credit_line is not None and texts[credit_line].strip() in ("©", "(c)") and credit_line + 1 < start \
            and meta[credit_line + 1] is None and blocks[credit_line + 1].word_count <= 8:
        kinds[credit_line] = ("dropped", "credit")  # a bare "©" with the credit on the next line
        credit_line += 1
    line_credit = None
    if credit_line is not None:
        line_credit = texts[credit_line]
        kinds[credit_line] = ("credit", None)
    if not cands:
        return None, line_credit
    signal, best = max(cands, key=lambda c: (c[0], blocks[c[1]].length))
    caption, credit = split_credit(texts[best], loose=True)
    if credit_line is not None and (credit is None or not _LETTERS.search(credit)):
        credit = texts[credit_line]  # the credit line wins over a bare number in brackets
    kinds[best] = ("caption", None)
    for sig, i in cands:
        if i == best:
            continue
        if same_line(texts[i], texts[best]) or (credit and line_key(texts[i]) == line_key(credit)):
            kinds[i] = ("dropped", "duplicate")
        elif sig >= 2:
            kinds[i] = ("dropped", "alt-text")
    for i in range(start):
        if i not in kinds and credit and line_key(texts[i]) == line_key(credit):
            kinds[i] = ("dropped", "duplicate")
    return caption, credit


_SEPARATOR_END = re.compile(r"[-–—|]\s*$")


def _site_tag(text: str) -> bool:
    """A site's name with its tagline or a dangling separator (``وان ثري| بوابة …``,
    ``أخبار اليوم -``): the masthead printed again, not a caption."""
    return "|" in text or bool(_SEPARATOR_END.search(text))


def _dateline(text: str, lead: set[str]) -> bool:
    """``جنيف (أ ف ب)`` right above the body: a place and the agency, the story's dateline,
    not a photo of someone the lead names."""
    caption, credit = split_credit(text)
    words = caption.split()
    return credit is not None and 1 <= len(words) <= 2 and text.rstrip().endswith(")") \
        and not content_words(caption) & lead and not PICTURE.search(caption)
