"""A title phrase: where it ends (``وزير الخارجية والتعاون الدولي``, ``مدرب فريق النصر``).

A title head governs the nouns after it (``مجلس الوزراء``), takes adjectives (``العام``,
nationality), ``في`` and ``عن`` phrases (``النائب عن حزب …``) and glued prepositional phrases
(``للشؤون الخارجية``); it ends at a clause boundary, a name, the verb's object after a closed
chain (``… النصر الحكم``), a verbal noun with its preposition or where the words were said
(``في تصريحات صحفية``).
"""

from __future__ import annotations

import re

from repackage.ingest.lexicon import (
    COMPLEMENTIZERS,
    CONSTRUCT_NOUNS,
    FUNCTION_WORDS,
    HONORIFICS,
    PREPOSITIONS,
    PUNCT,
    ROLE_ADJECTIVES,
    SPEECH_NOUNS,
    TIME_WORDS,
    fold,
    is_news_verb,
    unpossessed,
)
from repackage.ingest.name_words import (
    bare_word,
    ends_clause,
    has_article,
    is_ali,
    is_name_word,
    is_role_head,
)

_MAX_APPOSITION = 9
_MAX_ROLE = 12
ROLE_LINKS = frozenset({"في", "فى"})
_STOP_IN_ROLE = PREPOSITIONS - ROLE_LINKS


def role_phrase(tokens: list[str], i: int, apposition: bool = False) -> int:
    """Index after the title phrase starting at ``tokens[i]`` (a role head)."""
    j = i + 1
    if ends_clause(tokens[i]):
        return j
    while j < len(tokens) and j - i < (_MAX_APPOSITION if apposition else _MAX_ROLE):
        if (age := _age_group(tokens, j)) and not ends_clause(tokens[j - 1]):
            j += age  # "مدرب المنتخب لأقل من 18 سنة": the team's age group is part of the title
            if ends_clause(tokens[j - 1]):
                break
            continue
        t, f = tokens[j], fold(tokens[j])
        prev = fold(tokens[j - 1])
        if not f:
            break
        # A noun without the article governs the next word (مجلس الوزراء, شركة أوراسكوم).
        takes_next = prev in ROLE_LINKS or prev == "عن" or not has_article(tokens[j - 1]) and (
            bare_word(prev) in CONSTRUCT_NOUNS or is_role_head(prev)
            and (bare_word(t) in CONSTRUCT_NOUNS or _possessed_construct(t))
            or prev[:1] in "لبو" and bare_word(prev[1:]) in CONSTRUCT_NOUNS)
        nxt = tokens[j + 1] if j + 1 < len(tokens) else ""
        represents = f == "عن" and bare_word(nxt) in CONSTRUCT_NOUNS  # النائب عن حزب الوفد
        if (f in _STOP_IN_ROLE and not is_ali(t) and not represents) or f in COMPLEMENTIZERS \
                or f in FUNCTION_WORDS or f in TIME_WORDS:
            break
        if f in ROLE_LINKS and (bare_word(nxt) in SPEECH_NOUNS or fold(nxt) in SPEECH_NOUNS):
            break  # "الوزير في تصريحات صحفية": where the words were said, not the title
        ok = (takes_next or has_article(t) or f in ROLE_LINKS or is_role_head(f) or represents
              or (bare_word(t) in ROLE_ADJECTIVES and not has_article(tokens[j - 1]))
              or (f[0] in "لب" and len(f) > 3 and not is_name_word(t, first=False, following=nxt or None))
              or (f[0] == "و" and has_article(t.strip(PUNCT)[1:]))
              or (f[0] == "و" and len(f) > 3 and f[1:] in CONSTRUCT_NOUNS)  # "والهجرة وشئون المصريين"
              # "وزير الصحة والسكان وإصلاح المستشفيات": a joined noun governing a definite one
              or (f[0] == "و" and len(f) > 3 and not ends_clause(t) and has_article(nxt)
                  and not is_news_verb(t) and not is_news_verb(f[1:]))
              # "نجم ليفربول ومنتخب مصر": a title without the article governs the word after it
              or (j == i + 1 and not has_article(tokens[i]) and not tokens[i].rstrip().endswith(".")
                  and bare_word(tokens[i]) not in HONORIFICS and fold(tokens[i]) not in HONORIFICS)
              or (f[0] in "لب" and bare_word(f[1:]) in CONSTRUCT_NOUNS)
              or apposition)  # an apposition runs to its comma: خبير دولي في الأمن …
        if ok and not apposition and has_article(t) and has_article(tokens[j - 1]) \
                and not is_role_head(tokens[j - 1]) and not takes_next and not _adjective(t):
            break  # "مدرب فريق النصر الحكم …": a definite noun closes the chain; the next is the object
        if f[0] in "لب" and f[1:].startswith("ال") and not ends_clause(t) and fold(nxt) in _STOP_IN_ROLE:
            break  # "مدرب المنتخب بالتطرق إلى …": a verbal noun with its preposition, not the title
        if ok and f[:1] == "ب" and len(f) > 3 and not has_article(f[1:]) and bare_word(f[1:]) not in CONSTRUCT_NOUNS \
                and f not in CONSTRUCT_NOUNS and f not in ROLE_LINKS \
                and has_article(tokens[j - 1]) and fold(tokens[j - 1]).endswith(("ي", "ية", "يه")) \
                and has_article(nxt) and not ends_clause(t):
            break  # "مدرب المنتخب الجزائري بصعوبة الوضعية": after the nisba, the verb's object
        if f == "باسم" and not is_role_head(tokens[j - 1]) and is_name_word(t, first=True, following=nxt or None):
            break  # "الرائد في الشرطة العراقية باسم العاني": a first name, not "in the name of"
        if not ok:
            break
        j += 1
        if ends_clause(t):
            break
    return j


_AGE = re.compile(r"^(?:ل?[أا]قل من|تحت) \d{1,2} (?:سنة|عاما|عامًا|سنه)[،,:.]?$")


def _age_group(tokens: list[str], j: int) -> int:
    """How many tokens from ``j`` make an age group (``لأقل من 18 سنة``, ``تحت 23 عاما``), or 0."""
    for n in (4, 3):
        if _AGE.match(" ".join(tokens[j:j + n])):
            return n
    return 0


def _possessed_construct(token: str) -> bool:
    """``منتخبنا``, ``حكومته``: a governing noun with a possessive pronoun."""
    return any(base in CONSTRUCT_NOUNS for base in unpossessed(fold(token)))


def _adjective(token: str) -> bool:
    """A word with the article that can describe the noun before it (نسبة, a participle, فعيل, عام)."""
    b = bare_word(token)
    return b in ROLE_ADJECTIVES or b.endswith(("ي", "ية", "يه", "يين", "يون", "ين", "ا")) \
        or b.startswith("م") and len(b) > 3 \
        or len(b) == 4 and b[2] == "ي"  # فعيل: السريع, الكبير, الجديد


def honorific_only(role: tuple[str, ...]) -> bool:
    """The title words are all honorifics (``الدكتور``, ``الشيخ``): a form of address, no title."""
    return all(fold(r) in HONORIFICS or fold(r)[2:] in HONORIFICS for r in role)
