"""Building the posts every thread has: the hook, a quote's post with its card, the links.

Pure. ``Fits`` is the platform's check of a post body (counter included); a body too long
for one post is cut line by line, then at words.
"""

from __future__ import annotations

from collections.abc import Sequence

from repackage.model import Article, Quote
from repackage.text.arabic import fold, normalize, trim_at_word
from repackage.thread import rtl
from repackage.thread.hashtags import article_hashtags
from repackage.thread.platforms import Platform
from repackage.thread.posts import (
    ARTICLE_LABEL,
    CREDIT_LABEL,
    EPISODE_LABEL,
    PLACEHOLDERS,
    CardRef,
    Draft,
    Media,
)
from repackage.thread.split import Fits, split_to_fit


def credit_line(article: Article) -> str | None:
    """``الصورة: <credit>`` for the lead photo, or None when it has no credit."""
    credit = article.photo.credit
    if not credit:
        return None
    return f"{CREDIT_LABEL} {rtl.isolate_latin(normalize(credit))}"


def alt_text(text: str, platform: Platform) -> str:
    """``text`` trimmed at a word to the platform's alt-text limit."""
    return trim_at_word(normalize(text), platform.alt_limit)


def headline(article: Article) -> str:
    """The headline laid out for posting."""
    return rtl.tidy_commas(rtl.isolate_latin(normalize(article.title)))


def photo_media(article: Article, platform: Platform, photo_file: str | None
                ) -> tuple[Media, ...]:
    """The lead photo as the hook's image, its caption (or the headline) as alt text."""
    if not photo_file:
        return ()
    return (Media(photo_file, alt_text(article.photo.caption or article.title, platform)),)


def hashtag_line(article: Article, hashtags: bool) -> str:
    """The hook's hashtags on one line ("" when off or none are found)."""
    return " ".join(article_hashtags(article)) if hashtags else ""


def hook(article: Article, platform: Platform, fits: Fits, photo_file: str | None,
         credit: str | None, hashtags: bool) -> list[Draft]:
    """The whole-article thread's first post: headline, photo credit, hashtags when they fit."""
    media = photo_media(article, platform, photo_file)
    lines = [headline(article)]
    if media and credit:
        lines.append(credit)
    tags = hashtag_line(article, hashtags)
    if tags and fits("\n".join([*lines, tags])):
        lines.append(tags)
    return emit("\n".join(lines), media, "hook", fits)


def links(article_url: str | None, episode_url: str | None, fits: Fits) -> list[Draft]:
    """The closing post: the article and the episode, URLs or marked placeholders."""
    lines = [
        f"{ARTICLE_LABEL} {article_url or PLACEHOLDERS['article']}",
        f"{EPISODE_LABEL} {episode_url or PLACEHOLDERS['episode']}",
    ]
    return emit("\n".join(lines), (), "links", fits)


def emit(body: str, media: tuple[Media, ...], kind: str, fits: Fits) -> list[Draft]:
    """``body`` as one draft, or cut line by line (then at words) when it is too long."""
    if fits(body):
        return [Draft(body, media, kind)]
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
    return [Draft(p, media if i == 0 else (), kind) for i, p in enumerate(pieces)]


def card_for(quote: Quote, index: int, cards: Sequence[CardRef]) -> CardRef | None:
    """The card showing ``quote``: same text (tolerantly folded), else same place."""
    folded = fold(quote.text)
    for card in cards:
        if fold(card.quote) == folded:
            return card
    for card in cards:
        if card.index == index:
            return card
    return None


def card_media(quotes: Sequence[Quote], platform: Platform, cards: Sequence[CardRef],
               credit: str | None, card_quotes: Sequence[Quote]) -> tuple[list[Media], bool]:
    """The cards of ``quotes`` as images, and whether the post must name the photo credit.

    A card drawn over the lead photo needs the photo's credit: when the card does not print
    it, the post says it (or, when that would not fit, the card's alt text does).
    """
    media: list[Media] = []
    needs_credit = False
    for quote in quotes:
        index = next((i for i, q in enumerate(card_quotes, start=1) if q is quote), 0)
        card = card_for(quote, index, cards)
        if card is None or len(media) >= platform.max_images:
            continue
        alt = card.alt
        if card.shows_photo and credit and not card.credit_drawn:
            needs_credit = True
            alt = f"{alt} ({credit})"
        media.append(Media(card.file, alt_text(alt, platform)))
    return media, needs_credit


def quote_post(text: str, quotes: Sequence[Quote], platform: Platform, fits: Fits,
               cards: Sequence[CardRef], credit: str | None,
               card_quotes: Sequence[Quote]) -> list[Draft]:
    """The post(s) for ``text`` holding card quotes, with their cards attached."""
    media, needs_credit = card_media(quotes, platform, cards, credit, card_quotes)
    if needs_credit and credit and fits(f"{text}\n{credit}"):
        text = f"{text}\n{credit}"
    if fits(text):
        return [Draft(text, tuple(media), "quote")]
    pieces = split_to_fit(text, fits)
    return [Draft(p, tuple(media) if i == 0 else (), "quote") for i, p in enumerate(pieces)]
