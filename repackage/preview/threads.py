"""The Threads section: each platform's posts with their counts and attached images. Pure.

Posts come from the ``<platform>.md`` drafts (what an editor edits and ``thread --check``
reads) and, where a draft is missing, from ``thread.json``. Counts are measured here with
the same functions as ``repackage count``; the page recounts in the browser as one types.
"""

from __future__ import annotations

import posixpath
from typing import Any

from repackage.model import Article
from repackage.preview.gather import Outputs
from repackage.thread.counting import measure
from repackage.thread.platforms import PLATFORM_NAMES, TWITTER_V3, Platform, get_platform


def twitter_config() -> dict[str, Any]:
    """twitter-text's own configuration object for the v3 weighting the project counts with."""
    return {
        "version": TWITTER_V3["version"],
        "maxWeightedTweetLength": TWITTER_V3["max_weighted_tweet_length"],
        "scale": TWITTER_V3["scale"],
        "defaultWeight": TWITTER_V3["default_weight"],
        "emojiParsingEnabled": TWITTER_V3["emoji_parsing_enabled"],
        "transformedURLLength": TWITTER_V3["transformed_url_length"],
        "ranges": [dict(r) for r in TWITTER_V3["ranges"]],
    }


def rules(platform: Platform) -> dict[str, Any]:
    """What the page's counter needs to know about a platform."""
    return {
        "name": platform.name, "label": platform.label, "counter": platform.counter,
        "limit": platform.limit, "byte_limit": platform.byte_limit,
        "url_weight": platform.url_weight, "max_links": platform.max_links,
    }


def _media(items: Any) -> list[dict[str, str]]:
    media = []
    for item in items or ():
        if isinstance(item, dict):
            file, alt = item.get("file"), item.get("alt") or ""
        elif isinstance(item, (list, tuple)) and len(item) == 2:
            file, alt = item
        else:
            continue
        if not isinstance(file, str) or "://" in file:
            continue
        src = posixpath.normpath(posixpath.join("thread", file.replace("\\", "/")))
        if src.startswith("../") or src.startswith("/"):
            continue
        media.append({"file": file, "src": src, "alt": str(alt)})
    return media


def _raw_posts(name: str, outputs: Outputs) -> tuple[list[dict[str, Any]], int | None] | None:
    draft = outputs.drafts.get(name)
    if draft is not None:
        return [{"text": p.text, "media": _media(p.media)} for p in draft.posts], draft.limit
    entry = ((outputs.thread or {}).get("platforms") or {}).get(name)
    if not isinstance(entry, dict) or not isinstance(entry.get("posts"), list):
        return None
    posts = []
    for post in entry["posts"]:
        if isinstance(post, dict) and isinstance(post.get("text"), str):
            posts.append({"text": post["text"], "media": _media(post.get("media"))})
        elif isinstance(post, str):
            posts.append({"text": post, "media": []})
    limit = entry["posts"][0].get("limit") if posts and isinstance(entry["posts"][0], dict) else None
    return posts, limit if isinstance(limit, int) else None


def _recorded(name: str, outputs: Outputs) -> dict[str, dict[str, Any]]:
    """The counts the thread stage recorded in thread.json, by post text."""
    entry = ((outputs.thread or {}).get("platforms") or {}).get(name)
    posts = entry.get("posts") if isinstance(entry, dict) else None
    found: dict[str, dict[str, Any]] = {}
    for post in posts if isinstance(posts, list) else ():
        if not isinstance(post, dict) or not isinstance(post.get("text"), str):
            continue
        length, limit, ok, problems = (post.get(k) for k in ("length", "limit", "ok", "problems"))
        if (isinstance(length, int) and isinstance(limit, int) and isinstance(ok, bool)
                and isinstance(problems, list) and all(isinstance(p, str) for p in problems)):
            found[post["text"]] = {"length": length, "limit": limit, "ok": ok,
                                   "problems": list(problems)}
    return found


def _rows(text: str, per_line: int = 38) -> int:
    # a starting height for browsers that cannot size a text box to its content
    return min(14, sum(1 + len(line) // per_line for line in text.split("\n")))


def plan_threads(article: Article, outputs: Outputs) -> dict[str, Any]:
    """One entry per platform that has posts, in the project's platform order."""
    platforms = []
    for name in PLATFORM_NAMES:
        found = _raw_posts(name, outputs)
        if not found or not found[0]:
            continue
        posts, limit = found
        # Mastodon servers differ: the draft records the limit it was planned for.
        platform = get_platform(name, mastodon_limit=limit if name == "mastodon" else None)
        # An unedited post keeps the count the thread stage made with the same functions;
        # only edited text is measured again.
        recorded = _recorded(name, outputs)
        for post in posts:
            known = recorded.get(post["text"])
            if known is None or known["limit"] != platform.limit:
                m = measure(post["text"], platform)
                known = {"length": m.length, "limit": m.limit, "ok": m.ok,
                         "problems": list(m.problems)}
            post.update(**known, rows=_rows(post["text"]))
        platforms.append({**rules(platform), "posts": posts,
                          "over": sum(not p["ok"] for p in posts)})
    placeholders = (outputs.thread or {}).get("placeholders") or []
    return {
        "title": article.title,
        "placeholders": [str(p) for p in placeholders if isinstance(p, str)],
        "platforms": platforms,
        "twitter_config": twitter_config(),
    }
