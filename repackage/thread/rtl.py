"""Right-to-left safety for plain-text posts. Pure functions.

Platforms lay out each line by its first strong character, so a line that opens with a Latin
word or a number can flip to left-to-right: such lines get a leading RIGHT-TO-LEFT MARK.
Latin names inside Arabic text are wrapped in FIRST STRONG ISOLATE ... POP DIRECTIONAL
ISOLATE so their neighbours keep their places. A counter after a URL or Latin text is
preceded by ARABIC LETTER MARK so it stays at the line's left end. Marks are never glued to a
URL or hashtag: they sit after a space.
"""

from __future__ import annotations

import unicodedata

import regex

RLM = "\u200f"
ALM = "\u061c"
FSI = "\u2068"
PDI = "\u2069"
_ISOLATE_OPENERS = "\u2066\u2067\u2068"

# A URL, hashtag or mention: tokens no mark may touch and no isolate may wrap.
_LINK_LIKE = regex.compile(r"(?:https?://|www\.)\S+|[#@][\p{L}\p{M}\p{N}_]+")
# A run of Latin words (letters with inner digits, dots, hyphens, apostrophes) joined by spaces,
# slashes or ampersands, so "John Doe / AP" stays one left-to-right unit.
_LATIN_WORD = r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9.'’\-]*"
_LATIN_RUN = regex.compile(
    rf"(?<![\w/.#@]){_LATIN_WORD}(?:(?:[ ]*[/&][ ]*|[ ]+){_LATIN_WORD})*(?![\w/])"
)


def first_strong(text: str, *, skip_isolates: bool = True) -> str | None:
    """Bidi class (``"L"``, ``"R"`` or ``"AL"``) of the first strong character, or None.

    Characters between an isolate initiator and its PDI are skipped, as the Unicode
    Bidirectional Algorithm does when it picks a paragraph's direction.
    """
    depth = 0
    for ch in text:
        if skip_isolates and ch in _ISOLATE_OPENERS:
            depth += 1
            continue
        if skip_isolates and ch == PDI:
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        cls = unicodedata.bidirectional(ch)
        if cls in ("L", "R", "AL"):
            return cls
    return None


def _first_visible(text: str) -> str | None:
    for ch in text:
        if ch.isspace() or unicodedata.category(ch) == "Cf":
            continue
        return ch
    return None


def needs_rlm(line: str) -> bool:
    """True when ``line`` would not lay out right-to-left on its own.

    That is a line whose first strong character is not right-to-left, or which opens with a
    digit or a Latin letter (even inside an isolate, which older renderers ignore).
    """
    if not line.strip():
        return False
    if first_strong(line, skip_isolates=False) not in ("R", "AL"):
        return True
    first = _first_visible(line)
    return first is not None and (first.isdigit() or unicodedata.bidirectional(first) == "L")


def start_rtl(line: str) -> str:
    """Prefix RLM when the line needs it; a leading URL or hashtag gets RLM and a space."""
    if not needs_rlm(line) or line.startswith(RLM):
        return line
    if _LINK_LIKE.match(line):
        return f"{RLM} {line}"
    return RLM + line


def rtl_lines(text: str) -> str:
    """Apply :func:`start_rtl` to every line (each line is its own bidi paragraph)."""
    return "\n".join(start_rtl(line) for line in text.split("\n"))


def isolate_latin(text: str) -> str:
    """Wrap each run of Latin words in FSI...PDI, leaving URLs, hashtags and mentions alone."""
    out: list[str] = []
    pos = 0
    for m in _LINK_LIKE.finditer(text):
        out.append(_isolate_plain(text[pos:m.start()]))
        out.append(m.group())
        pos = m.end()
    out.append(_isolate_plain(text[pos:]))
    return "".join(out)


def _isolate_plain(text: str) -> str:
    if FSI in text:  # already isolated by hand: leave the editor's choice alone
        return text
    return _LATIN_RUN.sub(lambda m: f"{FSI}{m.group()}{PDI}", text)


def append_counter(text: str, counter: str) -> str:
    """Put ``counter`` at the logical end of ``text`` as ``text``, space, ALM, counter.

    The ALM makes the counter follow Arabic, so it lands at the left end of the last line even
    when that line ends with a URL or Latin word (and the space keeps the mark off the URL).
    """
    if not counter:
        return text
    return f"{text} {ALM}{counter}"


_COMMA_BEFORE = regex.compile(r"(\S+)\s+([،؛])")
_GLUED_AFTER_LINK = regex.compile(
    r"((?:https?://|www\.)[^\s،؛\u200e\u200f\u061c]+|[#@][\p{L}\p{M}\p{N}_]+)([،؛\u200e\u200f\u061c])"
)


def tidy_commas(text: str) -> str:
    """Close the stray space before an Arabic comma or semicolon, except after a URL or tag.

    A URL or hashtag directly followed by a comma or mark gets a space instead, so the comma
    never becomes part of the link.
    """
    def close(m: regex.Match[str]) -> str:
        word = m.group(1)
        if _LINK_LIKE.fullmatch(word):
            return m.group(0)
        return word + m.group(2)

    text = _COMMA_BEFORE.sub(close, text)
    return _GLUED_AFTER_LINK.sub(lambda m: f"{m.group(1)} {m.group(2)}", text)
