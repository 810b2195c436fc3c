"""Thread planning: from an Article to the posts of one platform. Pure, no I/O.

By default a thread is condensed (:mod:`repackage.thread.condense`): the hook with the link,
each card-worthy quote with its card, the facts that matter, the links, at most ``max_posts``
posts. ``full=True`` gives the whole-article thread instead: the hook, the story in the
article's order cut at sentences (:mod:`repackage.thread.story`) and the links. Every post is
checked against the platform's own counter with the numbering it will carry, and laid out
right-to-left.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import regex

from repackage.errors import ConfigError
from repackage.model import Article
from repackage.thread import compose, counting
from repackage.thread.condense import condensed
from repackage.thread.platforms import Platform
from repackage.thread.posts import (
    ARTICLE_LABEL,
    CREDIT_LABEL,
    EPISODE_LABEL,
    NUMBERINGS,
    PLACEHOLDERS,
    CardRef,
    Draft,
    Media,
    Post,
    ThreadPlan,
    counter,
    finalize,
)
from repackage.thread.story import story

__all__ = ["plan_thread", "CardRef", "Media", "Post", "ThreadPlan", "counter", "finalize",
           "ARTICLE_LABEL", "CREDIT_LABEL", "EPISODE_LABEL", "NUMBERINGS", "PLACEHOLDERS",
           "MAX_POSTS"]

MAX_POSTS = 8
_URL = regex.compile(r"https?://[^\s/$.?#][^\s]*", regex.IGNORECASE)


def plan_thread(
    article: Article,
    platform: Platform,
    *,
    cards: Sequence[CardRef] = (),
    photo_file: str | None = None,
    links: Mapping[str, str | None] | None = None,
    numbering: str = "none",
    hashtags: bool = True,
    full: bool = False,
    max_posts: int = MAX_POSTS,
) -> ThreadPlan:
    """Plan ``article``'s thread for ``platform``.

    ``cards`` are the rendered quote cards, ``photo_file`` the lead photo relative to the
    thread folder (None: no photo attached, so no credit is needed), ``links`` may hold
    ``"article"`` and ``"episode"`` URLs (the article's own ``url`` is used otherwise; unknown
    ones become marked placeholders). ``numbering`` is ``"none"``, ``"western"`` (1/5) or
    ``"arabic"`` (١/٥); the counter is counted in the limit. ``full`` keeps the whole article;
    otherwise the thread is condensed to at most ``max_posts`` posts (2 or more).
    """
    if numbering not in NUMBERINGS:
        raise ConfigError(f"numbering must be one of {', '.join(NUMBERINGS)}, got {numbering!r}")
    if not full and max_posts < 2:
        raise ConfigError(f"max posts must be at least 2 (hook and links), got {max_posts}")
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

        if full:
            drafts = _full(article, platform, fits, cards=cards, photo_file=photo_file,
                           article_url=article_url, episode_url=episode_url, hashtags=hashtags)
        else:
            drafts = condensed(article, platform, fits, cards=cards, photo_file=photo_file,
                               article_url=article_url, episode_url=episode_url,
                               hashtags=hashtags, max_posts=max_posts)
        if numbering == "none" or len(drafts) < 10**width:
            break
        width += 1
    total = len(drafts)
    posts = tuple(
        Post(text=finalize(d.body, counter(i, total, numbering)), media=d.media, kind=d.kind)
        for i, d in enumerate(drafts, start=1)
    )
    return ThreadPlan(platform=platform, posts=posts, placeholders=placeholders,
                      lang=article.lang,
                      links=(("article", article_url), ("episode", episode_url)))


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


def _full(article: Article, platform: Platform, fits: compose.Fits, *,
          cards: Sequence[CardRef], photo_file: str | None, article_url: str | None,
          episode_url: str | None, hashtags: bool) -> list[Draft]:
    """The whole-article thread: hook, every sentence in order, links."""
    credit = compose.credit_line(article)
    return [*compose.hook(article, platform, fits, photo_file, credit, hashtags),
            *story(article, platform, fits, cards, credit),
            *compose.links(article_url, episode_url, fits)]
