"""How an article describes a speaker it does not name (``مصدر أمني``, ``والد الطفل``).

The description runs from the verb's subject to the first boundary word, a quote mark or a
glued preposition, and takes in a short aside between commas that says more of the speaker
(``مصدر، طلب عدم نشر اسمه،``).
"""

from __future__ import annotations

from repackage.ingest.lexicon import (
    COMPLEMENTIZERS,
    MARKS,
    MASDAR_GOVERNORS,
    PREPOSITIONS,
    PUNCT,
    SPEECH_VERBS,
    fold,
    is_news_verb,
)
from repackage.ingest.name_words import (
    ends_clause,
    has_article,
    is_boundary,
    is_name_word,
    is_role_head,
)


def described(tokens: list[str]) -> str | None:
    """The article's own description of an unnamed speaker (``وزارة الصحة العامة``, ``القاضي``)."""
    words: list[str] = []
    for k, t in enumerate(tokens[:6]):
        f = fold(t)
        if not f or is_boundary(f) and f not in ("و",) or any(m in t for m in MARKS) or "ـ" in t:
            break  # "مصدر أمني لـ"…"": the outlet spoken to is not part of the description
        if words and (is_news_verb(f) or f in SPEECH_VERBS):
            break  # "رئيس الحكومة رفض الحديث": the subject ends at its verb
        following = fold(tokens[k + 1]) if k + 1 < len(tokens) else ""
        if words and f[:1] in "لب" and f[1:].startswith("ال") and following in PREPOSITIONS:
            break  # "مدرب المنتخب بالتطرق إلى …": a verbal noun, not the description
        words.append(t.strip(PUNCT))
        if ends_clause(t):
            words += _aside(tokens[k + 1:]) if t.rstrip().endswith(("،", ",")) else []
            break
    return " ".join(words) or None


def _aside(tokens: list[str]) -> list[str]:
    """``مصدر، طلب عدم نشر اسمه،``: a short clause between commas that describes the speaker."""
    words: list[str] = []
    for t in tokens[:5]:
        f = fold(t)
        if not f or is_boundary(f) or is_role_head(t) or f[:1] in "لب" and not words:
            return []
        words.append(t.strip(PUNCT))
        if ends_clause(t):
            return words if t.rstrip().endswith(("،", ",")) and len(words) >= 2 else []
    return []


MAX_DESCRIPTION = 8  # words of a description before the name set after its comma


def named_after(tokens: list[str]) -> tuple[str, str] | None:
    """``أحد السكان، فلان الفلاني، إن …`` / ``صاحب متجر قريب، فلان الفلاني:``: a description,
    then the name between a comma and a comma, a colon or ``إن`` → ``(name, description)``."""
    for k, t in enumerate(tokens[:MAX_DESCRIPTION]):
        if fold(t) in COMPLEMENTIZERS or any(m in t for m in MARKS):
            return None
        if not t.rstrip().endswith(("،", ",")):
            continue
        words = [w.strip(PUNCT) for w in tokens[:k + 1]]
        name: list[str] = []
        for j, w in enumerate(tokens[k + 1:k + 5]):
            following = tokens[k + 2 + j] if k + 2 + j < len(tokens) else None
            if fold(w) in MASDAR_GOVERNORS or not is_name_word(w, first=not name, following=following) \
                    or not name and has_article(w):
                return None
            name.append(w.strip(PUNCT))
            closes = w.rstrip().endswith(("،", ",", ":")) or following is None \
                or fold(following) in COMPLEMENTIZERS
            if closes:
                return (" ".join(name), " ".join(words)) if len(name) >= 2 else None
        return None
    return None
