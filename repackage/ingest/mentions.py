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
    COMPLEMENTIZERS,
    CONSTRUCT_NOUNS,
    EPITHETS,
    HONORIFICS,
    MARKS,
    NAME_PARTICLES,
    PREPOSITIONS,
    PUNCT,
    RANKS,
    fold,
    is_speech_object,
)
from repackage.ingest.name_words import (
    bare_word,
    ends_clause,
    has_article,
    is_boundary,
    is_name_word,
    is_nationality,
    is_role_head,
)
from repackage.ingest.roles import role_phrase

_MAX_BELONGING = 9
_MAX_UNITS = 3  # name units: شي جين بينغ, خالد عبد الكريم ماسا
_MAX_APPOSITION = 9
_MAX_ROLE = 12
_ROLE_LINKS = frozenset({"في", "فى"})
_STOP_IN_ROLE = PREPOSITIONS - _ROLE_LINKS


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


_COMPOUND_TAILS = frozenset({"الدين", "الله", "الرحمن", "الرحيم"})


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
    if i < len(tokens) - 1 and has_article(tokens[i]) and is_role_head(tokens[i]) \
            and not ends_clause(tokens[i]) and not has_article(tokens[i + 1]):
        i += 1  # "مدير الإعلام بالوزارة، السفير فلان الفلاني،": a rank before the name
    for t in tokens[i:i + _MAX_UNITS + 1]:
        if not is_name_word(t, first=not name) or t[:1] in MARKS:
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


def _middle_word(tokens: list[str], i: int) -> bool:
    """``محمد الأمين ترك رئيس …``: a title word with the article between a first name and a
    family name that closes the name is the second part of a compound first name."""
    t = tokens[i]
    if not has_article(t) or ends_clause(t) or not is_role_head(t) or i + 1 >= len(tokens):
        return False
    last = tokens[i + 1]
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    if has_article(last) or is_role_head(last) or not is_name_word(last, first=False, following=after):
        return False
    return ends_clause(last) or after is not None and (is_role_head(after) or fold(after) in COMPLEMENTIZERS)


_RANK_GRADES = frozenset({"اول", "أول", "ثاني", "ركن"})  # "فريق أول", "لواء ركن"


