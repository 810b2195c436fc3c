"""Card layout, pure: where every line of text goes, decided from measured widths only.

Nothing here touches Pillow or files. Widths and font metrics come from an injected
``TextMeasure`` (in production the Shaper, which shapes each word the way it will be drawn;
in tests any stand-in). Lines are wrapped in logical order; drawing puts each one in
visual order on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from repackage.cards.breaks import balanced_breaks, greedy_breaks, line_atoms, ltr_runs
from repackage.cards.sizes import CardSize
from repackage.cards.template import Template
from repackage.text.arabic import split_sentences

ELLIPSIS = "…"


class TextMeasure(Protocol):
    """What layout needs to know about a font: shaped widths and vertical metrics."""

    def measure(self, path: str, size: int, text: str) -> float:
        """Advance width in px of ``text`` drawn as one line."""

    def metrics(self, path: str, size: int) -> tuple[int, int]:
        """(ascent, descent) in px."""


@dataclass(frozen=True)
class Rect:
    """An axis-aligned box in px, ``x1``/``y1`` exclusive."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        """x1 - x0."""
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        """y1 - y0."""
        return self.y1 - self.y0

    def as_ints(self) -> tuple[int, int, int, int]:
        """The box rounded outwards to whole pixels."""
        return int(self.x0), int(self.y0), int(-(-self.x1 // 1)), int(-(-self.y1 // 1))


@dataclass(frozen=True)
class TextLine:
    """One line to draw: logical text, right end ``right`` and ``baseline`` in px."""

    role: str  # quote | speaker | role | credit | mark
    text: str
    font: str
    size: int
    right: float
    baseline: float
    width: float
    top: float  # top of the line's box (line height, half-leading above)
    bottom: float

    @property
    def box(self) -> Rect:
        """The line's box: its measured width by its line height."""
        return Rect(self.right - self.width, self.top, self.right, self.bottom)


@dataclass(frozen=True)
class CardContent:
    """What goes on one card, as logical text."""

    quote: str
    speaker: str = ""
    role: str = ""
    credit: str = ""  # empty when no photo is used
    mark: str = ""


@dataclass(frozen=True)
class CardPlan:
    """Everything the renderer needs, decided."""

    width: int
    height: int
    safe: Rect
    lines: tuple[TextLine, ...]
    quote_text: str  # the quote as drawn (with marks, maybe cut)
    quote_size: int
    truncated: bool
    rule: Rect | None = None
    logo: Rect | None = None

    def block(self, role: str) -> Rect | None:
        """The union of the boxes of the lines with ``role`` (None when there are none)."""
        boxes = [ln.box for ln in self.lines if ln.role == role]
        if not boxes:
            return None
        return Rect(min(b.x0 for b in boxes), min(b.y0 for b in boxes),
                    max(b.x1 for b in boxes), max(b.y1 for b in boxes))


@dataclass(frozen=True)
class Block:
    """Lines of one text role wrapped at one size, not yet placed."""

    lines: tuple[tuple[str, float], ...]  # (text, width)
    size: int
    ascent: int
    descent: int
    line_height: float

    @property
    def height(self) -> float:
        """Total height: one line height per line."""
        return self.line_height * len(self.lines)


# -- text length ---------------------------------------------------------------------------

def truncate_quote(text: str, max_chars: int) -> tuple[str, bool]:
    """Cut ``text`` to at most ``max_chars`` at a sentence boundary, ending with ``…``.

    Returns (text, truncated). When even the first sentence is too long the cut falls at a
    word boundary instead.
    """
    text = " ".join(text.split())
    if len(text) <= max_chars:
        return text, False
    budget = max(1, max_chars - 1)
    kept = ""
    for sentence in split_sentences(text):
        candidate = f"{kept} {sentence}".strip()
        if len(candidate) > budget:
            break
        kept = candidate
    if not kept:
        words = text[: budget + 1].split(" ")
        kept = " ".join(words[:-1]) if len(words) > 1 else text[:budget]
    kept = kept.rstrip(" .،,؛;:!؟?…")
    return kept + ELLIPSIS, True


# -- wrapping ------------------------------------------------------------------------------

