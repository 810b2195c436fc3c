"""Thread planning: from an Article to the posts of one platform. Pure, no I/O.

A thread is a hook post (the headline, the lead photo with its credit, hashtags), the story in
the article's order cut at sentences, a post for each card-worthy quote carrying its card, and
a closing post linking the article and the episode. Every post is checked against the
platform's own counter with the numbering it will carry, and laid out right-to-left.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from repackage.errors import ConfigError
from repackage.model import Article, Quote
from repackage.text.arabic import fold, normalize, split_sentences, trim_at_word
from repackage.thread import counting, rtl
from repackage.thread.hashtags import article_hashtags
from repackage.thread.platforms import Platform
from repackage.thread.split import QUOTED, Fits, split_to_fit

NUMBERINGS = ("none", "western", "arabic")
_DIGITS = {"western": "0123456789", "arabic": "٠١٢٣٤٥٦٧٨٩"}
PLACEHOLDERS = {"article": "[رابط المقال]", "episode": "[رابط الحلقة]"}
CREDIT_LABEL = "الصورة:"
ARTICLE_LABEL = "اقرأ الخبر كاملًا:"
EPISODE_LABEL = "استمع إلى الحلقة:"
_QUOTE_MARKS = "\"'“”«»„‟‘’"
_LETTER = r"[\p{L}\p{M}]"


@dataclass(frozen=True)
class Media:
    """An image attached to a post: path relative to the thread folder, and its alt text."""

    file: str
    alt: str

    def to_dict(self) -> dict[str, str]:
        """The ``{"file", "alt"}`` form of thread.json."""
        return {"file": self.file, "alt": self.alt}


@dataclass(frozen=True)
class CardRef:
    """A rendered quote card.

    ``quote`` is the text it shows, ``file`` its path relative to the thread folder, ``alt``
    its alt text, ``index`` its 1-based place among the card-worthy quotes (used when the card
    had to shorten the quote), ``shows_photo`` whether the lead photo is its background and
    ``credit_drawn`` whether the photo credit is printed on it.
    """

    quote: str
    file: str
    alt: str
    index: int | None = None
    shows_photo: bool = False
    credit_drawn: bool = False


@dataclass(frozen=True)
class Post:
    """One post: final text (marks and numbering included), images, and its role.

    ``kind`` is ``"hook"``, ``"story"``, ``"quote"`` or ``"links"``.
    """

    text: str
    media: tuple[Media, ...] = ()
    kind: str = "story"


@dataclass(frozen=True)
class ThreadPlan:
    """A platform's posts plus the placeholders an editor still has to fill in."""

    platform: Platform
    posts: tuple[Post, ...]
    placeholders: tuple[str, ...] = ()
    lang: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The thread.json entry for this platform."""
        posts = []
        for post in self.posts:
            m = counting.measure(post.text, self.platform)
            posts.append({
                "text": post.text, "length": m.length, "limit": m.limit,
                "media": [media.to_dict() for media in post.media],
            })
        result: dict[str, Any] = {"posts": posts}
        if self.platform.declares_langs and self.lang:
            result["langs"] = [self.lang]
        return result


@dataclass
class _Draft:
    body: str
    media: tuple[Media, ...] = ()
    kind: str = "story"


def counter(n: int, total: int, numbering: str) -> str:
    """The post counter ``n/total`` in the chosen digits ("" when numbering is "none")."""
    if numbering == "none":
        return ""
    digits = _DIGITS[numbering]
    table = str.maketrans("0123456789", digits)
    return f"{n}/{total}".translate(table)


def finalize(body: str, count: str = "") -> str:
    """The text as posted: every line starting right-to-left, then the counter at the end."""
    return rtl.append_counter(rtl.rtl_lines(body), count)


def plan_thread(
    article: Article,
    platform: Platform,
    *,
    cards: Sequence[CardRef] = (),
    photo_file: str | None = None,
    links: Mapping[str, str | None] | None = None,
    numbering: str = "none",
    hashtags: bool = True,
) -> ThreadPlan:
    """Plan ``article``'s thread for ``platform``.

    ``cards`` are the rendered quote cards, ``photo_file`` the lead photo relative to the
    thread folder (None: no photo attached, so no credit is needed), ``links`` may hold
    ``"article"`` and ``"episode"`` URLs (the article's own ``url`` is used otherwise; unknown
    ones become marked placeholders). ``numbering`` is ``"none"``, ``"western"`` (1/5) or
    ``"arabic"`` (١/٥); the counter is counted in the limit.
    """
    if numbering not in NUMBERINGS:
        raise ConfigError(f"numbering must be one of {', '.join(NUMBERINGS)}, got {numbering!r}")
    links = _checked_links(links)
    article_url = links.get("article") or article.url
    episode_url = links.get("episode")
    placeholders = tuple(
        name for name, url in (("article", article_url), ("episode", episode_url)) if not url
    )
    width = 1
    while True:
        widest = counter(10**width - 1, 10**width - 1, numbering)

        def fits(body: str, _widest: str = widest) -> bool:
            return counting.fits(finalize(body, _widest), platform)

        drafts = _drafts(article, platform, fits, cards=cards, photo_file=photo_file,
                         article_url=article_url, episode_url=episode_url, hashtags=hashtags)
        if numbering == "none" or len(drafts) < 10**width:
            break
        width += 1
    total = len(drafts)
    posts = tuple(
        Post(text=finalize(d.body, counter(i, total, numbering)), media=d.media, kind=d.kind)
        for i, d in enumerate(drafts, start=1)
    )
    return ThreadPlan(platform=platform, posts=posts, placeholders=placeholders,
                      lang=article.lang)


_URL = regex.compile(r"https?://[^\s/$.?#][^\s]*", regex.IGNORECASE)


def _checked_links(links: Mapping[str, str | None] | None) -> dict[str, str | None]:
    """``links`` with ConfigError for an unknown key or something that is not an http(s) URL."""
    out: dict[str, str | None] = {}
    for key, url in (links or {}).items():
        if key not in PLACEHOLDERS:
            raise ConfigError(f"unknown link {key!r} (known: {', '.join(PLACEHOLDERS)})")
        if url is not None and url.strip():
            url = url.strip()
            if not _URL.fullmatch(url):
                raise ConfigError(f"{key} link {url!r} is not an http(s) URL")
            out[key] = url
    return out


def _drafts(
    article: Article, platform: Platform, fits: Fits, *, cards: Sequence[CardRef],
    photo_file: str | None, article_url: str | None, episode_url: str | None, hashtags: bool,
) -> list[_Draft]:
    drafts: list[_Draft] = []
    credit_line = _credit_line(article)
    drafts.extend(_hook(article, platform, fits, photo_file, credit_line, hashtags))
    drafts.extend(_story(article, platform, fits, cards, credit_line))
    link_lines = [
        f"{ARTICLE_LABEL} {article_url or PLACEHOLDERS['article']}",
        f"{EPISODE_LABEL} {episode_url or PLACEHOLDERS['episode']}",
    ]
    drafts.extend(_emit("\n".join(link_lines), (), "links", fits))
    return drafts


def _credit_line(article: Article) -> str | None:
    credit = article.photo.credit
    if not credit:
        return None
    return f"{CREDIT_LABEL} {rtl.isolate_latin(normalize(credit))}"


def _alt(text: str, platform: Platform) -> str:
    """``text`` trimmed at a word to the platform's alt-text limit."""
    return trim_at_word(normalize(text), platform.alt_limit)


