"""Where speech without marks ends and where the writer takes the floor back inside a quote."""

from __future__ import annotations

import re

from repackage.ingest.attribution import cue_kind, is_sentence_end
from repackage.ingest.lexicon import NARRATION_OPENERS, SPEECH_PARTICIPLES, fold
from repackage.ingest.name_words import has_article, is_role_head

_TOKEN = re.compile(r"\S+")


def end_of_speech(text: str, start: int) -> int:
    """Where speech that started at ``start`` without marks ends: its sentence, or the writer's cue."""
    end = len(text)
    for i in range(start, len(text)):
        if is_sentence_end(text, i):
            end = i
            break
    for m in _TOKEN.finditer(text, start, end):
        if m.start() - start < 8:
            continue
        f = fold(m.group())
        conj = f[1:] if f[:1] == "و" and len(f) > 3 else ""
        nxt = text[m.end():].split()[:1]
        # "ويتابع العملية": a verb taking a definite object goes on with the speech; the
        # writer's "وتابع الوزير" names the speaker
        takes_object = bool(nxt) and has_article(nxt[0]) and not is_role_head(nxt[0])
        opener = conj in NARRATION_OPENERS or (conj and cue_kind(conj) == "verb" and not takes_object)
        writer = f in SPEECH_PARTICIPLES and text[:m.start()].rstrip().endswith(("،", ","))
        if opener or writer:
            end = m.start()
            break
    return len(text[:end].rstrip(" ،,؛;"))


def writer_tail(text: str) -> int:
    """Index in ``text`` (a quote) where the writer's words begin (``، موضحا أنّهم …``), else len."""
    for m in _TOKEN.finditer(text):
        if m.start() < 8:
            continue
        if fold(m.group()) in SPEECH_PARTICIPLES and text[:m.start()].rstrip().endswith(("،", ",")):
            return len(text[:m.start()].rstrip(" ،,"))
    return len(text)
