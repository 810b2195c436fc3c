"""Words that may belong to a person's name, a title or a clause boundary: single-word tests.

Arabic has no capitals, so whether a word can be part of a name depends on its form (the
article, a glued preposition, a verb's prefix) and on the word after it. These tests are the
ground ``mentions`` and ``roles`` read phrases on.
"""

from __future__ import annotations

from repackage.ingest.lexicon import (
    ARTICLE_NAMES,
    CATEGORY_NOUNS,
    COMPLEMENTIZERS,
    CONSTRUCT_NOUNS,
    FUNCTION_WORDS,
    MARKS,
    NAME_PARTICLES,
    NATIONALITY_ENDINGS,
    OBJECT_PRONOUN_PPS,
    OBJECT_VERBS,
    PREPOSITIONS,
    PUNCT,
    ROLE_HEADS,
    SAYING_NOUNS,
    SPEECH_PARTICIPLES,
    SPEECH_VERBS,
    TIME_WORDS,
    fold,
    is_news_verb,
    is_speech_object,
    unpossessed,
)
from repackage.text.arabic import strip_harakat


def has_article(token: str) -> bool:
    """The word starts with the article ``ال`` (not a hamza-alef and lam, as in ``ألفارو``, nor
    a given name written with those letters, as ``الياس``)."""
    bare = strip_harakat(token.strip(PUNCT))
    return bare.startswith("ال") and fold(bare) not in ARTICLE_NAMES


def bare_word(token: str) -> str:
    """Folded, without the article: the form the word lists hold."""
    f = fold(token)
    return f[2:] if has_article(token) and len(f) > 3 else f


def is_role_head(token: str) -> bool:
    """A title or occupation word (``وزير``, ``المدرب``, ``مديرها``)."""
    b = bare_word(token)
    if b in ROLE_HEADS:
        return True
    return any(base in ROLE_HEADS for base in unpossessed(b))


def ends_clause(token: str) -> bool:
    t = token.rstrip()
    if t.endswith(".") and len(t.strip(PUNCT)) == 1:
        return False  # "د.": an abbreviated title
    return t.endswith(("،", ",", ":", ".", "؛"))


def is_boundary(f: str) -> bool:
    """A folded word that cannot be part of a name phrase (preposition, particle, time word)."""
    return f in PREPOSITIONS or f in COMPLEMENTIZERS or f in TIME_WORDS or f in FUNCTION_WORDS \
        or f in OBJECT_PRONOUN_PPS or f == "يوم"


def is_nationality(f: str) -> bool:
    """A nationality or origin adjective with the article (``البرتغالي``, ``السلوفينية``)."""
    return has_article(f) and len(f) > 5 and f.endswith(NATIONALITY_ENDINGS) and not is_role_head(f)


def is_ali(token: str) -> bool:
    """``علي`` written with ya is the name Ali (the preposition is ``على``)."""
    return strip_harakat(token.strip(PUNCT)) == "علي"


def _family_after(token: str) -> bool:
    """A family name with the article in the form of a nisba (``العاني``, ``الجبوري``)."""
    f = fold(token.strip(PUNCT))
    return has_article(token) and f.endswith("ي") and not is_role_head(token)


def is_name_word(token: str, first: bool, following: str | None = None) -> bool:
    """Could ``token`` be part of a person's name at this place (``following`` is the next word)?"""
    if is_ali(token):
        return True
    core = token.strip(PUNCT)
    if any(m in core for m in MARKS) or (not first and core[:2] in ("لـ", "بـ")):
        return False  # لـ"العربية.نت": a preposition glued to a marked name
    f = fold(token)
    if not f or not any(c.isalpha() for c in f) or f.isdigit() or is_boundary(f):
        return False
    if first and f == "باسم" and following is not None and _family_after(following):
        return True  # "باسم العاني": the first name, not "in the name of"
    ends_name = not first and not has_article(token) and (
        ends_clause(token) or following is not None and is_boundary(fold(following)))
    if (is_role_head(f) or bare_word(f) in CONSTRUCT_NOUNS or bare_word(f) in CATEGORY_NOUNS) \
            and not ends_name:
        return False  # a title word, unless it closes the name (باسل نجم:)
    stripped = f[1:] if f[0] in "وف" else f
    if f in SPEECH_VERBS or stripped in SPEECH_VERBS or f in SPEECH_PARTICIPLES or f in SAYING_NOUNS:
        return False
    if is_news_verb(f):
        return False  # "رئيس الحكومة رفض الحديث": the verb after the subject
    if not first and (f in OBJECT_VERBS or is_speech_object(token)):
        return False  # "وختم فلان حديثه": the speech noun is the verb's object
    if f.startswith("م") and f.endswith("ا") and len(f) >= 5:
        return False  # an adverbial participle (موجها) follows the name
    if f[0] in "لب" and f[1:].startswith("ال") and following is not None and fold(following) in PREPOSITIONS:
        return False  # "بالتطرق إلى": a verbal noun with its preposition
    if f.startswith(("لل", "بال")) and len(f) > 4:
        return False  # "للتلفزيون", "بالعاصمة": a preposition and the article, never a name's start
    if first:
        return True
    if f[0] == "و" and len(f) >= 3 and f not in NAME_PARTICLES and not _family_with_waw(token, f, following):
        return False  # "ونظيره": the conjunction opens the next phrase
    title_follows = following is not None and has_article(following) and is_role_head(following)
    # "بوريطة،", "بوتفليقة كل": a family name that starts like ب/ل and ends in ة closes the name
    closes = f.endswith(("ة", "ها", "ه")) and not f.startswith(("لل", "بال")) \
        and (ends_clause(token) or following is None or is_boundary(fold(following)))
    if f[0] in "لب" and (f[1:].startswith("ال") or f.startswith("لل")
                          or f.endswith(("ه", "ها", "هم", "ة", "ات")) and not title_follows and not closes):
        return False  # لشبكة, بالعاصمة, لنظيره: a preposition glued to a noun ends the name
        # (but "بيير هنري برانديه المتحدث": a title right after it closes a name)
    if f[0] in "لب" and following is not None and has_article(following) and not title_follows:
        return False  # لوسائل الإعلام: a prepositional phrase, not a family name
    # a present-tense verb with its object (شي يحضر قمة) after the name
    return not (f[0] in "يت" and len(f) >= 4 and not ends_clause(token) and (
        following is None or not is_boundary(fold(following))))


def _family_with_waw(token: str, f: str, following: str | None) -> bool:
    """``وهبي``, ``واتسون`` as a family name: no pronoun, article or verb after the و, and the
    name ends there (a clause's end, إن/أن, or a preposition follows), as a joined noun does not."""
    if f.endswith(("ه", "ها", "هم", "هما", "ا")) or has_article(f[1:]) or is_news_verb(f) or len(f) < 4:
        return False  # (an accusative after the name, "واثقا", describes the speaker)
    if is_role_head(f[1:]) or bare_word(f[1:]) in CONSTRUCT_NOUNS:
        return False  # "فلانة ورئيسة اللجنة": a second title joined on
    if ends_clause(token):
        return True
    if following is None:
        return False
    g = fold(following)
    return g in COMPLEMENTIZERS or g in PREPOSITIONS or g[:1] == "ل" and len(g) > 3