def _hook(article: Article, platform: Platform, fits: Fits, photo_file: str | None,
          credit_line: str | None, hashtags: bool) -> list[_Draft]:
    title = rtl.tidy_commas(rtl.isolate_latin(normalize(article.title)))
    media: tuple[Media, ...] = ()
    lines = [title]
    if photo_file:
        alt = article.photo.caption or article.title
        media = (Media(photo_file, _alt(alt, platform)),)
        if credit_line:
            lines.append(credit_line)
    if hashtags:
        tags = " ".join(article_hashtags(article))
        if tags and fits("\n".join([*lines, tags])):
            lines.append(tags)
    return _emit("\n".join(lines), media, "hook", fits)


def _emit(body: str, media: tuple[Media, ...], kind: str, fits: Fits) -> list[_Draft]:
    """``body`` as one draft, or cut line by line (then at words) when it is too long."""
    if fits(body):
        return [_Draft(body, media, kind)]
    pieces: list[str] = []
    current = ""
    for line in body.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if fits(candidate):
            current = candidate
            continue
        if current:
            pieces.append(current)
        if fits(line):
            current = line
        else:
            *full, current = split_to_fit(line, fits)
            pieces.extend(full)
    if current:
        pieces.append(current)
    return [_Draft(p, media if i == 0 else (), kind) for i, p in enumerate(pieces)]


