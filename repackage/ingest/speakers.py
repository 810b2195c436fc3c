"""Who is who in an article: a registry of the people it names, resolving short forms.

The registry keeps every full mention (``mentions.parse_mention``) in order, and resolves what a
later sentence writes: a surname or first name (``كوبر``), or a title alone (``المدرب
الأرجنتيني``, ``الخبير الدولي``) by the words it shares with a known person's title and
description. ``Floor`` keeps who has spoken, so ``وأضاف`` / ``وأضافت`` go to the last speaker
whose gender the verb agrees with.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from repackage.ingest.attribution import cue_kind, words_of
from repackage.ingest.lexicon import NAME_PARTICLES, PUNCT, fold, is_news_verb
from repackage.ingest.marked_names import unmarked, without_speech
from repackage.ingest.mentions import Mention, parse_mention
from repackage.ingest.misspelt_names import mend_misspelt
from repackage.ingest.name_words import (
    bare_word,
    ends_clause,
    has_article,
    is_boundary,
    is_name_word,
    is_nationality,
    is_role_head,
)
from repackage.ingest.roles import honorific_only


@dataclass
class Person:
    """Someone the article names (or describes): full name, title, descriptor words."""

    name: str
    role: str | None = None
    words: frozenset[str] = field(default_factory=frozenset)  # folded title/descriptor words
    feminine: bool | None = None  # what the title's form says (وزيرة, الفنانة), when it says
    seen: list[int] = field(default_factory=list)  # the texts that mention them in full
    role_at: int | None = None  # the text the title was read from
    misprints: list[str] = field(default_factory=list)  # forms of the name the page got wrong

    @property
    def name_tokens(self) -> list[str]:
        """The name's words, folded for comparison (``عبد المهدي`` as one word, as pages also
        write it: ``عبدالمهدي``)."""
        return name_key(self.name.split())


def name_key(words: list[str]) -> list[str]:
    """Folded name words, with ``عبد``/``أبو`` joined to the word they govern."""
    out: list[str] = []
    for w in words:
        f = fold(w)
        if out and out[-1] in _JOINING:
            out[-1] += f
        else:
            out.append(f)
    return out


_JOINING = frozenset({"عبد", "ابو"})


def _content(words) -> set[str]:
    """A title's words for comparing titles: no article, no joining و (``ووزير`` = ``وزير``),
    no feminine ending."""
    out = set()
    for w in words:
        b = bare_word(w)
        if len(b) > 4 and b[0] == "و" and (is_role_head(b[1:]) or bare_word(b[1:]) != b[1:]):
            b = bare_word(b[1:])  # "ووزير الصحة", "والسكان"
        if b and not is_boundary(fold(w)) and len(b) > 1:
            out.add(b.removesuffix("ة").removesuffix("ه"))
    return out


class Registry:
    """People named in full in an article, in order of first mention."""

    def __init__(self, texts: list[str] | None = None) -> None:
        self.people: list[Person] = []
        self.texts: list[str] = list(texts or ())
        self._text_words = [set(name_key(t.split())) for t in self.texts]  # for _salience
        self.at: int | None = None  # the text being read, for "the minister" to mean the latest one
        self.body_from = 0  # texts before this index are the headline and caption

    def add(self, mention: Mention, where: int | None = None) -> Person | None:
        """Record a full mention (a name of two words or more, or a title and a name)."""
        if not mention.name or (len(mention.name) < 2 and not mention.role):
            return None
        name = " ".join(mention.name)
        words = frozenset(_content(mention.role + mention.descriptors))
        role = None if honorific_only(mention.role) else mention.role_text  # "الدكتور" is no title
        for person in self.people:
            if person.name == name:
                outside = person.role_at is not None and person.role_at < self.body_from
                body = where is not None and where >= self.body_from
                if role and (person.role is None or outside and body):
                    # the article's own words title a person over the photo's label
                    person.role, person.role_at = role, where
                person.words = person.words | words
                if where is not None:
                    person.seen.append(where)
                return person
        head = bare_word(mention.role[0]) if mention.role else ""
        person = Person(name, role, words, head.endswith("ة") if head else None,
                        [where] if where is not None else [], where if role else None)
        self.people.append(person)
        return person

    def by_name(self, written: list[str]) -> Person | None:
        """The person whose name contains the words ``written`` (a surname, a first name)."""
        want = name_key(written)
        n = len(want)
        found = [p for p in self.people if any(
            tokens[k:k + n] == want for tokens in [p.name_tokens, *map(str.split, p.misprints)]
            for k in range(len(tokens) - n + 1))]
        # A mention with a title is the careful one; among equals the first full mention wins.
        return next((p for p in found if p.role), found[0] if found else None)

    def by_title(self, words: list[str], recent: Person | None = None) -> Person | None:
        """The person whose title and descriptors share most of ``words`` (``الوزير الفرنسي``)."""
        want = _content(words)
        if not want:
            return None
        origin = {bare_word(w).removesuffix("ة").removesuffix("ه") for w in words
                  if is_nationality(fold(w))}
        if origin:
            # "المدير الفني البرتغالي": a nationality only one known person has is theirs
            alike = [p for p in self.people if origin <= p.words]
            if len(alike) == 1:
                return alike[0]
        best, best_score = None, 0.0
        for person in self.people:
            have = person.words | {w.removesuffix("ة") for w in person.words}
            shared = len(want & have)
            if shared == 0:
                continue
            bonus = (0.1 if person is recent else 0) + self._nearby(person) + self._salience(person)
            score = (shared + bonus) / len(want)
            if score > best_score:
                best, best_score = person, score
        return best if best_score >= 0.5 else None

    def latest(self) -> Person | None:
        """The person named in full last, in the text being read or the one before it: who a
        verb with no subject means when nobody has spoken yet (``حسم الوزير فلان … وقال:``)."""
        if self.at is None:
            return None
        near = [(max(k for k in p.seen if k <= self.at), n) for n, p in enumerate(self.people)
                if any(self.at - 1 <= k <= self.at for k in p.seen)]
        return self.people[max(near)[1]] if near else None

    def _nearby(self, person: Person) -> float:
        """A bonus for a person named in the text being read or the one before it."""
        if self.at is None:
            return 0.0
        return 0.15 if any(self.at - 1 <= k <= self.at for k in person.seen) else 0.0

    def _salience(self, person: Person) -> float:
        """A bonus for a person the article keeps naming: 0.1 for each further text (up to 0.3)
        that writes one of their name words, so a stray phrase read as a name loses a tie."""
        words = {w for w in person.name_tokens if len(w) > 2 and w not in NAME_PARTICLES}
        texts = sum(1 for have in self._text_words if words & have)
        return 0.1 * min(max(texts - 1, 0), 3)

    def mentioned_in(self, tokens: list[str]) -> Person | None:
        """The registered person most of whose name words appear among ``tokens`` (the last
        one named among equals)."""
        words = name_key(tokens)
        found, best = None, 0
        for f in words:
            if len(f) < 3 or f in NAME_PARTICLES or is_nationality(f):
                continue  # "السوري" alone names nobody
            for person in self.people:
                if f in person.name_tokens:
                    shared = len(set(person.name_tokens) & set(words))
                    if shared >= best:
                        found, best = person, shared
        return found

    def is_name(self, text: str) -> bool:
        """``text`` is (part of) a registered person's name."""
        words = text.split()
        return bool(words) and self.by_name(words) is not None


