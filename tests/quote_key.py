"""Scoring found quotes against a corpus answer key (shared by the corpus tests and bench).

A found quote matches a key quote when both sit in the same paragraph and their stretches of that
paragraph overlap by at least ``COVERAGE`` of the longer one. Recall and precision count only
card-worthy quotes against the key's non-fragment quotes; speaker accuracy is judged on the found
quotes that matched, comparing full names after whitespace folding.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

COVERAGE = 0.85


def fold(text: str | None) -> str:
    """One space between words, no surrounding space."""
    return " ".join((text or "").split())


def _interval(paragraph: str, text: str) -> tuple[int, int] | None:
    start = paragraph.find(text)
    return None if start < 0 else (start, start + len(text))


def coverage(paragraph: str, key_text: str, found_text: str) -> float:
    """Shared characters of two stretches of ``paragraph``, over the longer of the two."""
    para, key, found = fold(paragraph), fold(key_text), fold(found_text)
    if not key or not found:
        return 0.0
    a, b = _interval(para, key), _interval(para, found)
    if a and b:
        shared = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    else:
        shared = sum(m.size for m in SequenceMatcher(None, key, found, autojunk=False).get_matching_blocks())
    return shared / max(len(key), len(found))


@dataclass
class PageScore:
    """Counts for one page."""

    name: str
    wanted: int = 0  # key quotes that are not fragments
    found: int = 0  # card-worthy quotes found
    matched: int = 0  # key quotes matched by a card-worthy quote
    right: int = 0  # found quotes that matched (precision numerator)
    speakers_right: int = 0
    speakers_judged: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong_speakers: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.wanted if self.wanted else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.speakers_judged if self.speakers_judged else 1.0


def score_page(name: str, key: dict, quotes) -> PageScore:
    """Score ``quotes`` (Quote records found in the key's own paragraphs) against ``key``."""
    paragraphs = key["paragraphs"]
    wanted = [q for q in key["quotes"] if not q.get("fragment")]
    cards = [q for q in quotes if q.card_worthy]
    score = PageScore(name, wanted=len(wanted), found=len(cards))
    used: set[int] = set()
    for want in wanted:
        best, best_cov = None, 0.0
        for i, got in enumerate(cards):
            if i in used or got.paragraph != want["paragraph"]:
                continue
            cov = coverage(paragraphs[want["paragraph"]], want["text"], got.text)
            if cov > best_cov:
                best, best_cov = i, cov
        if best is not None and best_cov >= COVERAGE:
            used.add(best)
            score.matched += 1
            got = cards[best]
            score.speakers_judged += 1
            if fold(got.speaker) == fold(want["speaker"]):
                score.speakers_right += 1
            else:
                score.wrong_speakers.append(f"{want['text'][:40]}… want {want['speaker']!r} got {got.speaker!r}")
        else:
            score.misses.append(f"P{want['paragraph']} {want['text'][:60]}")
    score.right = len(used)
    score.extras = [f"P{q.paragraph} {q.text[:60]}" for i, q in enumerate(cards) if i not in used]
    return score


def key_pages(corpus: Path) -> list[Path]:
    """The real pages' keys plus the seed's, in name order."""
    return sorted((corpus / "real").glob("*.expected.json"))


def load_key(path: Path) -> dict:
    """An answer key."""
    return json.loads(path.read_text("utf-8"))


def key_context(key: dict) -> list[str]:
    """What ingest passes as context: the headline and the caption."""
    return [t for t in (key.get("headline"), key.get("photo_caption")) if t]
