"""Reading a phrase that names someone: title words, name words, descriptors.

Reports write a title first (``وزير الخارجية الفرنسي لوران فابيوس``), or the name first with
its title after it (``وليد الركراكي، مدرب الوداد``, ``منير عقيلة المدير الفني للشرقية``), with
nationality or honorific in front (``الأرجنتيني هيكتور كوبر``, ``المهندس طارق قابيل``). Arabic
has no capitals, so a name is told by where it stands: after a title and its complements (words
with the article, governed nouns, ``في`` phrases), before a clause boundary (a comma, a
preposition, ``إن``, a time word, a participle), at most three name units long.
"""

from __future__ import annotations

from dataclasses import dataclass

from repackage.ingest.lexicon import (
    CATEGORY_NOUNS,
    COMPLEMENTIZERS,
    CONSTRUCT_NOUNS,
    FUNCTION_WORDS,
    HONORIFICS,
    NAME_PARTICLES,
    NATIONALITY_ENDINGS,
    NEWS_VERBS,
    OBJECT_PRONOUN_PPS,
    OBJECT_VERBS,
    PREPOSITIONS,
    PUNCT,
    ROLE_ADJECTIVES,
    ROLE_HEADS,
    SAYING_NOUNS,
    SPEECH_NOUNS,
    SPEECH_PARTICIPLES,
    SPEECH_VERBS,
    TIME_WORDS,
    fold,
    is_speech_object,
)
from repackage.text.arabic import strip_harakat

_MAX_UNITS = 3  # name units: شي جين بينغ, خالد عبد الكريم ماسا
_MAX_APPOSITION = 9
_MAX_ROLE = 12
_POSSESSIVES = ("ها", "هم", "ه")
_ROLE_LINKS = frozenset({"في", "فى"})
_MARKS = '"«»“”„″\''
_STOP_IN_ROLE = PREPOSITIONS - _ROLE_LINKS


def has_article(token: str) -> bool:
    """The word starts with the article ``ال`` (not a hamza-alef and lam, as in ``ألفارو``)."""
    return strip_harakat(token.strip(PUNCT)).startswith("ال")


def bare_word(token: str) -> str:
    """Folded, without the article: the form the word lists hold."""
    f = fold(token)
    return f[2:] if has_article(token) and len(f) > 3 else f


def is_role_head(token: str) -> bool:
    """A title or occupation word (``وزير``, ``المدرب``, ``مديرها``)."""
    b = bare_word(token)
    if b in ROLE_HEADS:
        return True
    return any(b.endswith(p) and b[: -len(p)] in ROLE_HEADS for p in _POSSESSIVES)


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


def _is_ali(token: str) -> bool:
    """``علي`` written with ya is the name Ali (the preposition is ``على``)."""
    return strip_harakat(token.strip(PUNCT)) == "علي"


def is_name_word(token: str, first: bool, following: str | None = None) -> bool:
    """Could ``token`` be part of a person's name at this place (``following`` is the next word)?"""
    if _is_ali(token):
        return True
    core = token.strip(PUNCT)
    if any(m in core for m in _MARKS) or (not first and core[:2] in ("لـ", "بـ")):
        return False  # لـ"العربية.نت": a preposition glued to a marked name
    f = fold(token)
    if not f or not any(c.isalpha() for c in f) or f.isdigit() or is_boundary(f):
        return False
    ends_name = not first and not has_article(token) and (
        ends_clause(token) or following is not None and is_boundary(fold(following)))
    if (is_role_head(f) or bare_word(f) in CONSTRUCT_NOUNS or bare_word(f) in CATEGORY_NOUNS) \
            and not ends_name:
        return False  # a title word, unless it closes the name (باسل نجم:)
    stripped = f[1:] if f[0] in "وف" else f
    if f in SPEECH_VERBS or stripped in SPEECH_VERBS or f in SPEECH_PARTICIPLES or f in SAYING_NOUNS:
        return False
    if f in NEWS_VERBS or stripped in NEWS_VERBS and f[0] in "وف":
        return False  # "رئيس الحكومة رفض الحديث": the verb after the subject
    if not first and (f in OBJECT_VERBS or is_speech_object(token)):
        return False  # "وختم فلان حديثه": the speech noun is the verb's object
    if f.startswith("م") and f.endswith("ا") and len(f) >= 5:
        return False  # an adverbial participle (موجها) follows the name
    if f[0] in "لب" and f[1:].startswith("ال") and following is not None and fold(following) in PREPOSITIONS:
        return False  # "بالتطرق إلى": a verbal noun with its preposition
    if first:
        return True
    if f[0] == "و" and len(f) >= 3:
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


@dataclass(frozen=True)
class Mention:
    """What a phrase says about someone: title words, name words, other descriptors."""

    role: tuple[str, ...] = ()
    name: tuple[str, ...] = ()
    descriptors: tuple[str, ...] = ()
    end: int = 0  # tokens consumed

    @property
    def role_text(self) -> str | None:
        """The title as one string, or None."""
        return " ".join(self.role) or None


