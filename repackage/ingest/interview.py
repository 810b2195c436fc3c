"""Quotes of an interview (حوار), where the answers carry no marks and no speech verb. Pure.

An interview prints the interviewer's questions (marked ``*``, ``س:`` or ending in ``؟``)
each followed by the answer (often opened by ``-`` or ``ج:``). Every answer is the
interviewee's speech; the lines worth a card are those the outlet itself chose as pull quotes,
in the headline (``الناشط … لـ«الصحيفة»: <pull quote>``) and the standfirst. So an answer
sentence that a pull quote repeats becomes a card-worthy quote of the interviewee, with the
name and title the headline gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from repackage.ingest.lexicon import COMPLEMENTIZERS, fold
from repackage.ingest.mentions import parse_mention
from repackage.ingest.name_words import bare_word, is_boundary
from repackage.model import Quote

MIN_TURNS = 3  # questions each followed by an answer before a page is read as an interview
MAX_QUESTION_WORDS = 70
MIN_ECHO = 0.6  # share of a pull quote's content words an answer sentence must repeat
MIN_SHARED = 4
MIN_SENTENCE_WORDS = 5
MIN_PULL_ECHO = 0.4  # a pull quote must share this much with one answer to be the interviewee's
SAME_QUOTE = 0.8  # word overlap (Jaccard) at which a pull quote and an answer sentence are one
_QUESTION_MARKS = ("*", "•", "س:", "س/", "س :", "س-", "س -", "سؤال:")
_ANSWER_MARKS = ("-", "–", "—", "ج:", "ج/", "ج :", "ج-", "ج -", "جواب:")
# numbered turns: "س1.", "ج 2:", "س3-"
_NUMBERED_QUESTION = re.compile(r"^س\s*\d{1,2}\s*[.:/)\-–]")
_NUMBERED_ANSWER = re.compile(r"^ج\s*\d{1,2}\s*[.:/)\-–]\s*")
_WITH = re.compile(r"^(?:حوار|مقابلة|لقاء)\s+(?:خاص\s+)?مع\s+(?P<who>[^:؟!]{4,120})$")
_TOLD = re.compile(r"^(?P<who>.+?)\s+(?:لـ|ل)\s*[«\"“](?P<outlet>[^»\"”]{1,40})[»\"”]\s*:\s*(?P<pull>.+)$")
_SENTENCE = re.compile(r"[^.!?؟]+[.!?؟]*")
_PULL_SPLIT = re.compile(r"\s+-\s*|\s*[.؟!]\s+|^-\s*")
# First-person verbs of saying and thinking that open an answer's sentence (أقول صراحة أن …).
_FIRST_PERSON = frozenset(fold(w) for w in "أقول نقول أؤكد نؤكد أعتقد نعتقد أرى نرى أظن نظن أعتبر نعتبر".split())


@dataclass(frozen=True)
class Interviewee:
    """Who answers: the name and title the headline gives."""

    name: str
    role: str | None


def is_question(paragraph: str) -> bool:
    """The interviewer's question: marked as one, or a short paragraph ending in ``؟``."""
    text = paragraph.strip()
    if text.startswith(_QUESTION_MARKS) or _NUMBERED_QUESTION.match(text):
        return True
    return text.rstrip(" \"»”").endswith(("؟", "?")) and len(text.split()) <= MAX_QUESTION_WORDS


def answers(paragraphs: list[str]) -> list[int]:
    """Indices of the answer paragraphs when ``paragraphs`` read as an interview, else []."""
    questions = [i for i, p in enumerate(paragraphs) if is_question(p)]
    turns, found = 0, []
    for k, q in enumerate(questions):
        nxt = questions[k + 1] if k + 1 < len(questions) else len(paragraphs)
        block = list(range(q + 1, nxt))
        if block:
            turns += 1
            found.extend(block)
    marked = sum(is_answer_marked(paragraphs[i]) for i in found)
    # questions alone (a list of FAQs, a writer's rhetorical questions) are no interview: the
    # answers must be marked as answers, or questions must be at least a third of the text
    if turns < MIN_TURNS or (marked < MIN_TURNS and len(questions) * 3 < len(paragraphs)):
        return []
    return found


