"""The full form of a name an article writes in short: a surname (``سييرا``, ``بن عاشور``) or a
first name (``شيرين``) read back to where the article first gives the whole name, registered.
Pure: the registry's texts in, a person out."""

from __future__ import annotations

from repackage.ingest.attribution import cue_kind, words_of
from repackage.ingest.lexicon import COMPLEMENTIZERS, NAME_PARTICLES, PUNCT, fold
from repackage.ingest.mentions import Mention, parse_mention
from repackage.ingest.name_words import ends_clause, is_name_word, is_role_head
from repackage.ingest.speakers import Person, Registry, name_start

MAX_APPOSITION_WORDS = 6


def apposition_follows(tokens: list[str], k: int) -> bool:
    """A short phrase closed by a comma starts at ``tokens[k]`` (``، متوسط ميدان البرتغال،``)."""
    for j in range(k, min(k + MAX_APPOSITION_WORDS, len(tokens))):
        if tokens[j].rstrip().endswith(("،", ",")):
            return j > k or len(fold(tokens[j])) > 3
        if ends_clause(tokens[j]) or cue_kind(tokens[j]) is not None:
            return False
    return False


def expand(registry: Registry, word: str) -> Person | None:
    """The full name a one-word speaker (``سييرا``, or a surname with its particle, ``بن
    عاشور``) has where the article first gives it (``عبر خوسيه سييرا، مدرب …``, ``أبدى باسم
    مرمر مدرب …``, ``أنّ عياض بن عاشور لم``), registered; None when the article never writes a
    longer form that can be told apart from the words around it."""
    want = [fold(w) for w in word.split()]
    n = len(want)
    if len(want[-1]) < 2 or n == 1 and want[0] in NAME_PARTICLES:
        return None
    for text in registry.texts:
        tokens = words_of(text)
        for k, tok in enumerate(tokens):
            last = k + n - 1
            if k < 1 or last >= len(tokens) or [fold(t) for t in tokens[k:last + 1]] != want \
                    or not name_start(tokens, k - 1) or any(ends_clause(t) for t in tokens[k:last]):
                continue
            first = tokens[k - 1]
            tok = tokens[last]
            after = tokens[last + 1] if last + 1 < len(tokens) else ""
            role_after = is_role_head(after) and not ends_clause(first)
            # the word before the first name opens its clause: in a verb-first sentence it
            # is the verb (عبر / أبدى), so what stands between it and the surname is the name
            verb_first = k >= 2 and (k == 2 or ends_clause(tokens[k - 3]))
            # "على شكوى برونو فيرنانديز، متوسط ميدان البرتغال،": a name set off by the
            # description between commas after it
            apposed = tok.rstrip().endswith(("،", ",")) and apposition_follows(tokens, last + 1)
            subject = k >= 2 and fold(tokens[k - 2]) in COMPLEMENTIZERS  # "أنّ عياض بن عاشور لم"
            if not (role_after or k == 1 or ends_clause(tokens[k - 2]) or verb_first or apposed or subject):
                continue
            mention = parse_mention(tokens[last + 1:last + 14]) if role_after else None
            name = [first.strip(PUNCT)] + [t.strip(PUNCT) for t in tokens[k:last + 1]]
            role = mention.role_text if mention and mention.role and not mention.name else None
            if role is None and tok.rstrip().endswith(("،", ",")):
                appos = parse_mention(tokens[last + 1:last + 14])
                role = appos.role_text if appos.role and not appos.name else None
            return registry.add(Mention(tuple((role or "").split()), tuple(name), (), 0))
    return None


def from_first_name(word: str, registry: Registry) -> Person | None:
    """``تحكي شيرين تفاصيل الواقعة``: the one person whose full name opens with ``word``, as the
    registry knows them or as the article first sets the name off with its description
    (``أطلقتها شيرين سليمان، ولية أمر طالبتين``)."""
    first = fold(word)
    known = [p for p in registry.people if len(p.name_tokens) > 1 and p.name_tokens[0] == first]
    if len(known) == 1:
        return known[0]
    if known:
        return None
    for text in registry.texts:
        tokens = words_of(text)
        for j in range(len(tokens) - 2):
            if fold(tokens[j]) == first and tokens[j + 1].rstrip().endswith(("،", ",")) \
                    and is_name_word(tokens[j + 1], first=False) and apposition_follows(tokens, j + 2):
                return registry.add(Mention((), (word, tokens[j + 1].strip("،,")), (), 0))
    return None