def wrap_block(text: str, path: str, size: int, line_spacing: float, max_width: float,
               tm: TextMeasure, balance: bool = True) -> Block:
    """Wrap ``text`` (logical order) into lines at ``size``, measuring each line.

    Lines break between words, and never inside a left-to-right run that fits on one line
    (:func:`line_atoms`). ``balance`` evens the lines out; without it lines are filled
    greedily (same line count, cheaper: enough to tell whether a size fits).
    """
    words = text.split()
    widths = [tm.measure(path, size, w) for w in words]
    space = tm.measure(path, size, " ")
    if ltr_runs(words):
        words = line_atoms(words, widths, space, max_width)
        widths = [tm.measure(path, size, w) for w in words]
    breaks = balanced_breaks if balance else greedy_breaks
    counts = breaks(widths, space, max_width) if words else []
    lines: list[tuple[str, float]] = []
    i = 0
    for c in counts:
        line = " ".join(words[i:i + c])
        lines.append((line, tm.measure(path, size, line)))
        i += c
    ascent, descent = tm.metrics(path, size)
    return Block(tuple(lines), size, ascent, descent, (ascent + descent) * line_spacing)


def fits(block: Block, max_width: float, max_height: float) -> bool:
    """True when every line is within ``max_width`` and the block within ``max_height``."""
    return block.height <= max_height and all(w <= max_width for _, w in block.lines)


def fit_block(text: str, path: str, min_size: int, max_size: int, step: int,
              line_spacing: float, max_width: float, max_height: float,
              tm: TextMeasure) -> Block | None:
    """The largest size in [min_size, max_size] (in ``step``s) at which ``text`` fits.

    A size at which every left-to-right run of the text fits on one line is preferred: only
    when none does is a run broken. Bisection over the candidate sizes: fitting is monotone
    in the size for practical purposes, and each probe costs one measurement per word.
    """
    sizes = list(range(min_size, max_size + 1, step))
    if sizes[-1] != max_size:
        sizes.append(max_size)
    words = text.split()
    runs = ltr_runs(words)

    def runs_whole(size: int) -> bool:
        return all(tm.measure(path, size, " ".join(words[a:b])) <= max_width for a, b in runs)

    best: Block | None = None
    for strict in ((True, False) if runs else (False,)):
        lo, hi = 0, len(sizes) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            block = wrap_block(text, path, sizes[mid], line_spacing, max_width, tm,
                               balance=False)
            if fits(block, max_width, max_height) and (not strict or runs_whole(sizes[mid])):
                best, lo = block, mid + 1
            else:
                hi = mid - 1
        if best is not None:
            break
    if best is None:
        return None
    balanced = wrap_block(text, path, best.size, line_spacing, max_width, tm)
    return balanced if fits(balanced, max_width, max_height) else best


# -- the card ------------------------------------------------------------------------------

@dataclass(frozen=True)
class FontPaths:
    """Resolved font file per text role."""

    quote: str
    speaker: str
    role: str
    credit: str
    mark: str


def safe_rect(size: CardSize, margin: int) -> Rect:
    """The area text may occupy: inside the margins and out of the size's safe zones."""
    return Rect(margin, max(margin, size.safe_top), size.width - margin,
                size.height - max(margin, size.safe_bottom))


def _place(block: Block, role: str, path: str, right: float, top: float) -> list[TextLine]:
    lines = []
    half_leading = (block.line_height - (block.ascent + block.descent)) / 2
    for i, (text, width) in enumerate(block.lines):
        line_top = top + i * block.line_height
        baseline = line_top + half_leading + block.ascent
        lines.append(TextLine(role, text, path, block.size, right, baseline, width,
                              line_top, line_top + block.line_height))
    return lines