def parse_mention(tokens: list[str]) -> Mention:
    """Read the person described by the words ``tokens`` (as they follow a verb, or a title)."""
    i, role, desc = 0, [], []
    rank = False
    while i < len(tokens):
        f = fold(tokens[i])
        if role and not ends_clause(tokens[i]) and (
                bare_word(tokens[i]) in RANKS or rank and bare_word(tokens[i]) in _RANK_GRADES):
            rank = True  # "رئيس المجلس الفريق أول ركن فلان": the rank before the name, not a title
            i += 1
            continue
        if role and (bare_word(tokens[i]) in HONORIFICS and not ends_clause(tokens[i])
                     or len(f) == 1 and tokens[i].rstrip().endswith(".")):
            i += 1  # "وزير الري الدكتور فلان", "الناقد أ. د. فلان": an honorific, not a new title
            continue
        # "الرائد في الشرطة العراقية فلان": a rank with its service stands as the title
        ranked = not role and bare_word(tokens[i]) in RANKS and i + 1 < len(tokens) and fold(tokens[i + 1]) in _ROLE_LINKS
        if is_role_head(tokens[i]) or ranked:
            j = role_phrase(tokens, i)
            role = [t.strip(PUNCT) for t in tokens[i:j]]
            while len(role) > 1 and (bare_word(role[-1]) in HONORIFICS or bare_word(role[-1]) in RANKS):
                # "… والأمن القومي د. فراس إلياس", "… بالتكليف العميد الركن فلان": the honorific
                # or the rank is not the title
                rank = bare_word(role.pop()) in RANKS
            if len(role) >= 3 and has_article(role[-1]) and is_nationality(fold(role[-1])) \
                    and fold(role[-1]).endswith("ي") and not has_article(role[-2].removeprefix("و")) \
                    and not is_role_head(role[-2]) and bare_word(role[-2]) not in CONSTRUCT_NOUNS \
                    and fold(role[-2])[:1] not in "بل":
                # "مدرب منتخب مصر البرتغالي": after a name the nisba cannot describe, it is the
                # person's origin, not part of the title
                desc.append(role.pop())
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
        if name and fold(t.strip(PUNCT)) in _COMPOUND_TAILS and fold(name[-1]) not in NAME_PARTICLES:
            name.append(t.strip(PUNCT))  # "أحمد عماد الدين": الدين completes its word, not a title
            i += 1
            if ends_clause(t):
                break
            continue
        family = bool(name) and ends_clause(t) and has_article(t) and bare_word(t) in HONORIFICS
        family = family or units == 1 and len(name) == 1 and _middle_word(tokens, i)
        if not particle_next and not family and not is_name_word(t, first=not name, following=following):
            break  # (a form of address ending the name before its comma is a family name: السيد)
        if is_speech_object(t):
            break  # "ليختتم المدرب حديثه": the speech the verb takes, not a name
        opens = t[:1] in MARKS
        if opens and not t.rstrip("،,:").endswith(tuple(MARKS)):
            break  # a quote opens here
        closes = not opens and t.rstrip("،,:")[-1:] in MARKS
        after_particle = bool(name) and fold(name[-1]) in NAME_PARTICLES
        # "علي الرشيد البدر بأن": before إن/أن, a third word with the article is the family's
        closes = ends_clause(t) or following is not None and fold(following) in COMPLEMENTIZERS
        if has_article(t) and name and units > 1 and not after_particle and (
                is_role_head(t) and not family or not closes):
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
    # "النجم المصري فلان لاعب الفريق الأول بنادي …": an epithet with a nationality before the
    # name gives way to the title after it
    one_word = one_word or len(role) == 2 and bare_word(role[0]) in EPITHETS \
        and is_nationality(fold(role[1])) and i < len(tokens) and is_role_head(tokens[i])
    # "الناظر فلان رئيس المقاومة الشعبية …": a one-word title gives way to the office after the name
    one_word = one_word or len(role) == 1 and i < len(tokens) and is_role_head(tokens[i]) \
        and not has_article(tokens[i]) and not ends_clause(tokens[i])
    if name and (not role or one_word or all(fold(r) in HONORIFICS or bare_word(r) in HONORIFICS for r in role)):
        j = i
        if j < len(tokens) and is_role_head(tokens[j]):
            end = role_phrase(tokens, j, apposition=ends_clause(tokens[i - 1]))
            appos = [t.strip(PUNCT) for t in tokens[j:end]]
            if appos and (not one_word or len(appos) > len(role)):
                desc += role if one_word else []
                role, i = appos, end
    if name and not role and i > 0 and tokens[i - 1].rstrip().endswith(("،", ",")):
        role, i = _belonging(tokens, i) or (role, i)
    return Mention(tuple(role), tuple(name), tuple(desc), i)


def _belonging(tokens: list[str], i: int) -> tuple[list[str], int] | None:
    """``فلان، من سكان الحي،`` / ``فلانة، وهي من المكتب الإعلامي …،``: where the person
    belongs, between commas after the name, as their role."""
    j = i + 1 if i < len(tokens) and fold(tokens[i]) in ("وهو", "وهي") else i
    if j >= len(tokens) or fold(tokens[j]) != "من":
        return None
    for k in range(j + 1, min(j + 1 + _MAX_BELONGING, len(tokens))):
        if fold(tokens[k]) in COMPLEMENTIZERS:
            return None
        if tokens[k].rstrip().endswith(("،", ",", ":")):
            if k == j + 1 and fold(tokens[k]).endswith(("ه", "ها", "هم")):
                return None  # "من جهته،", "من جانبها،": for their part, not where they belong
            return [t.strip(PUNCT) for t in tokens[j:k + 1]], k + 1
    return None
