"""The full description an article first gives an unnamed speaker it later names in short.

``وكان مصدر مسؤول في وزارة التنمية …`` and, a paragraph later, ``وأضاف المصدر``: the definite
noun points back to the indefinite one that introduced the speaker, so both quotes carry the
description a reader was given.
"""

from __future__ import annotations

from repackage.ingest.attribution import cue_kind
from repackage.ingest.lexicon import (
    CONSTRUCT_NOUNS,
    MARKS,
    NAME_PARTICLES,
    PUNCT,
    SPEECH_NOUNS,
    fold,
    is_news_verb,
)
from repackage.ingest.name_words import bare_word, ends_clause, has_article
from repackage.ingest.roles import role_phrase

_MIN_HEAD = 5  # "ال" and at least three letters: الوزارة, المصدر, الشرطة


def antecedent(short: str, texts: list[str]) -> str | None:
    """The first longer description in ``texts`` whose head is the definite noun ``short``
    opens with (``المصدر`` → ``مصدر مسؤول في وزارة …``), or None."""
    words = short.split()
    if not 1 <= len(words) <= 2:
        return None
    head = fold(words[0])
    if not head.startswith("ال") or len(head) < _MIN_HEAD or bare_word(words[0]) in SPEECH_NOUNS:
        return None  # "البيان": a statement is what was said, not who said it
    bare = head[2:]
    if len(words) == 2 and (longer := _extended(short, texts)):
        return longer  # "المجلس الرئاسي" → "المجلس الرئاسي لحكومة الوفاق الوطني"
    for text in texts:
        tokens = text.split()
        for k, tok in enumerate(tokens):
            f = fold(tok.strip(PUNCT))
            joined = f[:1] == "و" and f[1:] == bare
            if (f != bare and not joined) or ends_clause(tok) or k + 1 >= len(tokens):
                continue
            # (k == 1: after the opening verb; a body, "اجتماع لجنة السياسات", is itself anywhere)
            if k > 1 and not _opens_subject(tokens[k - 1]) and bare not in CONSTRUCT_NOUNS:
                continue  # "مصدر مسؤول": there مسؤول describes the noun before it
            phrase = _trimmed(tokens[k:role_phrase(tokens, k)])
            if len(phrase) >= 2:
                if joined:
                    phrase[0] = phrase[0][1:]
                return " ".join(phrase)
    return None


def _extended(short: str, texts: list[str]) -> str | None:
    """The first place ``short`` (a noun and its adjective) runs on into a longer name of the
    body it is (``… لحكومة الوفاق الوطني``), after a verb, or None."""
    want = [fold(w) for w in short.split()]
    for text in texts:
        tokens = text.split()
        for k in range(len(tokens) - 2):
            pair = [fold(t.strip(PUNCT)) for t in tokens[k:k + 2]]
            if pair != want or ends_clause(tokens[k + 1]) or k > 1 and not _opens_subject(tokens[k - 1]):
                continue
            nxt = fold(tokens[k + 2])
            if nxt[:1] != "ل" or not has_article(nxt[1:]) and bare_word(nxt[1:]) not in CONSTRUCT_NOUNS:
                continue  # only a genitive of belonging extends it: "لحكومة …", "للشؤون …"
            phrase = _trimmed(tokens[k:role_phrase(tokens, k)])
            if len(phrase) > 2:
                return " ".join(phrase)
    return None


def _opens_subject(previous: str) -> bool:
    """The word before can stand right before a subject: a clause's end, a verb, كان, إن."""
    f = fold(previous)
    return ends_clause(previous) or is_news_verb(previous) or cue_kind(previous) is not None \
        or f in ("كان", "وكان", "أن", "ان", "إن", "بأن")


def _trimmed(tokens: list[str]) -> list[str]:
    """The description without a place or an outlet after it (``في رام الله``, ``لـ"…"``)."""
    out: list[str] = []
    for k, t in enumerate(tokens):
        if any(m in t for m in MARKS) or "ـ" in t:
            break
        nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
        if fold(t) in ("في", "فى") and (any(has_article(w) for w in out)
                                       or not (has_article(nxt) or bare_word(nxt) in CONSTRUCT_NOUNS)):
            # "وزارة التنمية في رام الله": where a named body sits; "مصدر مسؤول في الوزارة":
            # where an unnamed person works, part of what they are
            break
        out.append(t.strip(PUNCT))
    return out


def without_object(name: str, written: set[str], texts: list[str]) -> str | None:
    """``جمال بلماضي`` for ``جمال بلماضي محاضرة`` (read from ``عقد … جمال بلماضي محاضرة``) when
    the article writes the speaker by the middle word alone and the last word stands nowhere
    else: the last word was the verb's object, not a family name; else None."""
    tokens = name.split()
    if len(tokens) != 3 or any(fold(t) in NAME_PARTICLES for t in tokens):
        return None
    if not any(fold(w) == fold(tokens[1]) for w in written):
        return None
    last = fold(tokens[2])
    uses = sum(1 for text in texts for w in text.split() if fold(w.strip(PUNCT)) == last)
    return " ".join(tokens[:2]) if uses <= 1 else None
