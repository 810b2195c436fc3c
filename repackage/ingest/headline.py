"""The headline among the title-like lines before the body, chosen by how well it matches the lead.

Repeated lines are one candidate (pages print the headline in the title bar and again above the
article); a site-name tail (``… - Site``, ``… | Site``) that the lead does not share is cut off.
Lines that name a picture or are printed twice in a row read as captions, not headlines.
"""

from __future__ import annotations

import re

from repackage.ingest.blocks import (
    Block,
    content_words,
    latin_share,
    line_key,
    overlap,
    same_line,
    topic_words,
)
from repackage.ingest.credits import CAPTION_OPENER, looks_like_caption
from repackage.ingest.lexicon import COMPLEMENTIZERS, MARKS, fold
from repackage.ingest.mentions import parse_mention

MAX_HEADLINE_LEN = 250
MIN_SCORE = 0.2
_WORDS = re.compile(r"[^\W\d_]{2,}")
DECK_DISTANCE = 2  # a deck stands right under its headline

_SUFFIX = re.compile(r"^(.{12,}?)\s+(?:[-–—|]|::)\s+([^-–—|]{2,40})$|^(.{12,}?)\s*\|\s*([^|]{2,40})$")
# words that name a picture, and the ways captions open or describe a scene
PICTURE = re.compile(
    r"صور|أرشيف|ارشيف|ارشيفيه|picture|photo|image"
    rf"|{CAPTION_OPENER.pattern}"
    r"|\s(?:خلال|أثناء|اثناء) (?:لقاء|اجتماع|مؤتمر|المؤتمر|زيارة|زيارته|حفل|مشاركته|مشاركتها|كلمته|كلمتها|جلسة|استقباله)",
    re.I)
_TITLE_MARKS = re.compile(r":|\.\.|؟|\?|!|«|\"|“")
_WORD = re.compile(r"\w+")
_REPEATED = re.compile(r"^(.{3,}?)\s+\1$")  # image alt text and its caption run together
MAX_NAME_WORDS = 6


def names_only(text: str, lead_text: str = "") -> bool:
    """A phrase printed twice on one line, or a short verbless phrase lifted word for word from the lead.

    A name with its title (``the minister X``) under a photo repeats the lead's subject and so
    matches the lead better than the real headline; a headline tells the news in its own words.
    """
    key = " ".join(_WORD.findall(line_key(text)))
    if not key:
        return False
    if _REPEATED.match(key):
        return True
    if lead_text and person_line(text):
        return True  # "الناطق باسم الحكومة فلان" over a lead about them: a label, however spelt
    n = len(key.split())
    return 2 <= n <= MAX_NAME_WORDS and not _TITLE_MARKS.search(text) and bool(lead_text) \
        and f" {key} " in " " + " ".join(_WORD.findall(line_key(lead_text))) + " "


# "القاهرة - وكالة": the place and the outlet that head agency copy, in brackets or not
_PLACE_OUTLET = re.compile(r"^\(?\s*([^\W\d_]+(?: [^\W\d_]+)?)\s*[-–—]\s*([^\W\d_]+(?: [^\W\d_]+){0,2})\s*\)?$")


def place_and_outlet(line: str) -> bool:
    """A short line of two names joined by a dash (``الرباط - وكالة الأنباء``, ``الأهلي - الزمالك``):
    a dateline, or a caption's tag, never a headline."""
    m = _PLACE_OUTLET.match(line.strip())
    return bool(m) and len(line) <= 50 and not PICTURE.search(m.group(2))


