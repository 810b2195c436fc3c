"""Where a quote's speaker is named: the speech verb before or after it, and the words after the verb.

Reports attribute speech before the quote (``وقال شي: "…"``, ``قائلا: "…"``), after it
(``"…"، قال شي``, ``، بحسب قوله``, ``، وفق متابعين ونقاد``), or through a verbal noun
(``ونقل موقع … عن بيسكوف قوله:``). A verb followed by a preposition, a colon or the quote itself
(``وأضاف:``, ``ولفت إلى أن``) names nobody: the speaker is the one already speaking. A plural
verb (``رددوا``) has its subject before it (``إن المتهمين التسعة رددوا``), and so has a verb
in a relative clause on an indefinite noun (``أشار إلى تقرير استخباري أمريكي قال «…»``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from repackage.ingest.lexicon import (
    AFTER_CUES,
    ATTENTION_NOUNS,
    CATEGORY_NOUNS,
    CLAUSE_OPENERS,
    COMPLEMENTIZERS,
    HONORIFIC_PRONOUNS,
    LIST_OPENERS,
    MARKS,
    MASDAR_GOVERNORS,
    MEDIA_NOUNS,
    OBJECT_PRONOUN_PPS,
    OBJECT_VERBS,
    PREPOSITIONS,
    ROLE_ADJECTIVES,
    SAYING_NOUNS,
    SPEECH_PARTICIPLES,
    SPEECH_VERBS,
    TIME_WORDS,
    fold,
    is_publishing_verb,
    is_speech_object,
)
from repackage.ingest.name_words import bare_word, is_role_head

PLACEHOLDER = "\u2063Q"  # stands for another quote inside a stretch of text
_TOKEN = re.compile(r"\S+")
# a word and a comma or colon the page set apart from it ("السيد ،"): one token, as if glued
WORD = re.compile(r"\S+(?:\s+[،,؛:](?=\s|$))?")


def word_of(m: re.Match) -> str:
    """The token a :data:`WORD` match stands for, its detached comma glued back."""
    return "".join(m.group().split())


def words_of(text: str) -> list[str]:
    """The tokens of ``text``, each comma or colon the page set apart glued to its word."""
    return [word_of(m) for m in WORD.finditer(text)]
_SENTENCE_END = re.compile(r"[.!?؟](?!\d)")
_MAX_WINDOW = 16


@dataclass(frozen=True)
class Cue:
    """A word that attributes speech: its kind, the words after it, and the words before it."""

    kind: str  # "verb", "object", "participle", "saying", "after"
    word: str
    window: tuple[str, ...]  # the words that may name the speaker
    before: tuple[str, ...]  # the words of the sentence before the cue
    plural: bool = False


def cue_kind(token: str) -> str | None:
    """``verb``, ``object``, ``participle``, ``saying`` or ``according`` (``بحسب``) for a cue word."""
    f = fold(token)
    if not f:
        return None
    # "ليختتم": لـ before a present verb ("to go on saying") is still the verb of saying
    to = f[1:] if len(f) >= 4 and f[0] == "ل" and f[1] in "يت" and f[1:] in SPEECH_VERBS else ""
    for cand in (f, f[1:] if len(f) >= 3 and f[0] in "وف" else "", to):
        if not cand:
            continue
        if cand in OBJECT_VERBS:
            return "object"
        if cand in SPEECH_VERBS:
            return "verb"
        if cand in SPEECH_PARTICIPLES:
            return "participle"
        if cand in SAYING_NOUNS:
            return "saying"
        if cand in AFTER_CUES:
            return "according"
    return None


def is_sentence_end(text: str, i: int) -> bool:
    """The character at ``i`` ends a sentence (not a decimal point, not an abbreviated title)."""
    ch = text[i]
    if ch not in ".!?؟":
        return False
    if ch == "." and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
        return False
    if ch == "." and i > 0 and text[i - 1].isalpha() and (i == 1 or not text[i - 2].isalnum()):
        return False  # "د. فراس": an abbreviated title
    # "العربية.نت", "إيه.بي.بي": a dot inside a name
    return not (ch == "." and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha())


def sentence_start(text: str, pos: int, masks: list[tuple[int, int]]) -> int:
    """Start of the sentence holding ``pos`` (sentence ends inside quotes do not count)."""
    for i in range(pos - 1, -1, -1):
        if is_sentence_end(text, i) and not any(a <= i < b for a, b in masks):
            return i + 1
    return 0


def masked_tokens(text: str, start: int, end: int, masks: list[tuple[int, int]]) -> list[str]:
    """The words of ``text[start:end]``, each quote in ``masks`` replaced by one placeholder."""
    out: list[str] = []
    for m in WORD.finditer(text, start, end):
        inside = next(((a, b) for a, b in masks if a <= m.start() < b or a < m.end() <= b), None)
        if inside is not None:
            if not out or out[-1] != PLACEHOLDER:
                out.append(PLACEHOLDER)
            continue
        out.append(word_of(m))
    return out


def speaker_window(tokens: list[str], i: int) -> tuple[str, ...]:
    """The words after the cue ``tokens[i]`` that may name the speaker (up to ``إن``, a colon, a quote)."""
    out: list[str] = []
    j = i + 1
    while j < len(tokens) and (fold(tokens[j]) in OBJECT_PRONOUN_PPS or is_speech_object(tokens[j])):
        j += 1  # "رد عليه الراشد", "وختم تصريحاته:": the pronoun is the one answered or speaking
    if j + 1 < len(tokens) and _whole_marked(tokens[j]) and not tokens[j].rstrip().endswith(("،", ",", ":")):
        j += 1  # "أبلغ «الرياضية» الأمير فلان": the outlet told, in marks, before the speaker
    if j < len(tokens) and _to_outlet(tokens[j]):
        # "فقالت لصحيفة “السياسة” الكويتية:": the outlet spoken to, then the speaker if any
        j += 1
        while j < len(tokens) and tokens[j] != PLACEHOLDER and (
                _whole_marked(tokens[j]) or fold(tokens[j]).startswith("ال")) and not tokens[j].endswith(":"):
            j += 1
        if j < len(tokens) and tokens[j].endswith(":") and (_whole_marked(tokens[j]) or fold(tokens[j]).startswith("ال")):
            return ()
    for k in range(j, min(len(tokens) - 1, j + _MAX_WINDOW)):
        if fold(tokens[k]) in _RELAYED and fold(tokens[k + 1]) == "عن":
            j = k + 2  # "وأكدت الوكالة نقلاً عن السفير فلان": the one the agency quotes speaks
            break
    for t in tokens[j:j + _MAX_WINDOW]:
        verbal_noun = bool(out) and fold(out[-1]) in MASDAR_GOVERNORS
        if t == PLACEHOLDER or (cue_kind(t) and not verbal_noun) or fold(t) in COMPLEMENTIZERS:
            break
        if not t.strip(":："):
            break  # "وأضاف :": a colon spaced off the verb ends the window as one glued to it
        if out and is_speech_object(t):
            break  # "وختم كاتب حديثه": the speech is the object, the name is before it
        if out and to_media(t) and not (is_role_head(out[-1]) or fold(out[-1]) in ROLE_ADJECTIVES):
            break  # "تحدث المومني للتلفزيون الأردني": the outlet spoken to, after the speaker
        out.append(t)
        if t.endswith(":"):
            break
    return tuple(out)


def _to_outlet(token: str) -> bool:
    """``لصحيفة``, ``لقناة``, ``لـ"…"``: the outlet a speaker talks to."""
    f = fold(token)
    return f.startswith("لـ") or f[:1] == "ل" and f[1:] in CATEGORY_NOUNS and f[1:] not in ("كلمه", "كلمة")


def to_media(token: str) -> bool:
    """``للتلفزيون``, ``لقناة``: to an outlet (the article or a preposition glued to it)."""
    f = fold(token)
    return f[:1] == "ل" and (f[1:] in MEDIA_NOUNS or (f[:2] == "لل" and f[2:] in MEDIA_NOUNS))


def relays(cue: Cue) -> bool:
    """``، وفق وكالة الأنباء``: an according-to cue that names the outlet carrying the words."""
    return cue.kind == "after" and bool(cue.window) and bare_word(cue.window[0]) in MEDIA_NOUNS


_RELAYED = frozenset({"نقلا", "نقلاً"})


def _whole_marked(token: str) -> bool:
    """The token is one word in quote marks (``«الرياضية»``)."""
    t = token.rstrip("،,:")
    return len(t) > 2 and t[0] in MARKS and t[-1] in MARKS


def cues_before(text: str, pos: int, masks: list[tuple[int, int]]) -> list[Cue]:
    """Speech cues in the sentence before ``pos``, the nearest first."""
    start = sentence_start(text, pos, masks)
    tokens = masked_tokens(text, start, pos, masks)
    cues = []
    for i, t in enumerate(tokens):
        kind = cue_kind(t)
        if kind is None or i > 0 and fold(tokens[i - 1]) in MASDAR_GOVERNORS:
            continue
        if fold(t).endswith("رد") and i + 1 < len(tokens) and fold(tokens[i + 1].strip("،,")) in ("فعل", "الفعل"):
            continue  # "في أول رد فعل": a reaction, not a reply
        if any(fold(w) in ATTENTION_NOUNS for w in tokens[i + 1:i + 4]):
            continue  # "لفتت الكلمة انتباه الصحفي": the verb draws attention, it reports nothing
        if kind == "saying":
            window = _subject_after_an(tokens, i)
        elif kind == "participle":
            window = ()
        else:
            window = speaker_window(tokens, i)
        plural = kind == "verb" and fold(t).endswith("وا")
        if plural:
            window = _subject_before(tokens, i)
        cues.append(Cue(kind, t, window, tuple(tokens[:i]), plural))
    return cues[::-1]


def _subject_after_an(tokens: list[str], i: int) -> tuple[str, ...]:
    """``نقل موقع … عن بيسكوف قوله``: the speaker is the one after the last ``عن``."""
    for j in range(i - 1, max(-1, i - 13), -1):  # "عن الناطق الإعلامي باسم المديرية فلان قوله"
        if fold(tokens[j]) == "عن":
            return tuple(tokens[j + 1:i])
    return ()


def _subject_before(tokens: list[str], i: int) -> tuple[str, ...]:
    """``إن المتهمين التسعة رددوا``: the plural verb's subject stands between إن and the verb."""
    for j in range(i - 1, max(-1, i - 6), -1):
        if fold(tokens[j]) in COMPLEMENTIZERS:
            return tuple(tokens[j + 1:i])
    return ()