def plan_card(content: CardContent, tpl: Template, size: CardSize, fonts: FontPaths,
              tm: TextMeasure, *, logo_size: tuple[int, int] | None = None) -> CardPlan:
    """Decide the card: mark, quote (auto-fitted, cut if it cannot fit), speaker, credit.

    ``logo_size`` is the (width, height) of the template's logo scaled to its height, when
    there is one.
    """
    safe = safe_rect(size, tpl.layout.margin)
    right, width = safe.x1, safe.width
    gap = tpl.layout.gap
    lines: list[TextLine] = []

    # Mark: at the top or bottom edge of the safe area, logo at the right, text beside it.
    mark_h = 0.0
    logo_rect: Rect | None = None
    mark_block = None
    text_right = right
    if logo_size:
        mark_h = float(logo_size[1])
        text_right = right - logo_size[0] - (tpl.mark.size * 0.5 if content.mark else 0)
    if content.mark:
        mark_block = wrap_block(content.mark, fonts.mark, tpl.mark.size, 1.0,
                                text_right - safe.x0, tm)
        mark_block = Block(mark_block.lines[:1], mark_block.size, mark_block.ascent,
                           mark_block.descent, mark_block.line_height)
        mark_h = max(mark_h, mark_block.height)
    mark_top = safe.y0 if tpl.mark.position == "top" else safe.y1 - mark_h

    def place_mark() -> None:
        nonlocal logo_rect
        if logo_size:
            ly = mark_top + (mark_h - logo_size[1]) / 2
            logo_rect = Rect(right - logo_size[0], ly, right, ly + logo_size[1])
        if mark_block is not None:
            lines.extend(_place(mark_block, "mark", fonts.mark, text_right,
                                mark_top + (mark_h - mark_block.height) / 2))

    place_mark()

    # Credit: at the bottom edge (above a bottom mark).
    credit_block = None
    credit_h = 0.0
    if content.credit:
        credit_text = f"{tpl.credit.prefix}{content.credit}"
        credit_block = wrap_block(credit_text, fonts.credit, tpl.credit.size,
                                  tpl.credit.line_spacing, width, tm)
        credit_h = credit_block.height
    bottom = safe.y1 - (mark_h + gap if tpl.mark.position == "bottom" and mark_h else 0)
    if credit_block is not None:
        lines.extend(_place(credit_block, "credit", fonts.credit, right, bottom - credit_h))
        bottom -= credit_h + gap
    top = safe.y0 + (mark_h + gap if tpl.mark.position == "top" and mark_h else 0)

    # Speaker block below the quote.
    speaker_blocks: list[tuple[str, str, Block]] = []
    if content.speaker:
        speaker_blocks.append(("speaker", fonts.speaker, wrap_block(
            content.speaker, fonts.speaker, tpl.speaker.size, tpl.speaker.line_spacing, width, tm)))
    if content.role:
        speaker_blocks.append(("role", fonts.role, wrap_block(
            content.role, fonts.role, tpl.speaker.role_size, tpl.speaker.line_spacing, width, tm)))
    speaker_h = sum(b.height for _, _, b in speaker_blocks)
    rule_h = tpl.accent.rule_height if tpl.accent.rule and speaker_blocks else 0
    below_quote = (gap + rule_h + gap * 0.6 if rule_h else gap) + speaker_h if speaker_blocks else 0
    quote_room = (bottom - top) - below_quote

    # Quote: longest text that fits at the smallest allowed size at worst.
    opening, closing = tpl.quote.marks if tpl.quote.marks else ("", "")
    max_chars = tpl.quote.max_chars
    block: Block | None = None
    truncated = False
    quote_text = ""
    while block is None:
        body, cut = truncate_quote(content.quote, max_chars)
        quote_text = f"{opening}{body}{closing}"
        block = fit_block(quote_text, fonts.quote, tpl.quote.min_size, tpl.quote.max_size,
                          tpl.quote.step, tpl.quote.line_spacing, width, quote_room, tm)
        truncated = truncated or cut
        if block is None:
            if max_chars <= 20:
                raise ValueError("the quote cannot fit this card even cut short")
            max_chars = int(min(max_chars, len(body)) * 0.85)

    total = block.height + below_quote
    if tpl.layout.valign == "top":
        y = top
    elif tpl.layout.valign == "bottom":
        y = bottom - total
    else:
        y = top + (bottom - top - total) / 2
    lines.extend(_place(block, "quote", fonts.quote, right, y))
    y += block.height
    rule: Rect | None = None
    if speaker_blocks:
        if rule_h:
            y += gap
            rule = Rect(right - tpl.accent.rule_width, y, right, y + rule_h)
            y += rule_h + gap * 0.6
        else:
            y += gap
        for role, path, b in speaker_blocks:
            lines.extend(_place(b, role, path, right, y))
            y += b.height

    return CardPlan(size.width, size.height, safe, tuple(lines), quote_text, block.size,
                    truncated, rule, logo_rect)
