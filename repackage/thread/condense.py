"""The condensed thread an editor posts as it is: hook, quotes, a few facts, links. Pure.

Post 1 is the hook (headline, the lead's key sentence, the article link or its placeholder,
the photo with its credit, hashtags when they fit); the last post links the article and the
episode (and carries the hashtags when the hook had no room). Between them, in the article's
order: each card-worthy quote as its own post with its
card (speaker and role as the caption; the strongest first when not all fit), then as many
facts as the ``max_posts`` budget leaves (see :mod:`repackage.thread.selection`). Posts keep
the article's words; a sentence taken from a paragraph that goes on ends with ``…``, and a
quote too long for one post is cut at a word, also marked ``…``.
"""

from __future__ import annotations

from collections.abc import Sequence

from repackage.model import Article, Quote
from repackage.text.arabic import normalize, trim_at_word
from repackage.thread import compose
from repackage.thread.platforms import Platform
from repackage.thread.posts import PLACEHOLDERS, CardRef, Draft
from repackage.thread.salience import content_words
from repackage.thread.selection import (
    Scored,
    is_fact,
    next_fact,
    score_units,
    strongest_quotes,
)
from repackage.thread.split import Fits
from repackage.thread.units import article_units, polish

CONTINUES = " …"


def condensed(article: Article, platform: Platform, fits: Fits, *, cards: Sequence[CardRef],
              photo_file: str | None, article_url: str | None, episode_url: str | None,
              hashtags: bool, max_posts: int) -> list[Draft]:
    """The condensed thread's drafts, at most ``max_posts`` unless the hook or links post
    alone has to be cut in several (a limit far below any platform's)."""
    scored = score_units(article, article_units(article))
    credit = compose.credit_line(article)
    lead = _lead_sentences(scored)
    hook, used = _hook(article, platform, fits, photo_file, credit, hashtags, article_url, lead)
    tags = compose.hashtag_line(article, hashtags)
    closing = compose.links(article_url, episode_url, fits)
    if tags and tags not in hook[0].body and len(closing) == 1 \
            and fits(f"{tags}\n{closing[0].body}"):
        closing[0].body = f"{tags}\n{closing[0].body}"  # no room in the hook: tags close
    budget = max_posts - len(hook) - len(closing)

    middle: list[tuple[tuple[int, int], Draft]] = []
    order = {id(q): s.order for s in scored for q in s.unit.quotes}
    for quote in strongest_quotes(article, scored, budget):
        drafts = _quote_post(quote, platform, fits, cards, credit, article.card_quotes)
        if len(drafts) > budget:
            continue
        budget -= len(drafts)
        key = order.get(id(quote), (len(article.paragraphs), 0))
        middle.extend((key, d) for d in drafts)

    posted = frozenset().union(*(content_words(d.body) for d in [*hook, *(d for _, d in middle)]))
    candidates = [s for s in scored if is_fact(s) and s is not used]
    for group in _facts(candidates, posted, budget, fits):
        middle.append((group[0].order, Draft(_fact_text(group), (), "fact")))
    middle.sort(key=lambda item: item[0])
    return [*hook, *(d for _, d in middle), *closing]


def _lead_sentences(scored: Sequence[Scored]) -> list[Scored]:
    """The lead's fact sentences, best first: the first paragraph that has any."""
    for paragraph in sorted({s.unit.paragraph for s in scored}):
        here = [s for s in scored if s.unit.paragraph == paragraph and is_fact(s)]
        if here:
            return sorted(here, key=lambda s: (-s.score, s.order))
    return []


def _hook(article: Article, platform: Platform, fits: Fits, photo_file: str | None,
          credit: str | None, hashtags: bool, article_url: str | None,
          lead: Sequence[Scored]) -> tuple[list[Draft], Scored | None]:
    """The hook's drafts and the lead sentence it carries (None when none fitted)."""
    media = compose.photo_media(article, platform, photo_file)
    head = [compose.headline(article)]
    tail = [article_url or PLACEHOLDERS["article"]]
    if media and credit:
        tail.append(credit)
    used = None
    for item in lead:
        candidate = [*head, _fact_text([item]), *tail]
        if fits("\n".join(candidate)):
            head, used = candidate[: len(head) + 1], item
            break
    lines = [*head, *tail]
    tags = compose.hashtag_line(article, hashtags)
    if tags and fits("\n".join([*lines, tags])):
        lines.append(tags)
    return compose.emit("\n".join(lines), media, "hook", fits), used


def _quote_post(quote: Quote, platform: Platform, fits: Fits, cards: Sequence[CardRef],
                credit: str | None, card_quotes: Sequence[Quote]) -> list[Draft]:
    """The quote alone with its card, cut at a word (marked …) only when it must be."""
    media, needs_credit = compose.card_media([quote], platform, cards, credit, card_quotes)
    who = "، ".join(x for x in (quote.speaker, quote.role) if x)
    caption = [f"— {polish(who)}"] if who else []
    text = normalize(quote.text)
    if needs_credit and credit and fits("\n".join([f"«{polish(text)}»", *caption, credit])):
        caption.append(credit)  # else the card's alt text names it

    def body(words: str) -> str:
        return "\n".join([f"«{polish(words)}»", *caption])

    if not fits(body(text)) and fits(body(trim_at_word(text, 1))):
        low, high = 1, len(text)  # the longest cut that fits
        while low < high:
            mid = (low + high + 1) // 2
            if fits(body(trim_at_word(text, mid))):
                low = mid
            else:
                high = mid - 1
        text = trim_at_word(text, low)
    if fits(body(text)):
        return [Draft(body(text), tuple(media), "quote")]
    return compose.emit(body(text), tuple(media), "quote", fits)


def _facts(candidates: Sequence[Scored], posted: frozenset[str], budget: int,
           fits: Fits) -> list[list[Scored]]:
    """Facts picked by marginal relevance; neighbours in a paragraph share a post if they fit."""
    groups: list[list[Scored]] = []
    left = list(candidates)
    while left:
        item = next_fact(left, posted)
        if item is None:
            break
        left.remove(item)
        placed = False
        for group in groups:
            merged = sorted([*group, item], key=lambda s: s.order)
            if _adjacent(merged) and fits(_fact_text(merged)):
                group[:] = merged
                placed = True
                break
        if not placed:
            if len(groups) >= budget or not fits(_fact_text([item])):
                continue
            groups.append([item])
        posted = posted | item.words
    return groups


def _adjacent(group: Sequence[Scored]) -> bool:
    return all(a.unit.paragraph == b.unit.paragraph and b.unit.sentence == a.unit.sentence + 1
               for a, b in zip(group, group[1:], strict=False))


def _fact_text(group: Sequence[Scored]) -> str:
    """The sentences as the article has them, ``…`` when their paragraph goes on."""
    text = " ".join(s.unit.text for s in group)
    return text + CONTINUES if not group[-1].unit.last else text