# Verbs that, after "هكذا", say how a speaker opened or summed up (``هكذا بدأ فلان مؤتمره``).
_OPENING_VERBS = frozenset(fold(w) for w in "بدأ بدأت افتتح افتتحت لخص لخصت".split())


def cue_after(text: str, pos: int) -> Cue | None:
    """An attribution right after a quote that ends at ``pos``: ``، قال شي``, ``، وفق نقاد``."""
    rest = text[pos:]
    tokens = rest.lstrip(' "”“»،,').split()[:_MAX_WINDOW]
    lead = tokens[1:] if tokens and not tokens[0].strip(".…") else tokens
    if len(lead) > 1 and fold(lead[0]) in ("هكذا", "وهكذا") and (
            cue_kind(lead[1]) == "verb" or fold(lead[1]) in _OPENING_VERBS):
        # "“…”، هكذا قال سانشيز", "«…» .. هكذا بدأ المدرب فلان ندوته": the verb and its speaker follow
        return Cue("verb", lead[1], speaker_window(lead[1:], 0), ())
    else:
        back = tokens[1:] if tokens and tokens[0] in (".", "…") else tokens
        if len(back) > 2 and fold(back[0]) in ("بهذه", "بتلك") and cue_kind(back[2]) == "verb":
            tokens = back[2:]  # "“…”. بهذه الكلمات تقول الطبيبة": the words, then the verb
    if not tokens:
        return None
    if fold(tokens[0]) in ("حسبما", "وفقما", "كما") or (
            cue_kind(tokens[0]) == "according" and len(tokens) > 1 and fold(tokens[1]) in ("ما", "لما")):
        # "حسبما قال الوزير" names the speaker; "بحسب ما نقلت رويترز" only the outlet
        verb = tokens[1] if fold(tokens[0]) in ("حسبما", "وفقما", "كما") else tokens[2:3] and tokens[2]
        said = verb and (cue_kind(verb) == "verb" or fold(verb).endswith("ه")
                         and cue_kind(fold(verb)[:-1]) == "verb")  # قاله, ذكره
        if not said or is_publishing_verb(verb):
            return None
        tokens = tokens[tokens.index(verb):]
        return Cue("verb", verb, speaker_window(tokens, 0), ())
    kind = cue_kind(tokens[0])
    if kind == "verb":
        return Cue("verb", tokens[0], speaker_window(tokens, 0), ())
    if fold(tokens[0]) == "علي" and len(tokens) > 2 and fold(tokens[1]) == "حد":
        return Cue("after", tokens[0], (), ())  # "على حد قوله"
    if kind == "according":
        nxt = [fold(t) for t in tokens[1:3]]
        if nxt and (nxt[0] in SAYING_NOUNS or "قوله" in nxt or "قولها" in nxt):
            return Cue("after", tokens[0], (), ())
        window = []
        for t in tokens[1:7]:
            if _SENTENCE_END.search(t[-1:]) or fold(t) in PREPOSITIONS:
                window.append(t.rstrip(".!؟?"))
                break
            window.append(t)
        return Cue("after", tokens[0], tuple(w for w in window if fold(w)), ())
    return None


