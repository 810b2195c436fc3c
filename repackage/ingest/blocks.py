"""Block classification of a plain-text page, the way jusText classifies HTML blocks.

Each line of a scraped page is one block. jusText (with its Arabic stoplist) gives each block a
context-free class from its length and stopword density, and then revises short and near-good
blocks by the class of their neighbours. Before that revision, signals jusText cannot see in
plain text mark a block bad: mostly Latin text inside an Arabic page, a line of glued menu
words, and the well-known chrome prompts of ``chrome.py`` (one weak signal among these).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from repackage.ingest.chrome import is_chrome, is_end_marker, is_inline_box

# jusText's thresholds are tuned for English; Arabic glues conjunctions and prepositions to
# words, so fewer tokens are stopwords and blocks read shorter in characters.
LENGTH_LOW = 50
LENGTH_HIGH = 140
STOPWORDS_LOW = 0.12
STOPWORDS_HIGH = 0.2

_HARAKAT = re.compile(r"[\u064B-\u0652\u0670\u0640]")
_WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+")  # letters, digits, harakat: no ، ؛ ؟
_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
# a sentence's end, maybe followed by the agency's end mark and its editors' initials
# ("… وشديدة”. انتهى", "… . (النهاية) م ع ك / ت ب")
_SENTENCE_END = re.compile(r"[.!؟?…:]['\"”»)\]]*\s*(?:[(/ـ-]*\s*(?:انتهى|النهاية)\s*[)/ـ.-]*"
                           r"(?:\s*[\u0621-\u064a](?=\s|/|$)|\s*/)*)?\s*$")
# Menu bars scrape as words glued together: "NewsletterرسالةEvents", "Linkedinفايبر".
_GLUED_SCRIPTS = re.compile(r"[a-z][\u0621-\u063A\u0641-\u064A]|[\u0621-\u063A\u0641-\u064A][A-Z][a-z]")
_PREFIXES = ("وبال", "وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """jusText's Arabic stoplist, folded like page words."""
    return frozenset(fold_word(w) for w in _raw_stoplist())


@lru_cache(maxsize=1)
def _raw_stoplist() -> frozenset[str]:
    import justext

    return frozenset(justext.get_stoplist("Arabic"))


def fold_word(word: str) -> str:
    """A word with harakat and tatweel removed and alef/yeh/teh-marbuta forms unified."""
    w = _HARAKAT.sub("", word.lower())
    return w.translate(str.maketrans("أإآٱىة", "اااايه"))


def words(text: str) -> list[str]:
    """The folded word tokens of ``text``."""
    return [fold_word(w) for w in _WORD.findall(text)]


def stem(word: str) -> str:
    """A light stem: the word without one leading article or clitic (when enough is left)."""
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            return word[len(p):]
    return word


def content_words(text: str) -> set[str]:
    """Stems of the words of ``text`` that are not stopwords and not single letters."""
    stop = stopwords()
    return {stem(w) for w in words(text) if w not in stop and len(w) > 1 and not w.isdigit()}


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Particles, pronouns, prepositions and time words, folded: the words that carry no topic."""
    from repackage.ingest.lexicon import COMPLEMENTIZERS, FUNCTION_WORDS, PREPOSITIONS, TIME_WORDS

    return frozenset(fold_word(w) for w in FUNCTION_WORDS | PREPOSITIONS | COMPLEMENTIZERS | TIME_WORDS)


def topic_words(text: str) -> set[str]:
    """Stems of every word of ``text`` but function words, single letters and numbers.

    jusText's Arabic stoplist, right for telling prose from chrome, also lists nouns a story
    is about (``رئيس``, ``نادي``, ``الاتحاد``); a headline made only of such nouns shares no
    :func:`content_words` with its lead, and these words tell it apart.
    """
    stop = function_words()
    return {stem(w) for w in words(text) if w not in stop and len(w) > 1 and not w.isdigit()}


def overlap(part: str, whole_words: set[str]) -> float:
    """Share of ``part``'s content words found in ``whole_words``."""
    mine = content_words(part)
    return len(mine & whole_words) / len(mine) if mine else 0.0


