"""Cutting text into pieces that fit a post, at sentence, clause or word boundaries. Pure.

The splitter never cuts inside a word, URL or hashtag (whitespace-free tokens are atomic) and
keeps a quoted passage whole whenever it fits a post on its own.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

Fits = Callable[[str], bool]

# A quoted passage: «...», “...” or "..." (at most one post long in practice).
# A quoted passage: never cut inside one.
QUOTED = regex.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"]*\"")
_CLAUSE_END = ("،", ",", ":", "؛", ";", "—")


def atoms(text: str, fits: Fits | None = None) -> list[str]:
    """Whitespace-separated tokens, with each quoted passage that fits kept as one atom."""
    out: list[str] = []
    pos = 0
    for m in QUOTED.finditer(text):
        # extend the passage to the surrounding word edges so no word is cut
        start = m.start()
        while start > pos and not text[start - 1].isspace():
            start -= 1
        end = m.end()
        while end < len(text) and not text[end].isspace():
            end += 1
        if start < pos:
            continue
        passage = " ".join(text[start:end].split())
        if fits is not None and not fits(passage):
            continue
        out.extend(text[pos:start].split())
        out.append(passage)
        pos = end
    out.extend(text[pos:].split())
    return out


def split_to_fit(text: str, fits: Fits) -> list[str]:
    """Split ``text`` into pieces joined by single spaces, each satisfying ``fits``.

    Pieces break between atoms, preferring the last clause end (، : ؛) in the second half of a
    piece. An atom that cannot fit even alone is cut by characters as a last resort.
    """
    pieces: list[str] = []
    current: list[str] = []
    for atom in atoms(text, fits):
        if fits(" ".join([*current, atom])):
            current.append(atom)
            continue
        if current:
            head, tail = _clause_break(current)
            pieces.append(" ".join(head))
            current = tail
            if fits(" ".join([*current, atom])):
                current.append(atom)
                continue
            if current:
                pieces.append(" ".join(current))
                current = []
        if fits(atom):
            current = [atom]
        else:
            for word in atom.split():
                if current and fits(" ".join([*current, word])):
                    current.append(word)
                    continue
                if current:
                    pieces.append(" ".join(current))
                    current = []
                if fits(word):
                    current = [word]
                else:
                    *full, last = _hard_cut(word, fits)
                    pieces.extend(full)
                    current = [last]
    if current:
        pieces.append(" ".join(current))
    return pieces


def _clause_break(current: list[str]) -> tuple[list[str], list[str]]:
    """Move the words after the last clause end (if in the second half) to the next piece."""
    for i in range(len(current) - 1, len(current) // 2 - 1, -1):
        if current[i].endswith(_CLAUSE_END) and i < len(current) - 1:
            return current[: i + 1], current[i + 1:]
    return current, []


def _hard_cut(word: str, fits: Fits) -> list[str]:
    graphemes = regex.findall(r"\X", word)
    out: list[str] = []
    buf = ""
    for g in graphemes:
        if buf and not fits(buf + g):
            out.append(buf)
            buf = ""
        buf += g
    out.append(buf)
    return out