def introduces_speech(before: str) -> bool:
    """The clause before a colon introduces direct speech (a speech cue, no ``أن`` after it)."""
    start = sentence_start(before, len(before), [])
    tokens = before[start:].split()
    if tokens and fold(tokens[-1]) in LIST_OPENERS:
        return False  # "الأرقام التالية:", "ثلاثة أمور هي:": a list follows, not speech
    for i in range(len(tokens) - 1, -1, -1):
        f = fold(tokens[i])
        if f in COMPLEMENTIZERS:
            return False
        if cue_kind(tokens[i]) in ("verb", "participle", "saying"):
            return True
    return False


def names_nobody(window: tuple[str, ...]) -> bool:
    """The verb's next words are a preposition, a time word or nothing: a pronoun subject."""
    if not window:
        return True
    f = fold(window[0].strip("،,:"))
    return (f in PREPOSITIONS and f != "علي") or f in TIME_WORDS or f in COMPLEMENTIZERS \
        or f in HONORIFIC_PRONOUNS  # "وقال سموه": his highness, the one who has the floor


def relative_subject(before: tuple[str, ...]) -> str | None:
    """The indefinite noun a bare speech verb describes (``… إلى تقرير استخباري أمريكي صدر
    مؤخرا قال``: ``تقرير استخباري أمريكي``), or None when the verb opens its own clause.

    Arabic joins a clause to an indefinite noun without a relative word, so a verb without
    ``و``/``ف`` in mid-sentence whose subject is not written after it has that noun for its
    subject: the noun right after a preposition or a speech cue, with its adjectives.
    """
    tokens = list(before)
    if tokens and fold(tokens[-1]) in CLAUSE_OPENERS:
        return None  # "… في محاربة الأوبئة حيث قال": a new clause, its subject the sentence's
    for j in range(len(tokens) - 1, max(-1, len(tokens) - 10), -1):
        f = fold(tokens[j])
        if tokens[j].rstrip().endswith(("،", ",", ":", ".")):
            return None
        if f not in PREPOSITIONS and cue_kind(tokens[j]) is None:
            continue
        phrase = tokens[j + 1:]
        if not phrase or not _indefinite_noun(phrase[0]):
            return None
        words = [phrase[0].strip("،,")]
        for t in phrase[1:]:
            g = fold(t)
            if not (_nisba(g) or g.startswith("م") and not g.endswith("ا") and len(g) > 3):
                break
            words.append(t.strip("،,"))
        return " ".join(words)
    return None


def _nisba(f: str) -> bool:
    return len(f) > 3 and not f.startswith("ال") and f.endswith(("ي", "ية", "يون", "يين"))


def _indefinite_noun(token: str) -> bool:
    f = fold(token)
    return (len(f) > 2 and f.isalpha() and not f.startswith(("ال", "لل"))
            and cue_kind(token) is None and f not in PREPOSITIONS and f not in COMPLEMENTIZERS
            and f not in TIME_WORDS and f not in OBJECT_PRONOUN_PPS)