def _role_phrase(tokens: list[str], i: int, apposition: bool = False) -> int:
    """Index after the title phrase starting at ``tokens[i]`` (a role head)."""
    j = i + 1
    if ends_clause(tokens[i]):
        return j
    while j < len(tokens) and j - i < (_MAX_APPOSITION if apposition else _MAX_ROLE):
        t, f = tokens[j], fold(tokens[j])
        prev = fold(tokens[j - 1])
        if not f:
            break
        # A noun without the article governs the next word (مجلس الوزراء, شركة أوراسكوم).
        takes_next = prev in _ROLE_LINKS or prev == "عن" or not has_article(tokens[j - 1]) and (
            bare_word(prev) in CONSTRUCT_NOUNS or is_role_head(prev)
            and (bare_word(t) in CONSTRUCT_NOUNS or _possessed_construct(t))
            or prev[:1] in "لب" and bare_word(prev[1:]) in CONSTRUCT_NOUNS)
        nxt = tokens[j + 1] if j + 1 < len(tokens) else ""
        represents = f == "عن" and bare_word(nxt) in CONSTRUCT_NOUNS  # النائب عن حزب الوفد
        if (f in _STOP_IN_ROLE and not _is_ali(t) and not represents) or f in COMPLEMENTIZERS \
                or f in FUNCTION_WORDS or f in TIME_WORDS:
            break
        if f in _ROLE_LINKS and (bare_word(nxt) in SPEECH_NOUNS or fold(nxt) in SPEECH_NOUNS):
            break  # "الوزير في تصريحات صحفية": where the words were said, not the title
        ok = (takes_next or has_article(t) or f in _ROLE_LINKS or is_role_head(f) or represents
              or (bare_word(t) in ROLE_ADJECTIVES and not has_article(tokens[j - 1]))
              or (f[0] in "لب" and len(f) > 3 and not is_name_word(t, first=False, following=nxt or None))
              or (f[0] == "و" and has_article(t.strip(PUNCT)[1:]))
              or (f[0] in "لب" and bare_word(f[1:]) in CONSTRUCT_NOUNS)
              or apposition)  # an apposition runs to its comma: خبير دولي في الأمن …
        if ok and not apposition and has_article(t) and has_article(tokens[j - 1]) \
                and not is_role_head(tokens[j - 1]) and not takes_next and not _adjective(t):
            break  # "مدرب فريق النصر الحكم …": a definite noun closes the chain; the next is the object
        if f[0] in "لب" and not ends_clause(t) and fold(nxt) in _STOP_IN_ROLE:
            break  # "مدرب المنتخب بالتطرق إلى …": a verbal noun with its preposition, not the title
        if not ok:
            break
        j += 1
        if ends_clause(t):
            break
    return j


def _possessed_construct(token: str) -> bool:
    """``منتخبنا``, ``حكومته``: a governing noun with a possessive pronoun."""
    f = fold(token)
    for suffix in ("نا", "ها", "هم", "ه"):
        if f.endswith(suffix) and len(f) > len(suffix) + 2:
            base = f[: -len(suffix)]
            if base in CONSTRUCT_NOUNS or base.endswith("ت") and base[:-1] + "ة" in CONSTRUCT_NOUNS:
                return True
    return False


def _adjective(token: str) -> bool:
    """A word with the article that can describe the noun before it (نسبة, a participle, عام)."""
    b = bare_word(token)
    return b in ROLE_ADJECTIVES or b.endswith(("ي", "ية", "يه", "يين", "يون", "ين", "ا")) \
        or b.startswith("م") and len(b) > 3


def _apposed_name(tokens: list[str], i: int) -> tuple[tuple[str, ...], tuple[str, ...], int]:
    """``وزير الاستخبارات، إيلي كوهين، إنه``: a name set between commas after its title, with
    the nationality written before it (``، السلوفيني فلان،``) and the tokens read."""
    name: list[str] = []
    desc: list[str] = []
    start = i
    while i < len(tokens) - 1 and not ends_clause(tokens[i]) and (
            bare_word(tokens[i]) in HONORIFICS or is_nationality(fold(tokens[i])) and not desc):
        if is_nationality(fold(tokens[i])):
            desc.append(tokens[i].strip(PUNCT))  # "، السلوفيني فلان،": a descriptor, not the name
        i += 1  # "وزير الخارجية، الأمير فيصل بن فرحان،": the honorific is not the name
    for t in tokens[i:i + _MAX_UNITS + 1]:
        if not is_name_word(t, first=not name) or t[:1] in _MARKS:
            return (), (), 0
        name.append(t.strip(PUNCT))
        if ends_clause(t):
            if t.rstrip().endswith(("،", ",", ":")):
                return tuple(name), tuple(desc), i + len(name) - start
            return (), (), 0
    return (), (), 0