def is_answer_marked(paragraph: str) -> bool:
    """The paragraph opens as an answer (``-``, ``ج:``, ``ج1.``)."""
    text = paragraph.lstrip()
    return text.startswith(_ANSWER_MARKS) or bool(_NUMBERED_ANSWER.match(text))


def interviewee(title: str | None) -> Interviewee | None:
    """The person a headline says spoke to the outlet (``X لـ«الصباح»: …``)."""
    m = _TOLD.match(title or "") or _WITH.match(title or "")
    if not m:
        return None
    mention = parse_mention(m.group("who").split())
    if not mention.name or len(mention.name) < 2:
        return None
    return Interviewee(" ".join(mention.name), mention.role_text)


def pull_quotes(title: str | None, standfirsts: list[str]) -> list[tuple[str, str]]:
    """The outlet's own pull quotes, each with where it stands: the headline after its colon
    (``"headline"``), the standfirst's pieces (``"standfirst"``)."""
    pulls = []
    m = _TOLD.match(title or "")
    if m:
        pulls.append((m.group("pull").strip(), "headline"))
    for line in standfirsts:
        pulls.extend((p.strip(" -–—"), "standfirst") for p in _PULL_SPLIT.split(line)
                     if p and len(p.split()) >= MIN_SENTENCE_WORDS)
    return pulls


def interview_quotes(paragraphs: list[str], title: str | None,
                     standfirsts: list[str]) -> list[Quote]:
    """Card-worthy quotes of an interview: the answer sentences the pull quotes repeat, and the
    pull quotes themselves where they are not just such a sentence printed again."""
    who = interviewee(title)
    found = answers(paragraphs) if who else []
    pulls = [(text, where, _words(text)) for text, where in pull_quotes(title, standfirsts)]
    pulls = [p for p in pulls if len(p[2]) >= MIN_SHARED]
    if not found or not pulls or who is None:
        return []
    quotes, echoes = [], []
    for index in found:
        for sentence in _sentences(paragraphs[index]):
            words = _words(sentence)
            if any(len(words & p) >= max(MIN_SHARED, MIN_ECHO * len(p)) for _, _, p in pulls):
                echoes.append(words)
                quotes.append(Quote(text=sentence, speaker=who.name, paragraph=index,
                                    card_worthy=True, role=who.role, attribution="none",
                                    marks="none"))
    answered = [_words(paragraphs[i]) for i in found]
    for text, where, words in pulls:
        # the outlet's pull is the interviewee's when an answer says much the same
        if max(len(words & a) for a in answered) < MIN_PULL_ECHO * len(words):
            continue
        if any(len(words & e) >= SAME_QUOTE * len(words | e) for e in echoes):
            continue  # printed again word for word: the answer's sentence stands for it
        quotes.append(Quote(text=text, speaker=who.name, paragraph=None, card_worthy=True,
                            role=who.role, attribution="none", marks="none", location=where))
    return quotes


def _words(text: str) -> set[str]:
    """The words a pull quote and its sentence share: folded, without the article or the
    particles every sentence has."""
    out = set()
    for token in text.split():
        f = fold(token)
        if len(f) > 1 and f.isalpha() and not is_boundary(f):
            out.add(bare_word(f))
    return out


def _sentences(paragraph: str) -> list[str]:
    text = _NUMBERED_ANSWER.sub("", paragraph.lstrip(), count=1)
    for mark in _ANSWER_MARKS:
        if text.startswith(mark):
            text = text[len(mark):].lstrip()
            break
    out = []
    for m in _SENTENCE.finditer(text):
        sentence = _after_lead_in(m.group().strip()).rstrip(" .")
        if len(sentence.split()) >= MIN_SENTENCE_WORDS:
            out.append(sentence)
    return out


def _after_lead_in(sentence: str) -> str:
    """``… أقول صراحة أن كل …`` → ``كل …``: the speaker's own "I say that" is not the quote."""
    tokens = sentence.split()
    for i, t in enumerate(tokens[:12]):
        if fold(t) in COMPLEMENTIZERS and any(fold(w) in _FIRST_PERSON for w in tokens[max(0, i - 3):i]):
            return " ".join(tokens[i + 1:])
    return sentence