def person_line(text: str) -> bool:
    """The whole line is one person's title and name (``الناطق الرسمي باسم الحكومة فلان الفلاني``):
    a label under a photo, not a headline, which tells the news with a verb."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 12 or _TITLE_MARKS.search(text):
        return False
    mention = parse_mention(tokens)
    return bool(mention.name) and bool(mention.role) and mention.end == len(tokens)


def strip_suffix(text: str, lead: set[str], others: frozenset[str] = frozenset(),
                 outside: str = "") -> tuple[str, str | None]:
    """``Headline - Site`` → (headline, tail) when the tail is short and foreign to the article.

    Foreign: the lead shares none of its words, it is in Latin letters, the headline without
    it stands alone on another line of the page, or the tail repeats in the page's chrome
    (``outside``: the folded lines around the article). Two tails (``… - Site | Brand``) go.
    """
    head = text
    for _ in range(2):
        m = _SUFFIX.match(head)
        if not m:
            break
        front, tail = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if len(tail.split()) > 5 or len(front.split()) < 3:
            break
        repeats = bool(line_key(tail)) and outside.count(line_key(tail)) >= 2
        if content_words(tail) & lead and latin_share(tail) <= 0.5 and line_key(front) not in others \
                and not repeats:
            break
        head = front.strip()
    if head == text:
        return text, None
    return head, text[len(head):].strip(" -–—|:")


_CRUMB = re.compile(r"\s+[>»›/]\s+")
_PREFIX = re.compile(r"^([^-–—|:]{2,30}?)\s*[-–—|]\s+(.{12,})$")


def strip_prefix(text: str, others: frozenset[str]) -> tuple[str, str | None]:
    """``Site - Headline`` → (headline, site) when the page prints the site name, or the
    headline without it, on a line of its own."""
    parts = _CRUMB.split(text)
    if len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts[:-1]) and len(parts[-1].split()) >= 3:
        # "جريدة المدى > اخبار وتقارير > Headline": the breadcrumb ends in the page's own title
        return parts[-1].strip(), text[:len(text) - len(parts[-1])].rstrip(" >»›/")
    m = _PREFIX.match(text)
    if not m or len(m.group(1).split()) > 3:
        return text, None
    front, rest = m.group(1).strip(), m.group(2).strip()
    if line_key(front) in others or line_key(rest) in others:
        return rest, front
    return text, None


def _headline_score(text: str, lead: set[str], members: list[int], lead_text: str = "",
                    topics: set[str] | None = None) -> float:
    """How well a line reads as the headline of the lead; ``topics`` (the lead's
    :func:`topic_words`) measures the overlap when stopword-free words found none anywhere."""
    if topics is None:
        score = overlap(text, lead)
    else:
        mine = topic_words(text)
        score = len(mine & topics) / len(mine) if mine else 0.0
    if _TITLE_MARKS.search(text):
        score += 0.15
    if text.rstrip("\"”»' ").endswith("."):
        score -= 0.2
    if "،" in text:
        score -= 0.1
    if names_only(text, lead_text):
        score *= 0.1  # a name is a headline only when nothing else is
    elif captionish(text, members, lead_text):
        score *= 0.3 if PICTURE.search(text) else 0.6
    elif len(members) > 1:
        score += 0.2  # pages print their headline twice (title bar and article head)
    return score


def captionish(text: str, members: list[int], lead_text: str = "") -> bool:
    """Names a picture, names only the lead's subject, or printed twice in a row (alt text, caption)."""
    return bool(PICTURE.search(text)) or names_only(text, lead_text) or any(
        b - a == 1 for a, b in zip(members, members[1:], strict=False))


def choose_headline(blocks: list[Block], meta: list, start: int, lead: set[str], end: int | None = None,
                    lead_text: str = "") -> tuple[str | None, list[int], dict[int, str]]:
    """(headline, indexes of its lines, site names cut per line) among lines before ``start``.

    The cuts map a line to ``("title-suffix" | "title-prefix", the words cut off)``.

    ``end`` is the body's last line: the lines after it count as the page's chrome.
    ``lead_text`` is the lead's own wording, to tell a name lifted from it from a headline.
    """
    chosen = None
    groups: list[tuple[str, list[int]]] = []
    suffixes: dict[int, tuple[str, str]] = {}
    texts: dict[int, str] = {}
    others = frozenset(line_key(blocks[i].text) for i in range(start))
    around = list(range(start)) + list(range((end if end is not None else start) + 1, len(blocks)))
    outside = " | ".join(line_key(blocks[i].text) for i in around)
    for i in range(start):
        b = blocks[i]
        if meta[i] is not None or b.chrome or b.end_marker or b.latin_share > 0.5:
            continue
        if b.word_count < 3 or b.length > MAX_HEADLINE_LEN or looks_like_caption(b.text) \
                or place_and_outlet(b.text) or len(_WORDS.findall(b.text)) < 2:
            continue  # (a counter, "- 2,288,582", has no words)
        if b.text.rstrip().endswith(":") or fold(b.text.split()[0]) in COMPLEMENTIZERS \
                or i and blocks[i - 1].text.rstrip().endswith(":"):
            continue  # "فلان:" then "إنّ هذا المشروع …": a pull quote under its speaker's name
        text, cut = strip_suffix(b.text, lead, others, outside)
        if cut:
            suffixes[i] = ("title-suffix", cut)
        text, cut = strip_prefix(text, others)
        if cut:
            suffixes[i] = ("title-prefix", cut)  # a line has a site name at one end only
        texts[i] = text
        for g in groups:
            if same_line(g[0], text):
                g[1].append(i)
                break
        else:
            groups.append((text, [i]))
    headline_members: list[int] = []
    if groups:
        # no line shares a content word with the lead: its topic nouns decide (jusText's
        # stoplist holds many, so a headline of "club", "president", "union" scores nothing)
        topics = topic_words(lead_text) if lead_text and all(overlap(t, lead) == 0 for t, _ in groups) \
            else None
        scored = [(_headline_score(t, lead, m, lead_text, topics), -m[0], t, m) for t, m in groups]
        score, _, _, headline_members = max(scored)
        # a deck under the headline can match the lead as well: the title just above it wins
        best_first = headline_members[0]
        for s, _, t, m in sorted(scored, key=lambda x: x[3][0]):
            if m[0] < best_first and any(0 < best_first - i <= DECK_DISTANCE for i in m) \
                    and s >= 0.7 * score and not captionish(t, m, lead_text):
                headline_members = m
                break
        if score >= MIN_SCORE or len(groups) == 1:
            # the copy nearest the body is the article's own (the first may carry a section tag)
            chosen = texts[headline_members[-1]]
        else:
            headline_members = []
    return chosen, headline_members, suffixes