def build_registry(texts: list[str], body_from: int = 0) -> Registry:
    """Every full mention in ``texts``: after each title word, and after each sentence's verb.
    ``texts`` before ``body_from`` are the headline and caption."""
    # "البرتغالي «فلان الفلاني»،": the name, without marks; a quote's own words name nobody
    texts = [without_speech(unmarked(t)) for t in texts]
    registry = Registry(texts)
    registry.body_from = body_from
    for where, text in enumerate(texts):
        tokens = words_of(text)  # "فلان الفلاني ، أنه": the comma is the name's end
        for i, tok in enumerate(tokens):
            if tok.startswith(("«", '"', "“")):
                continue
            starts = is_role_head(tok) and (i == 0 or not is_role_head(tokens[i - 1]))
            # "انتقد الإسباني فلان": after a verb; "الاحتلال التركي استهدف" is an adjective
            nationality = is_nationality(fold(tok)) and fold(tok).endswith("ي") and not ends_clause(tok) \
                and i + 1 < len(tokens) and not has_article(tokens[i + 1]) \
                and (i == 0 or not has_article(tokens[i - 1]) or ends_clause(tokens[i - 1]))
            if starts or nationality:
                # "انتقد الإسباني فلان الفلاني مدرب الفريق": the name follows its nationality
                mention = parse_mention(tokens[i:i + 16])
                registry.add(mention, where)
                if starts and (before := _name_before_title(tokens, i) or _lone_name_before_title(tokens, i)):
                    # "وتحدث فلان الفلاني مدرب النادي": a name, then its title, after the verb
                    registry.add(Mention(mention.role, before, mention.descriptors, 0), where)
            elif cue_kind(tok) in ("verb", "object"):
                registry.add(parse_mention(tokens[i + 1:i + 17]), where)
    _settle_names(registry)
    mend_misspelt(registry)
    return registry


