"""Find quotations in an article's body the way a careful editor lists them.

Handles every quote-mark style (``"…"``, ``“…”``, ``«…»``), attribution before
(``وقال شي: "…"``) or after (``"…"، قال شي``), a quote missing its opening or closing mark,
and speakers named in short after a first full mention (``شي`` → ``شي جين بينغ``, role
``الرئيس الصيني``). Short scare-quoted fragments are kept but marked not card-worthy.

Everything here is pure: text in, ``Quote`` records out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from repackage.model import Quote
from repackage.text.arabic import normalize, strip_harakat

# Verbs that introduce reported speech: a quote they introduce stands on its own.
SPEECH_VERBS = frozenset(
    "قال قالت يقول تقول أضاف أضافت يضيف تضيف تابع تابعت صرح صرحت أوضح أوضحت أكد أكدت "
    "شدد شددت ذكر ذكرت كتب كتبت رد ردت علق علقت أعلن أعلنت أجاب أجابت ".split()
)
# Verbs whose quoted object is the speaker's words but only inside the sentence (a fragment).
OTHER_VERBS = frozenset(
    "تعهد تعهدت وعد وعدت دعا دعت حث حثت وصف وصفت اعتبر اعتبرت طالب طالبت حذر حذرت ".split()
)
ROLE_WORDS = frozenset(
    "الرئيس رئيس رئيسة الرئيسة نائب وزير وزيرة المتحدث المتحدثة الناطق الناطقة "
    "الأمين السفير السفيرة الملك الملكة الأمير الأميرة الشيخ السيد السيدة الدكتور "
    "الدكتورة المستشار المستشارة الجنرال اللواء العميد القائد الزعيم زعيم مدير "
    "المدير مديرة المديرة المبعوث المبعوثة المندوب المندوبة البابا المهندس المهندسة "
    "الخبير الخبيرة خبير الباحث الباحثة الأستاذ الأستاذة البروفيسور المحلل المحللة "
    "الكاتب الكاتبة ".split()
)
# Titles that say little on their own: an apposition after the name describes the person better.
HONORIFICS = frozenset("السيد السيدة الدكتور الدكتورة الشيخ الأستاذ الأستاذة".split())
_MAX_APPOSITION = 9
ROLE_LINKS = frozenset(["باسم", "لشؤون", "للشؤون"])
STOP_WORDS = frozenset(
    "يوم في من إلى الى على عن مع أن إن أنه إنه الذي التي الذين خلال بعد قبل حيث "
    "عندما لكن كما و أو ثم قد لقد لم لن هو هي هم بين عبر منذ حتى أمام إذ إذا الأحد "
    "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت مساء صباح اليوم أمس وفقا وفق نقلا "
    "بحسب خلال بينما ".split()
)
# Words with the article that follow a name but are not part of it.
COMMON_AL_WORDS = frozenset(
    "الذي التي الذين اللذين الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت اليوم "
    "الآن الماضي المقبل الحالي الأسبوع الشهر العام الصحفيين للصحفيين الخبراء".split()
)
MIN_CARD_WORDS = 6
_MAX_ATTRIBUTION_GAP = 12  # words between the verb and the quote mark (speaker + apposition)

_PAIRS = {"«": "»", "“": "”", "„": "“"}
_SENTENCE_END = re.compile(r"[.!؟?…؛]")
_TOKEN_STRIP = "،,:؛;.!?؟\"'«»“”()[]"


@dataclass(frozen=True)
class Span:
    """A quoted stretch of a paragraph: ``start``/``end`` index the inner text."""

    start: int
    end: int
    marks: str
    open_mark: int | None  # index of the opening mark, None when it is missing
    close_mark: int | None


def _clean(token: str) -> str:
    return strip_harakat(token.strip(_TOKEN_STRIP))


def _base(token: str) -> str:
    """A token without a leading و/ف conjunction (when what remains is a known word)."""
    t = _clean(token)
    if len(t) > 2 and t[0] in "وف" and (t[1:] in SPEECH_VERBS or t[1:] in OTHER_VERBS):
        return t[1:]
    return t


def find_spans(paragraph: str) -> list[Span]:
    """Quoted spans in ``paragraph``, including ones whose opening or closing mark is missing."""
    spans: list[Span] = []
    i, n = 0, len(paragraph)
    straight: list[int] = []
    while i < n:
        ch = paragraph[i]
        if ch in _PAIRS:
            close = paragraph.find(_PAIRS[ch], i + 1)
            if close == -1:
                spans.append(Span(i + 1, n, ch + _PAIRS[ch], i, None))
                break
            spans.append(Span(i + 1, close, ch + _PAIRS[ch], i, close))
            i = close + 1
            continue
        if ch == '"':
            straight.append(i)
        i += 1
    spans.extend(_pair_straight(paragraph, straight))
    return sorted(spans, key=lambda s: s.start)


def _pair_straight(paragraph: str, marks: list[int]) -> list[Span]:
    spans: list[Span] = []
    if len(marks) % 2 == 1:
        first = marks[0]
        after = paragraph[first + 1:]
        if _attribution_after(after) is not None and '"' not in paragraph[:first]:
            # A closing mark with its opening one missing: the quote runs from the start.
            spans.append(Span(0, first, '"', None, first))
            marks = marks[1:]
        else:
            last = marks[-1]
            spans.append(Span(last + 1, len(paragraph), '"', last, None))
            marks = marks[:-1]
    for a, b in zip(marks[::2], marks[1::2], strict=True):
        spans.append(Span(a + 1, b, '"', a, b))
    return spans


def _attribution_after(text: str) -> tuple[str, list[str]] | None:
    """``(verb, tokens after it)`` when ``text`` (what follows a quote) opens with attribution."""
    m = re.match(r"^[\s،,.]*(\S+)\s*(.*)$", text, re.S)
    if not m:
        return None
    verb = _base(m.group(1))
    if verb not in SPEECH_VERBS:
        return None
    return verb, m.group(2).split()


def _attribution_before(text: str) -> tuple[str, list[str]] | None:
    """``(verb, tokens between verb and quote)`` when ``text`` (before a quote) ends in one."""
    tail = _SENTENCE_END.split(text)[-1]
    tokens = tail.split()
    for back in range(1, min(len(tokens), _MAX_ATTRIBUTION_GAP + 1) + 1):
        verb = _base(tokens[-back])
        if verb in SPEECH_VERBS or verb in OTHER_VERBS:
            return verb, tokens[len(tokens) - back + 1:]
    return None


def _speaker_tokens(tokens: list[str], bounded: bool = False) -> tuple[list[str], list[str]]:
    """Split the words after a speech verb into ``(role tokens, name tokens)``.

    ``bounded`` says the words end at a quote mark, so no verb can follow the name there.
    """
    role: list[str] = []
    i = 0
    if tokens and _clean(tokens[0]) in ROLE_WORDS:
        while i < len(tokens) and (
            _clean(tokens[i]) in ROLE_WORDS or _clean(tokens[i]).startswith("ال")
            or _clean(tokens[i]) in ROLE_LINKS
        ):
            role.append(_clean(tokens[i]))
            if tokens[i].endswith(("،", ",", ":")):
                break
            i += 1
    name: list[str] = []
    last = i
    for j in range(i, len(tokens)):
        tok = tokens[j]
        word = _clean(tok)
        verbs_end = not bounded and not tok.endswith(("،", ",", ":"))
        if not word or not _is_name_word(word, first=not name, verbs_end=verbs_end):
            break
        name.append(word)
        last = j
        if tok.endswith(("،", ",", ":")) or len(name) == 4:
            break
    if bounded and name and tokens[last].endswith(("،", ",")) and (not role or set(role) <= HONORIFICS):
        # "ماهر العلي، أستاذ اقتصاديات الطاقة في جامعة الميناء:": the apposition is the role.
        apposition = [t.strip("،,:") for t in tokens[last + 1:]]
        if (0 < len(apposition) <= _MAX_APPOSITION and tokens[-1].endswith(":")
                and apposition[0] not in STOP_WORDS and apposition[0] not in COMMON_AL_WORDS):
            role = apposition
    return role, name


def _is_name_word(word: str, first: bool = False, verbs_end: bool = True) -> bool:
    if word in STOP_WORDS or word in SPEECH_VERBS or word in OTHER_VERBS or word in ROLE_WORDS:
        return False
    if not any(c.isalpha() for c in word):
        return False
    if first and word.startswith("ال") and len(word) <= 4:
        return False  # الآن, اليوم: too short to be a family name such as الحداد
    if word in COMMON_AL_WORDS:
        return False
    if not first and word[0] in "لب" and (
        word[1:].startswith("ال") or word.startswith("لل") or word.endswith(("ه", "ها", "هم", "ة", "ات"))
    ):
        return False  # لنظيره, بالعاصمة, لقادة: a preposition glued to a noun ends the name
    if verbs_end and not first and word[0] in "يت" and len(word) >= 4:
        return False  # a present-tense verb (يحضر) after the name
    if not first and word[0] == "و" and len(word) >= 3:
        return False  # "وحث": the conjunction opens the next clause
    return not word.isdigit()


@dataclass(frozen=True)
class Person:
    """A full mention of somebody: name tokens and role (e.g. الرئيس الصيني)."""

    name: tuple[str, ...]
    role: str | None


def find_people(texts: list[str]) -> list[Person]:
    """Full mentions introduced by a role (``الرئيس الصيني شي جين بينغ``), in order of appearance."""
    people: list[Person] = []
    for text in texts:
        tokens = text.split()
        i = 0
        while i < len(tokens):
            if _clean(tokens[i]) in ROLE_WORDS and not tokens[i].startswith(("«", '"', "“")):
                role, name = _speaker_tokens(tokens[i:])
                if name:
                    person = Person(tuple(name), " ".join(role) or None)
                    if person.name not in {p.name for p in people}:
                        people.append(person)
                    i += len(role) + len(name)
                    continue
            i += 1
    return people


def resolve(as_written: list[str], people: list[Person]) -> Person:
    """The first full mention whose name contains ``as_written`` (``شي`` in ``شي جين بينغ``)."""
    n = len(as_written)
    for person in people:
        for k in range(len(person.name) - n + 1):
            if list(person.name[k:k + n]) == as_written:
                return person
        m = len(person.name)
        if n > m and tuple(as_written[:m]) == person.name:
            return Person(tuple(as_written), person.role)  # the mention itself was cut short
    return Person(tuple(as_written), None)


def _word_count(text: str) -> int:
    return len([t for t in text.split() if any(c.isalnum() for c in t)])


def extract_quotes(paragraphs: list[str], context: list[str] | None = None) -> tuple[Quote, ...]:
    """Every quotation in ``paragraphs``, in order, with speaker and card-worthiness.

    ``context`` holds other text (title, caption) where speakers may be introduced first.
    """
    people = find_people(list(context or []) + list(paragraphs))
    quotes: list[Quote] = []
    for index, paragraph in enumerate(paragraphs):
        for span in find_spans(paragraph):
            text = normalize(paragraph[span.start:span.end]).strip(" ،,")
            if not text or not any(c.isalpha() for c in text):
                continue
            attribution, verb, tokens = "none", None, []
            if span.open_mark is not None and (found := _attribution_before(paragraph[: span.open_mark])):
                attribution, (verb, tokens) = "before", found
            if (verb is None or verb not in SPEECH_VERBS) and span.close_mark is not None:
                after = _attribution_after(paragraph[span.close_mark + 1:])
                if after is not None:
                    attribution, (verb, tokens) = "after", after
            role_tokens, name = _speaker_tokens(tokens, bounded=attribution == "before") if verb else ([], [])
            speaker = role = as_written = None
            if name and verb in OTHER_VERBS and resolve(name, people).role is None:
                name = []  # "حث الكتلة على": after such verbs an unknown word is the object
            if name:
                as_written = " ".join(name)
                person = resolve(name, people)
                speaker = " ".join(person.name)
                role = " ".join(role_tokens) or person.role
            card_worthy = (
                verb in SPEECH_VERBS and speaker is not None and _word_count(text) >= MIN_CARD_WORDS
            )
            marks = span.marks if span.open_mark is not None and span.close_mark is not None else "unbalanced"
            quotes.append(Quote(
                text=text, speaker=speaker, paragraph=index, card_worthy=card_worthy, role=role,
                as_written=as_written, attribution=attribution if verb else "none", marks=marks,
            ))
    return tuple(quotes)
