"""The person a speech cue names: by name, title, description, or no one (a pronoun)."""

from __future__ import annotations

from repackage.ingest.attribution import Cue, names_nobody
from repackage.ingest.descriptions import described, named_after
from repackage.ingest.full_names import expand, from_first_name
from repackage.ingest.lexicon import NAME_PARTICLES, SPEECH_NOUNS, fold
from repackage.ingest.mentions import parse_mention
from repackage.ingest.name_words import bare_word
from repackage.ingest.roles import honorific_only
from repackage.ingest.speakers import Person, Registry


def resolve_cue(cue: Cue, registry: Registry, last: Person | None) -> tuple[Person | None, str | None]:
    """The person a cue names explicitly, and how the text writes them; None for a pronoun."""
    window = list(cue.window)
    if cue.kind == "participle" or (not cue.plural and names_nobody(cue.window)):
        return None, None
    mention = parse_mention(window)
    role = None if honorific_only(mention.role) else mention.role_text
    if not mention.name and len(mention.role) == 1 and honorific_only(mention.role) \
            and (known := registry.by_name([mention.role[0]])) is not None:
        return known, mention.role[0]  # "وقال السيد": the surname of محمد عبد الستار السيد
    if cue.kind == "according":
        # "وبحسب الوزير، فإن …": only a person the article names is taken for the speaker here
        person = registry.by_name(list(mention.name)) if mention.name else None
        if person is None and mention.role and not mention.name:
            person = registry.by_title(list(mention.role + mention.descriptors), recent=last)
        return (person, " ".join(mention.name or mention.role)) if person else (None, None)
    if not mention.role and (named := named_after(window)) is not None:
        return named_person(named, registry), named[0]  # "أحد السكان، فلان الفلاني، إن"
    if not mention.role and _statement(mention.name):
        return last, None  # "وأضاف البيان": the statement speaks for whoever issued it
    if mention.name:
        written = " ".join(mention.name)
        person = registry.by_name(list(mention.name))
        if person is None and len(mention.name) == 1:
            person = expand(registry, mention.name[0]) or from_first_name(mention.name[0], registry)
        elif len(mention.name) == 2 and fold(mention.name[0]) in NAME_PARTICLES \
                and (person is None or person.name == written and not person.role):
            # "وقد كتب بن عاشور": a surname with its particle, in full where the article first wrote it
            person = expand(registry, written) or person
        if person is not None:
            # "وقال الوزير أخنوش": a one-word title does not replace the full one given earlier
            keep = person.role and (not role or len(role.split()) == 1)
            return Person(person.name, person.role if keep else role, person.words), written
        if cue.kind == "object":
            return None, None  # "حث الكتلة على": after such verbs an unknown word is the object
        text = described(window)
        if cue.kind == "after" or (text and len(text.split()) > len(mention.name) + 1 and not role):
            # "، وفق متابعين ونقاد" / "وقال مصدر، طلب عدم نشر اسمه،": a description, not a name
            return Person(text), text
        return Person(written, role), written
    if mention.role:
        person = registry.by_title(list(mention.role + mention.descriptors), recent=last)
        if person is not None:
            return person, " ".join(mention.role)
    if cue.kind == "object":
        return None, None
    if (named := named_after(window)) is not None:
        return named_person(named, registry), named[0]
    text = described(window)
    if text and _statement(text.split()):
        return last, None
    return (Person(text), text) if text else (None, None)


def _statement(words) -> bool:
    """One or two words that are a statement (``البيان``), not someone who speaks."""
    return 1 <= len(words) <= 2 and bare_word(words[0].strip("،,:")) in SPEECH_NOUNS


def named_person(named: tuple[str, str], registry: Registry) -> Person:
    """The person a description names after its comma, as the registry knows them if it does."""
    name, description = named
    known = registry.by_name(name.split())
    return known if known is not None else Person(name, description)
