"""A name the page misprints once: the form the article prints most stands for the person.

Pages drop or swap a letter of a name now and then (``ترك آل الشيخ`` once in the body beside
``تركى آل الشيخ`` in the headline and the captions). The card's speaker should read as the
article reads everywhere else, so a name printed once gives way to a form one letter away that
the article prints more often (or prints in its headline), when the other words are the same.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from repackage.ingest.lexicon import PUNCT, fold

if TYPE_CHECKING:
    from repackage.ingest.speakers import Registry


def one_edit_apart(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by exactly one letter added, dropped or changed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def _alike_word(own: str, other: str) -> bool:
    """A misprint of a name word, not another word: both of three letters or more, the same
    first two letters (so a joined ``و``/``ب`` or another first name never counts)."""
    return min(len(own), len(other)) >= 3 and own[:2] == other[:2] and one_edit_apart(own, other)


def mend_misspelt(registry: Registry) -> None:
    """Rename each person printed once whose name the article prints more often, or in its
    headline or caption, with one word one letter away (and no one else goes by that form)."""
    from repackage.ingest.speakers import name_key  # the registry's module imports this one

    tokens = [[w.strip(PUNCT) for w in text.split()] for text in registry.texts]
    for person in registry.people:
        words = person.name.split()
        if len(words) < 2:
            continue
        key = [fold(w) for w in words]
        own, variants, headed = 0, Counter(), set()
        for where, text in enumerate(tokens):
            for k in range(len(text) - len(words) + 1):
                window = text[k:k + len(words)]
                folded = [fold(w) for w in window]
                if folded == key:
                    own += 1
                    continue
                differ = [j for j in range(len(key)) if folded[j] != key[j]]
                if len(differ) == 1 and _alike_word(key[differ[0]], folded[differ[0]]):
                    variants[" ".join(window)] += 1
                    if where < registry.body_from:
                        headed.add(" ".join(window))
        if own != 1 or not variants:
            continue
        form, seen = variants.most_common(1)[0]
        taken = {fold(p.name) for p in registry.people if p is not person}
        # the headline is the line a desk reads twice: it settles a tie with the body
        if (seen >= 2 or form in headed) and fold(form) not in taken:
            person.misprints.append(" ".join(name_key(words)))
            person.name = form