# --- the story -----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Unit:
    text: str
    paragraph: int
    quotes: tuple[Quote, ...] = ()


@functools.lru_cache(maxsize=512)  # the same quotes are sought in every paragraph, per platform
def _quote_pattern(text: str) -> regex.Pattern[str]:
    """Match ``text`` tolerantly: any spacing between words and around punctuation."""
    words = normalize(text).split()
    return regex.compile(r"\s*".join(regex.escape(w) for w in words))


def _find_quote(paragraph: str, quote: Quote) -> tuple[int, int] | None:
    """Span of ``quote`` in ``paragraph``, widened over its quote marks."""
    m = _quote_pattern(quote.text).search(paragraph)
    if not m:
        return None
    start, end = m.start(), m.end()
    j = start
    while j > 0 and paragraph[j - 1] == " ":
        j -= 1
    if j > 0 and paragraph[j - 1] in _QUOTE_MARKS:
        start = j - 1
    j = end
    while j < len(paragraph) and paragraph[j] == " ":
        j += 1
    if j < len(paragraph) and paragraph[j] in _QUOTE_MARKS:
        end = j + 1
    return start, end




def _sentences(paragraph: str, protected: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans of ``paragraph``, merged so that no protected span is cut."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for sentence in split_sentences(paragraph):
        start = paragraph.find(sentence, pos)
        if start < 0:  # a safety net: the paragraph is normalised as the sentences are
            first = spans.pop()[0] if spans else pos
            return [*spans, (first, len(paragraph))]
        spans.append((start, start + len(sentence)))
        pos = start + len(sentence)
    merged: list[tuple[int, int]] = []
    for span in spans:
        if merged and any(a < merged[-1][1] < b for a, b in protected):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged


def _card_for(quote: Quote, index: int, cards: Sequence[CardRef]) -> CardRef | None:
    """The card showing ``quote``: same text (tolerantly folded), else same place."""
    folded = fold(quote.text)
    for card in cards:
        if fold(card.quote) == folded:
            return card
    for card in cards:
        if card.index == index:
            return card
    return None


def _units(article: Article) -> list[_Unit]:
    units: list[_Unit] = []
    card_quotes = list(article.card_quotes)
    located: set[int] = set()
    for index, raw in enumerate(article.paragraphs):
        paragraph = normalize(raw)
        here: list[tuple[int, int, Quote]] = []
        protected: list[tuple[int, int]] = [m.span() for m in QUOTED.finditer(paragraph)]
        for quote in article.quotes:
            span = _find_quote(paragraph, quote)
            if span is None:
                continue
            protected.append(span)
            if quote.card_worthy and id(quote) not in located:
                here.append((*span, quote))
                located.add(id(quote))
        for start, end in _sentences(paragraph, protected):
            inside = [(a, b, q) for a, b, q in here if start <= a and b <= end]
            text = _repair_quotes(paragraph, start, end, inside) if inside else \
                paragraph[start:end]
            units.append(_Unit(_polish(text), index, tuple(q for _, _, q in inside)))
        for quote in card_quotes:
            if id(quote) not in located and quote.paragraph == index:
                located.add(id(quote))
                units.append(_Unit(_polish(_standalone_quote(quote)), index, (quote,)))
    for quote in card_quotes:  # quotes pointing past the body still get their post
        if id(quote) not in located:
            units.append(_Unit(_polish(_standalone_quote(quote)), len(article.paragraphs),
                               (quote,)))
    return units


def _polish(text: str) -> str:
    return rtl.tidy_commas(rtl.isolate_latin(text))


def _standalone_quote(quote: Quote) -> str:
    who = ", ".join(x for x in (quote.speaker, quote.role) if x).replace(", ", "، ")
    text = f"«{normalize(quote.text)}»"
    return f"{text}\n— {who}" if who else text


def _repair_quotes(paragraph: str, start: int, end: int,
                   inside: list[tuple[int, int, Quote]]) -> str:
    """The sentence with each card quote re-marked «…» and its speaker named in full."""
    out: list[str] = []
    pos = start
    for a, b, quote in sorted(inside, key=lambda t: t[0]):
        out.append(paragraph[pos:a])
        out.append(f"«{normalize(quote.text)}»")
        pos = b
    out.append(paragraph[pos:end])
    text = "".join(out)
    for _, _, quote in inside:
        text = _name_speaker(text, quote)
    return " ".join(text.split())


def _name_speaker(text: str, quote: Quote) -> str:
    """Give the short name (``شي``) nearest the quote in full (``شي جين بينغ``), once.

    The nearest mention outside the quote is the attribution; other people who share a word
    with the speaker's name are left alone.
    """
    full, short = quote.speaker, quote.as_written
    if not full or not short or full == short or full in text:
        return text
    pattern = regex.compile(rf"(?<!{_LETTER}){regex.escape(short)}(?!{_LETTER})")
    target = f"«{normalize(quote.text)}»"
    at = text.find(target)
    if at < 0:
        return text
    quoted = [m.span() for m in regex.finditer(r"«[^«»]*»", text)]
    mentions = [m for m in pattern.finditer(text)
                if not any(a <= m.start() < b for a, b in quoted)]
    if not mentions:
        return text

    def distance(m: regex.Match[str]) -> int:
        return at - m.end() if m.end() <= at else m.start() - (at + len(target))

    m = min(mentions, key=distance)
    return text[: m.start()] + full + text[m.end():]


def _story(article: Article, platform: Platform, fits: Fits, cards: Sequence[CardRef],
           credit_line: str | None) -> list[_Draft]:
    """Pack the story into posts: whole paragraphs when they fit, else sentence by sentence."""
    drafts: list[_Draft] = []
    blocks: list[str] = []  # the open post's paragraphs (or paragraph parts)

    def fits_blocks(parts: list[str]) -> bool:
        return fits("\n\n".join(parts))

    def flush() -> None:
        if blocks:
            drafts.append(_Draft("\n\n".join(blocks)))
            blocks.clear()

    groups: dict[int, list[_Unit]] = {}
    for unit in _units(article):
        groups.setdefault(unit.paragraph, []).append(unit)

    for index in sorted(groups):
        group = groups[index]
        whole = " ".join(u.text for u in group)
        if not any(u.quotes for u in group):
            if fits_blocks([*blocks, whole]):
                blocks.append(whole)
                continue
            flush()
            if fits(whole):
                blocks.append(whole)
                continue
        in_paragraph = False  # whether the open post's last block belongs to this paragraph
        for unit in group:
            if unit.quotes:
                flush()
                drafts.extend(_quote_post(unit, platform, fits, cards, credit_line,
                                          article.card_quotes))
                in_paragraph = False
                continue
            if in_paragraph and fits_blocks([*blocks[:-1], f"{blocks[-1]} {unit.text}"]):
                blocks[-1] = f"{blocks[-1]} {unit.text}"
                continue
            if not in_paragraph and blocks and fits_blocks([*blocks, unit.text]):
                blocks.append(unit.text)
                in_paragraph = True
                continue
            flush()
            if fits(unit.text):
                blocks.append(unit.text)
            else:
                *full, last = split_to_fit(unit.text, fits)
                drafts.extend(_Draft(p) for p in full)
                blocks.append(last)
            in_paragraph = True
    flush()
    return drafts


def _quote_post(unit: _Unit, platform: Platform, fits: Fits, cards: Sequence[CardRef],
                credit_line: str | None, card_quotes: Sequence[Quote]) -> list[_Draft]:
    """The post for a sentence holding card quotes, with their cards attached.

    A card drawn over the lead photo needs the photo's credit: when the card does not print
    it, the post says it (or, when that would not fit, the card's alt text does).
    """
    media: list[Media] = []
    needs_credit = False
    for quote in unit.quotes:
        index = next((i for i, q in enumerate(card_quotes, start=1) if q is quote), 0)
        card = _card_for(quote, index, cards)
        if card is None or len(media) >= platform.max_images:
            continue
        alt = card.alt
        if card.shows_photo and credit_line and not card.credit_drawn:
            needs_credit = True
            alt = f"{alt} ({credit_line})"
        media.append(Media(card.file, _alt(alt, platform)))
    text = unit.text
    if needs_credit and credit_line and fits(f"{text}\n{credit_line}"):
        text = f"{text}\n{credit_line}"
    if fits(text):
        return [_Draft(text, tuple(media), "quote")]
    pieces = split_to_fit(text, fits)
    return [_Draft(p, tuple(media) if i == 0 else (), "quote") for i, p in enumerate(pieces)]
