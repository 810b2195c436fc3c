"""Where a card's lines break: words per line, greedy or balanced, and the units they are
made of (a left-to-right run that fits stays whole). Pure arithmetic over measured widths."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = ["greedy_breaks", "balanced_breaks", "ltr_runs", "line_atoms"]


def greedy_breaks(widths: Sequence[float], space: float, max_width: float) -> list[int]:
    """Number of words on each line when filling lines greedily up to ``max_width``.

    A word wider than ``max_width`` gets a line to itself (and the caller sees the overflow).
    """
    counts: list[int] = []
    line = 0.0
    n = 0
    for w in widths:
        if n and line + space + w > max_width:
            counts.append(n)
            line, n = w, 1
        else:
            line = line + space + w if n else w
            n += 1
    if n:
        counts.append(n)
    return counts


def _line_widths(widths: Sequence[float], space: float, counts: Sequence[int]) -> list[float]:
    out, i = [], 0
    for c in counts:
        out.append(sum(widths[i:i + c]) + space * (c - 1))
        i += c
    return out


def balanced_breaks(widths: Sequence[float], space: float, max_width: float) -> list[int]:
    """Words per line: as few lines as greedy filling needs, made as even as possible.

    Among all ways to cut the words into that many lines of at most ``max_width``, the one
    with the least sum of squared slack wins (all lines count, the last included), and a
    one-word last line costs as much as a whole empty line, so it appears only when nothing
    else fits. Dynamic programming over the cut points; each line holds few words, so this
    stays small.
    """
    counts = greedy_breaks(widths, space, max_width)
    n_lines, n = len(counts), len(widths)
    if n_lines < 2:
        return counts
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(n_lines + 1)]
    back = [[0] * (n + 1) for _ in range(n_lines + 1)]
    best[0][0] = 0.0
    lone_penalty = max_width * max_width
    for k in range(1, n_lines + 1):
        for i in range(k, n - (n_lines - k) + 1):
            for j in range(i - 1, k - 2, -1):  # the line holds words j .. i-1
                width = prefix[i] - prefix[j] + space * (i - j - 1)
                if width > max_width and i - j > 1:
                    break
                if best[k - 1][j] == inf:
                    continue
                cost = best[k - 1][j] + (max_width - width) ** 2
                if k == n_lines and i - j == 1 and n > n_lines:
                    cost += lone_penalty
                if cost < best[k][i]:
                    best[k][i], back[k][i] = cost, j
    if best[n_lines][n] == inf:
        return counts
    out, i = [], n
    for k in range(n_lines, 0, -1):
        j = back[k][i]
        out.append(i - j)
        i = j
    return out[::-1]


def _direction(word: str) -> str:
    """"L" for a word with left-to-right letters and no right-to-left ones, "R" for one with
    right-to-left letters, "" for neutrals only (digits, punctuation)."""
    kinds = {unicodedata.bidirectional(c) for c in word}
    if kinds & {"R", "AL"}:
        return "R"
    return "L" if "L" in kinds else ""


def ltr_runs(words: Sequence[str]) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the words that form left-to-right runs of two or more words
    (neutral words between left-to-right ones belong to the run)."""
    kinds = [_direction(w) for w in words]
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        if kinds[i] != "L":
            i += 1
            continue
        end = last = i
        while end + 1 < len(words) and kinds[end + 1] != "R":
            end += 1
            if kinds[end] == "L":
                last = end
        if last > i:
            runs.append((i, last + 1))
        i = last + 1
    return runs


def line_atoms(words: Sequence[str], widths: Sequence[float], space: float,
               max_width: float) -> list[str]:
    """The units lines are broken between: words, with each left-to-right run that fits the
    width kept as one unit, so a Latin clause is never split over two right-to-left lines
    (the bidi algorithm would then put its brackets and marks on the wrong sides). A run wider
    than a line is broken between its words."""
    atoms: list[str] = []
    i = 0
    for start, end in ltr_runs(words):
        atoms.extend(words[i:start])
        run_width = sum(widths[start:end]) + space * (end - start - 1)
        if run_width <= max_width:
            atoms.append(" ".join(words[start:end]))
        else:
            atoms.extend(words[start:end])
        i = end
    atoms.extend(words[i:])
    return atoms