def _settle_names(registry: Registry) -> None:
    """``أثارت الفنانة شيرين عبد الوهاب عاصفة من الجدل`` then ``سألت شيرين عبد الوهاب:``: a
    name read once with a word more than the article writes it elsewhere ends where the other
    mentions end; the one person keeps the title. (A particle after it, ``آل سعود``, is a name.)"""
    for short in list(registry.people):
        key = short.name_tokens
        for long in registry.people:
            extra = long.name.split()[len(short.name.split()):]
            if long is short or len(key) < 2 or long.name_tokens[:len(key)] != key or not extra \
                    or len(long.seen) != 1 or set(short.seen) <= set(long.seen) \
                    or fold(extra[0]) in NAME_PARTICLES:
                continue
            long.name = short.name
            long.seen = sorted(set(long.seen + short.seen))
            registry.people.remove(short)
            break


def _name_before_title(tokens: list[str], i: int) -> tuple[str, ...]:
    """The two words before the title ``tokens[i]`` when they are a name right after the
    sentence's opening verb (``وتحدث فلان الفلاني مدرب …``), else ()."""
    if i < 3:
        return ()
    verb, first, last = tokens[i - 3], tokens[i - 2], tokens[i - 1]
    if ends_clause(first) or ends_clause(last) or has_article(first) or not name_start(tokens, i - 2):
        return ()
    if not is_name_word(last, first=False, following=tokens[i]):
        return ()
    opens = i == 3 or ends_clause(tokens[i - 4])
    # "أهدى فلان الفلاني نجم الفريق": a sentence that opens on a word without the article, not
    # a title or a particle, opens on its verb, whichever verb it is
    verb_like = is_news_verb(verb) or cue_kind(verb) is not None or opens and opening_verb(verb)
    return (first.strip(PUNCT), last.strip(PUNCT)) if verb_like and opens else ()


def opening_verb(token: str) -> bool:
    """A sentence's first word that can be its verb: no article, no title, no particle."""
    f = fold(token)
    return f.isalpha() and 3 <= len(f) <= 6 and not has_article(token) and not is_role_head(token) \
        and not is_boundary(f) and f not in NAME_PARTICLES and not is_nationality(f)


def _lone_name_before_title(tokens: list[str], i: int) -> tuple[str, ...]:
    """``فيريرا مدرب السد: …`` opening a line: one name word, then its title without the article,
    then the colon of a headline that gives the words (a verb opening a line never has one)."""
    if i != 1 or has_article(tokens[i]) or not name_start(tokens, 0) or ends_clause(tokens[0]):
        return ()
    if not any(t.rstrip().endswith(":") for t in tokens[i:i + 5]):
        return ()
    word = tokens[0].strip(PUNCT)
    return (word,) if len(fold(word)) >= 4 and not is_nationality(fold(word)) else ()


def name_start(tokens: list[str], i: int) -> bool:
    """``tokens[i]`` can be a first name standing right before a surname."""
    t = tokens[i]
    f = fold(t)
    if len(f) < 2 or not f.isalpha() or ends_clause(t) or any(m in t for m in '"«»“”'):
        return False
    if has_article(t) or is_boundary(f) or is_role_head(t) or cue_kind(t) is not None:
        return False
    if is_news_verb(t):
        return False  # "وعن اللقاء، تحدث فلان": the sentence's verb, not a first name
    if f[:2] in ("وأ", "وا", "وإ") and f.endswith("ت") and len(f) >= 5:
        return False  # "وأصدرت الشرطة": a joined verb in the feminine, not a first name
    return f not in NAME_PARTICLES or i > 0
