"""Find the stretches of a paragraph that stand in quote marks, in every style pages use.

Guillemets ``«…»`` pair by glyph. Straight ``"`` and curly marks (``“…”``, reversed ``”…“``,
``”…”``, ``″`` as a closing mark) say little by their glyph, so each mark is read by what
touches it: a space, a colon or a glued preposition (``ب”العار”``, ``لـ"…"``) before and a
letter after make an opening mark; a letter before and a space or punctuation after make a
closing one. Marks then pair like brackets, so a quote nested in the same marks
(``"… "كذا" …"``) stays inside its outer quote, and a mark left without partner makes an
unbalanced span: to the paragraph's end (opening mark only) or from the start of its stretch
(closing mark only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from repackage.ingest.lexicon import fold
from repackage.ingest.speech_extent import end_of_speech

STRAIGHT = '"'
CURLY = "“”„‟″"
_GLUED_PREFIXES = frozenset("و ف ب ل ك وب ول فب فل لل وك".split())
_OPEN_BEFORE = "([:،,؛;—–-"
_CLOSE_AFTER = ".,،:؛;!?؟)]…-–—»"
_CLOSE_BEFORE = ".!?؟…)]"


@dataclass(frozen=True)
class Span:
    """A quoted stretch of a paragraph: ``start``/``end`` index the inner text.

    ``open_mark``/``close_mark`` index the marks (None when missing); ``marks`` names the style
    (``"``, ``“”``, ``«»``, or ``none`` for speech after a colon without marks).
    """

    start: int
    end: int
    marks: str
    open_mark: int | None
    close_mark: int | None

    @property
    def balanced(self) -> bool:
        """Both marks present (or none at all, for speech after a colon)."""
        return (self.open_mark is None) == (self.close_mark is None)


def _glued(paragraph: str, i: int) -> bool:
    """The mark at ``i`` is glued to a one-letter preposition or conjunction (``بـ"``, ``و"``)."""
    j = i
    while j > 0 and not paragraph[j - 1].isspace() and paragraph[j - 1] not in _OPEN_BEFORE:
        j -= 1
    word = paragraph[j:i]
    return bool(word) and (word.endswith("ـ") or fold(word) in _GLUED_PREFIXES)


def side(paragraph: str, i: int) -> str:
    """``O`` (opening), ``C`` (closing) or ``A`` (can't tell) for the mark at ``i``."""
    before = paragraph[i - 1] if i > 0 else " "
    after = paragraph[i + 1] if i + 1 < len(paragraph) else " "
    opens_left = before.isspace() or before in _OPEN_BEFORE or _glued(paragraph, i)
    opens_right = after.isalnum() or after in "(«“["
    closes_left = before.isalnum() or before in _CLOSE_BEFORE
    closes_right = after.isspace() or after in _CLOSE_AFTER
    if paragraph[i] == "″":
        return "C"
    if opens_left and opens_right:
        return "O"
    if closes_left and closes_right:
        return "C"
    return "A"


def _pair(paragraph: str, positions: list[int]) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair marks like brackets: ``(pairs, unclosed openers, orphan closers)``."""
    sides = [side(paragraph, i) for i in positions]
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    orphans: list[int] = []
    for k, (i, s) in enumerate(zip(positions, sides, strict=True)):
        if s == "O" or (s == "A" and not stack):
            stack.append(i)
        elif stack:
            pairs.append((stack.pop(), i))
        elif k + 1 < len(positions) and sides[k + 1] == "C":
            stack.append(i)  # a closer-looking mark with another closer next: a misspaced opener
        else:
            orphans.append(i)
    unclosed = []
    for i in stack:
        if any(c.isalpha() for c in paragraph[i + 1:]):
            unclosed.append(i)
        else:
            orphans.append(i)  # nothing follows it: it closes a quote whose opener is missing
    return pairs, unclosed, sorted(orphans)


def _mend_mixed(paragraph: str) -> str:
    """``“… فقط"، وقال “…”``: a straight mark that ends a stretch a curly mark opened, before any
    other curly mark, closes it; read as ``”`` (the same length, so offsets stay the page's)."""
    chars = list(paragraph)
    open_at = None
    for i, ch in enumerate(chars):
        if ch == "“":
            open_at = i
        elif ch == "”":
            open_at = None
        elif ch == '"' and open_at is not None and i - open_at > 1 and paragraph[i - 1] != " " \
                and (i + 1 == len(chars) or not paragraph[i + 1].isalpha()):
            chars[i] = "”"
            open_at = None
    return "".join(chars)


def _doubled_apostrophes(paragraph: str) -> str:
    """``''`` typed for a double mark: read as ``"`` beside a space (the same length, so offsets
    stay the page's), the space on the side away from the quoted words."""
    def mark(m: re.Match) -> str:
        after = paragraph[m.end():m.end() + 1]
        before = paragraph[m.start() - 1:m.start()] if m.start() else " "
        return ' "' if after.isalpha() and (before.isspace() or not before.isalpha()) else '" '
    return re.sub(r"''", mark, paragraph)


def find_spans(paragraph: str) -> list[Span]:
    """Every quoted stretch of ``paragraph`` (outer quotes only), in order."""
    paragraph = _mend_mixed(_doubled_apostrophes(paragraph))
    found: list[Span] = []
    guillemets: list[int] = []
    flipped: int | None = None  # "مضيفا:»…»": a » after a colon with none open opens the quote
    for i, ch in enumerate(paragraph):
        if flipped is not None and ch in "«»":
            found.append(Span(flipped + 1, i, "«»", flipped, i))
            flipped = None
        elif ch == "«":
            guillemets.append(i)
        elif ch == "»" and guillemets:
            start = guillemets.pop()
            found.append(Span(start + 1, i, "«»", start, i))
        elif ch == "»" and paragraph[:i].rstrip().endswith(":") and "»" in paragraph[i + 1:]:
            flipped = i
    for i in guillemets[:1]:
        found.append(Span(i + 1, len(paragraph), "«»", i, None))
    primes = _prime_family(paragraph)
    for family, style in ((STRAIGHT, '"'), (CURLY, "“”")):
        positions = [i for i, ch in enumerate(paragraph)
                     if (ch in family and ch != "″") or (ch == "″" and primes[i] == style)]
        pairs, unclosed, orphans = _pair(paragraph, positions)
        found += [Span(a + 1, b, style, a, b) for a, b in pairs]
        found += [Span(a + 1, _unclosed_end(paragraph, a, pairs), style, a, None) for a in unclosed[:1]]
        for b in orphans:
            found.append(Span(_stretch_start(paragraph, found, b), b, style, None, b))
    return _outermost(found)


_NARRATION_AFTER = re.compile(r"\s*[،,]\s*[وف][^\W\d_]{2,}")


def _unclosed_end(paragraph: str, start: int, pairs: list[tuple[int, int]]) -> int:
    """Where a quote whose closing mark is missing ends: the paragraph's end, or the close of a
    quote nested in it when the writer's narration follows that close (``“… “كذا!”، فأجابه …``)."""
    for a, b in sorted(pairs):
        if a > start and _NARRATION_AFTER.match(paragraph, b + 1):
            return b + 1  # the nested quote's closing mark stays with it
    return len(paragraph)


def _prime_family(paragraph: str) -> dict[int, str]:
    """``″`` closes whichever kind of quote is open before it (straight when both or neither)."""
    out = {}
    for i, ch in enumerate(paragraph):
        if ch == "″":
            straight_open = paragraph.count(STRAIGHT, 0, i) % 2 == 1
            curly_open = sum(paragraph.count(c, 0, i) for c in "“”„‟") % 2 == 1
            out[i] = "“”" if curly_open and not straight_open else '"'
    return out


def _stretch_start(paragraph: str, spans: list[Span], close: int) -> int:
    """Where a quote missing its opening mark begins: after the last quote before it, or at 0."""
    ends = [s.close_mark + 1 for s in spans if s.close_mark is not None and s.close_mark < close]
    return max(ends, default=0)


def _outermost(spans: list[Span]) -> list[Span]:
    spans = sorted(spans, key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    for span in spans:
        if any(o.start <= span.start and span.end <= o.end for o in out):
            continue
        out.append(span)
    return out


def colon_speech(paragraph: str, spans: list[Span], says) -> list[Span]:
    """Speech after a colon with no marks (``وتابع: مقتنعون بأن …``).

    ``says(before)`` tells whether the clause before a colon introduces speech; the span runs
    from after the colon to the end of its sentence (``end_of_speech``).
    """
    found = []
    for i, ch in enumerate(paragraph):
        if ch != ":" or any(s.start <= i < s.end for s in spans):
            continue
        start = i + 1
        while start < len(paragraph) and paragraph[start].isspace():
            start += 1
        if start >= len(paragraph) or paragraph[start] in STRAIGHT + CURLY + "«":
            continue
        if any(s.open_mark is not None and start <= s.open_mark <= start + 1 for s in spans):
            continue
        if not says(paragraph[:i]):
            continue
        end = end_of_speech(paragraph, start)
        if end - start > 0 and not paragraph[start].isdigit():
            found.append(Span(start, end, "none", None, None))
    return found
