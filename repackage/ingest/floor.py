"""Who holds the floor: the speakers in the order they spoke, and the gender their verbs show,
so that ``وأضافت`` goes to the last woman who spoke and ``وتابع`` to the last man."""

from __future__ import annotations

from repackage.ingest.attribution import cue_kind
from repackage.ingest.lexicon import FEMININE_VERBS, fold
from repackage.ingest.speakers import Person


def verb_gender(word: str | None) -> bool | None:
    """True when a speech verb or participle is feminine (قالت, أضافت, قائلة), False when
    masculine (قال, يقول, قائلا), None when it does not say (رددوا, a noun)."""
    if word and cue_kind(word) == "saying":  # "تأكيدها", "قوله": the pronoun says it
        f = fold(word)
        if f.endswith("هم"):
            return None
        return True if f.endswith("ها") else False if f.endswith("ه") else None
    if not word or cue_kind(word) not in ("verb", "participle", "object"):
        return None
    f = fold(word)
    if len(f) > 3 and f[0] in "وف" and cue_kind(f[1:]):
        f = f[1:]
    if f.endswith("وا") or f.endswith("ين"):
        return None
    if f.endswith("ة"):
        return True
    if f.endswith("ت") and (cue_kind(f[:-1]) or f in FEMININE_VERBS):
        return True
    return bool(f[0] == "ت" and cue_kind("ي" + f[1:]))


class Floor:
    """Who has spoken so far, in order, and what their verbs said of their gender."""

    def __init__(self) -> None:
        self.turns: list[Person] = []
        self.feminine: dict[str, bool] = {}

    @property
    def last(self) -> Person | None:
        """The one who spoke last, or None."""
        return self.turns[-1] if self.turns else None

    def give(self, person: Person | None, verb: str | None = None) -> None:
        """``person`` speaks now (introduced by ``verb``)."""
        if person is None:
            return
        gender = verb_gender(verb)
        if gender is not None:
            self.feminine.setdefault(person.name, gender)
        elif person.feminine is not None:
            self.feminine.setdefault(person.name, person.feminine)
        self.turns.append(person)

    def pronoun(self, verb: str | None) -> Person | None:
        """Who ``وأضافت`` / ``وتابع`` means: the last speaker whose gender agrees with the verb."""
        gender = verb_gender(verb)
        if gender is None:
            return self.last
        for person in reversed(self.turns):
            if self.feminine.get(person.name, gender) == gender:
                return person
        return self.last