@dataclass(frozen=True)
class Block:
    """One line of the page with the features the classification used."""

    text: str
    length: int
    word_count: int
    stop_density: float
    latin_share: float
    sentence_end: bool
    chrome: bool
    end_marker: bool
    inline_box: bool  # a bare "read also" heading, which may sit inside the article
    cf_class: str  # jusText's context-free class: good, neargood, short, bad
    klass: str  # after the neighbour revision: good or bad


def latin_share(text: str) -> float:
    """Share of letters that are Latin."""
    latin = len(_LATIN.findall(text))
    arabic = len(_ARABIC.findall(text))
    return latin / (latin + arabic) if latin + arabic else 0.0


def ends_sentence(text: str) -> bool:
    """True when the line ends like a sentence (full stop, question, exclamation, colon)."""
    return bool(_SENTENCE_END.search(text))


def classify(lines: list[str]) -> list[Block]:
    """Classify each line of a page as ``good`` (article-like) or ``bad`` (boilerplate)."""
    from justext.core import (
        ParagraphMaker,
        classify_paragraphs,
        html_to_dom,
        revise_paragraph_classification,
    )

    if not lines:
        return []
    doc = "<html><body>" + "".join(f"<p>{html.escape(t)}</p>" for t in lines) + "</body></html>"
    paragraphs = ParagraphMaker.make_paragraphs(html_to_dom(doc.encode("utf-8")))
    if len(paragraphs) != len(lines):  # a line jusText could not hold as a block: no revision
        paragraphs = None
    stop = stopwords()
    if paragraphs is not None:
        # jusText matches raw tokens: give it the stoplist as written and as folded
        classify_paragraphs(paragraphs, stop | _raw_stoplist(), LENGTH_LOW, LENGTH_HIGH, STOPWORDS_LOW,
                            STOPWORDS_HIGH, 1.0, True)
    extra = []
    for i, text in enumerate(lines):
        toks = words(text)
        density = sum(t in stop for t in toks) / len(toks) if toks else 0.0
        latin = latin_share(text)
        chrome = is_chrome(text) or (len(toks) <= 5 and bool(_GLUED_SCRIPTS.search(text)))
        end = is_end_marker(text)
        if paragraphs is not None:
            cf = paragraphs[i].cf_class
            if chrome or end or latin > 0.5:
                paragraphs[i].cf_class = "bad"
        else:
            cf = "good" if len(text) >= LENGTH_LOW and density >= STOPWORDS_LOW else "short"
        extra.append((toks, density, latin, chrome, end, cf))
    if paragraphs is not None:
        revise_paragraph_classification(paragraphs, 200)
        classes = [p.class_type for p in paragraphs]
    else:
        classes = ["good" if e[5] == "good" and not (e[3] or e[4]) else "bad" for e in extra]
    return [
        Block(text=t, length=len(t), word_count=len(toks), stop_density=round(density, 3),
              latin_share=round(latin, 3), sentence_end=ends_sentence(t), chrome=chrome,
              end_marker=end, inline_box=end and is_inline_box(t), cf_class=cf, klass="good" if k == "good" else "bad")
        for t, (toks, density, latin, chrome, end, cf), k in zip(lines, extra, classes, strict=True)
    ]


def line_key(text: str) -> str:
    """The folded words of a line, for comparing lines."""
    return " ".join(words(text))


def same_line(a: str, b: str) -> bool:
    """Exact or near duplicates: equal words, one the other's start, or nearly the same words."""
    ka, kb = line_key(a), line_key(b)
    if not ka or not kb:
        return False
    if ka == kb or (min(len(ka), len(kb)) >= 10 and (ka.startswith(kb) or kb.startswith(ka))):
        return True
    wa, wb = set(ka.split()), set(kb.split())
    return len(wa) >= 3 and len(wa & wb) / len(wa | wb) >= 0.8