def _open_name(tokens: list[str], i: int) -> bool:
    """Two name words start at ``tokens[i]`` (no article on the first): a name follows a comma."""
    return i + 1 < len(tokens) and not has_article(tokens[i]) and is_name_word(tokens[i], first=True) \
        and is_name_word(tokens[i + 1], first=False, following=tokens[i + 2] if i + 2 < len(tokens) else None)


def honorific_only(role: tuple[str, ...]) -> bool:
    """The title words are all honorifics (``الدكتور``, ``الشيخ``): a form of address, no title."""
    return all(fold(r) in HONORIFICS or fold(r)[2:] in HONORIFICS for r in role)


def parse_mention(tokens: list[str]) -> Mention:
    """Read the person described by the words ``tokens`` (as they follow a verb, or a title)."""
    i, role, desc = 0, [], []
    while i < len(tokens):
        f = fold(tokens[i])
        if role and (bare_word(tokens[i]) in HONORIFICS and not ends_clause(tokens[i])
                     or len(f) == 1 and tokens[i].rstrip().endswith(".")):
            i += 1  # "وزير الري الدكتور فلان", "الناقد أ. د. فلان": an honorific, not a new title
            continue
        if is_role_head(tokens[i]):
            j = _role_phrase(tokens, i)
            role = [t.strip(PUNCT) for t in tokens[i:j]]
            while len(role) > 1 and bare_word(role[-1]) in HONORIFICS:
                role.pop()  # "… والأمن القومي د. فراس إلياس": the honorific is not the title
            i = j
            if ends_clause(tokens[j - 1]):
                comma = tokens[j - 1].rstrip().endswith(("،", ","))
                apposed, more, read = _apposed_name(tokens, i) if comma else ((), (), 0)
                if apposed or not comma or not _open_name(tokens, i):
                    return Mention(tuple(role), apposed, tuple(desc) + more, i + read)
                break  # "وزير الصحة، خالد آيت الطالب واثقا": a name after the comma, no comma after it
            continue
        if is_nationality(f) and not role and i + 1 < len(tokens) and not ends_clause(tokens[i]) \
                and is_name_word(tokens[i + 1], first=True) and not has_article(tokens[i + 1]) \
                and not (fold(tokens[i + 1])[:1] in "لب" and has_article(fold(tokens[i + 1])[1:])):
            desc.append(tokens[i].strip(PUNCT))
            i += 1
            continue
        break
    name: list[str] = []
    units = 0
    while i < len(tokens) and units < _MAX_UNITS:
        t = tokens[i]
        f = fold(t)
        particle_next = bool(name) and fold(name[-1]) in NAME_PARTICLES and f.isalpha() \
            and not is_boundary(f)  # آل الشيخ, أبو الفضل: the particle takes any word
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if not particle_next and not is_name_word(t, first=not name, following=following):
            break
        opens = t[:1] in _MARKS
        if opens and not t.rstrip("،,:").endswith(tuple(_MARKS)):
            break  # a quote opens here
        closes = not opens and t.rstrip("،,:")[-1:] in _MARKS
        after_particle = bool(name) and fold(name[-1]) in NAME_PARTICLES
        if has_article(t) and name and units > 1 and not after_particle and (
                is_role_head(t) or not ends_clause(t)):
            break  # a third word with the article is a title (عيد دحروج المتهم من …)
        if has_article(t) and not name and role:
            break
        if role and not name and f[:1] in "لب" and following is not None and fold(following) in PREPOSITIONS:
            break  # "مدرب النادي بغضب عن …": a phrase of manner after the title, not a name
        name.append(t.strip(PUNCT))
        if f not in NAME_PARTICLES and not after_particle:
            units += 1
        i += 1
        if ends_clause(t) or closes:
            break
        if units == _MAX_UNITS and i < len(tokens) and is_name_word(tokens[i], first=False) \
                and not has_article(tokens[i]) and not is_role_head(tokens[i]):
            name.pop()  # "ليلى منصور خطة جديدة": a third word followed by more words is the object
            i -= 1
            break
    if len(name) == 1 and len(role) > 1 and is_role_head(role[-1]) and not has_article(role[-1]) \
            and has_article(role[-2]):
        name.insert(0, role.pop())  # "وزير الاقتصاد أمين سلام": أمين is the first name
    # "المستشار فلان الفلاني، المتحدث باسم …": a one-word title before the name gives way to the
    # title set after it between commas
    one_word = len(role) == 1 and i < len(tokens) and i > 0 and tokens[i - 1].rstrip().endswith(("،", ","))
    if name and (not role or one_word or all(fold(r) in HONORIFICS or bare_word(r) in HONORIFICS for r in role)):
        j = i
        if j < len(tokens) and is_role_head(tokens[j]):
            end = _role_phrase(tokens, j, apposition=ends_clause(tokens[i - 1]))
            appos = [t.strip(PUNCT) for t in tokens[j:end]]
            if appos and (not one_word or len(appos) > 1):
                desc += role if one_word else []
                role, i = appos, end
    return Mention(tuple(role), tuple(name), tuple(desc), i)