LISTED_MATCH = 0.7  # share of a listed line's content words the lead must hold
LISTED_WINDOW = 6  # lines after the article where its own box lists it first


def listed_headline(blocks: list[Block], meta: list, end: int, lead: set[str]) -> int | None:
    """A page that prints no headline above the article often lists the article itself first
    in the box of stories after it: the line there that tells the lead's news in most of its
    words (and clearly more than the others), or None."""
    scored = []
    for i in range(end + 1, min(end + 1 + LISTED_WINDOW, len(blocks))):
        b = blocks[i]
        if meta[i] is not None or b.chrome or b.end_marker or b.sentence_end or b.latin_share > 0.5:
            continue
        if not 4 <= b.word_count <= 25 or len(content_words(b.text)) < 4:
            continue
        scored.append((overlap(b.text, lead), i))
    if not scored:
        return None
    scored.sort(reverse=True)
    best, index = scored[0]
    runner = scored[1][0] if len(scored) > 1 else 0.0
    return index if best >= LISTED_MATCH and best - runner >= 0.15 else None


RESTATED = 0.7  # share of a first line's content words the lead under it repeats
WEAK_TITLE = 0.3  # below this share of the lead's words, a line above the body tells another story


def headline_at_start(blocks: list[Block], body: list[int], start: int, title: str | None) -> bool:
    """The body's first line is the headline: with nothing above the body, a line without a
    full stop (or one that asks, as ``… ماذا عن ترشحه؟``); under a line that shares little with
    the lead (``وكالة الأنباء الليبية``), a short line that the lead under it restates."""
    if len(body) < 2 or body[0] != start or blocks[start].length > MAX_HEADLINE_LEN:
        return False
    first = blocks[start].text
    if title is None:
        return not blocks[start].sentence_end or _asks(first)
    if len(first.split()) > MAX_RESTATED_WORDS:
        return False
    lead = content_words(blocks[body[1]].text)
    if not any(m in first for m in MARKS):
        return overlap(first, lead) >= RESTATED and overlap(title, lead) < WEAK_TITLE
    # "فلان يرد على فلانة… هذا ما قاله عن لقب “…”! ؟": a teaser that exclaims or asks, under a
    # line that shares nothing with the story, told by the paragraphs after it
    story = set().union(*(content_words(blocks[i].text) for i in body[1:1 + TEASER_CONTEXT]))
    teaser = first.rstrip().endswith(("؟", "?", "!")) and not re.search(r"[^.]\.\s", first)
    return teaser and overlap(title, story) < NO_SHARE and overlap(first, story) >= TOLD


MAX_RESTATED_WORDS = 30
TEASER_CONTEXT = 4  # body lines that tell what a teaser headline announces
NO_SHARE = 0.1
TOLD = 0.5


def _asks(line: str) -> bool:
    """The line ends on a question and holds no other sentence: a headline's form."""
    text = line.rstrip()
    return text.endswith(("؟", "?")) and not re.search(r"[^.]\.[^.]", text) and "؟" not in text[:-1]
