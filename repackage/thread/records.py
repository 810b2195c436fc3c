"""Post-ready records: what each platform's API takes, one record a post, in reply order. Pure.

Every entry has its ``position`` (1-based) and ``reply_to`` (the position it answers, None
for the first post), the API payload under the name the platform's documentation uses, and
``media`` as files relative to the thread folder with their alt text. What only exists once
posting starts (upload ids, blob refs, the parent post's id, ``createdAt``) is left for the
poster to fill in.

- Bluesky: ``record`` is an ``app.bsky.feed.post`` (``text``, ``langs``, ``facets`` with
  UTF-8 byte offsets, ``embed`` ``app.bsky.embed.images`` with ``alt`` and ``aspectRatio``;
  each image's ``image`` blob comes from uploading ``media[i].file``).
- Mastodon: ``params`` of ``POST /api/v1/statuses`` (``status``, ``language``,
  ``visibility``); ``media`` is what ``POST /api/v2/media`` takes (``file``, ``description``).
- X: ``body`` of ``POST /2/tweets`` (``text``; ``reply.in_reply_to_tweet_id`` and
  ``media.media_ids`` once known); ``media`` with ``alt_text`` for the media metadata call.
- Threads: ``container`` of ``POST /{user-id}/threads`` (``media_type`` TEXT, IMAGE or
  CAROUSEL, ``text``, ``alt_text``; ``image_url`` must be a public URL of ``media[i].file``,
  ``reply_to_id`` the parent's id); a carousel lists its ``children`` item containers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from repackage.thread.facets import facets
from repackage.thread.posts import Media, Post, ThreadPlan

API = {
    "bluesky": "com.atproto.repo.createRecord (app.bsky.feed.post)",
    "mastodon": "POST /api/v1/statuses",
    "x": "POST /2/tweets",
    "threads": "POST /{threads-user-id}/threads",
}
VISIBILITY = "public"


def platform_records(plan: ThreadPlan, sizes: Mapping[str, tuple[int, int]] | None = None
                     ) -> dict[str, Any]:
    """The ``thread/<platform>.json`` content for ``plan``.

    ``sizes`` maps a media file to its pixel (width, height), for Bluesky's ``aspectRatio``.
    """
    name = plan.platform.name
    build = _BUILDERS[name]
    lang = plan.lang or "ar"
    posts = []
    for position, post in enumerate(plan.posts, start=1):
        entry: dict[str, Any] = {"position": position,
                                 "reply_to": position - 1 if position > 1 else None}
        entry.update(build(post, lang, sizes or {}))
        posts.append(entry)
    return {"platform": name, "api": API[name], "limit": plan.platform.limit,
            "lang": lang, "posts": posts}


def _bluesky(post: Post, lang: str, sizes: Mapping[str, tuple[int, int]]) -> dict[str, Any]:
    record: dict[str, Any] = {"$type": "app.bsky.feed.post", "text": post.text, "langs": [lang]}
    found = facets(post.text)
    if found:
        record["facets"] = found
    if post.media:
        images = []
        for m in post.media:
            image: dict[str, Any] = {"alt": m.alt}
            if m.file in sizes:
                width, height = sizes[m.file]
                image["aspectRatio"] = {"width": width, "height": height}
            images.append(image)
        record["embed"] = {"$type": "app.bsky.embed.images", "images": images}
    return {"record": record, "media": [_media(m, "alt") for m in post.media]}


def _mastodon(post: Post, lang: str, sizes: Mapping[str, tuple[int, int]]) -> dict[str, Any]:
    params = {"status": post.text, "language": lang, "visibility": VISIBILITY}
    return {"params": params, "media": [_media(m, "description") for m in post.media]}


def _x(post: Post, lang: str, sizes: Mapping[str, tuple[int, int]]) -> dict[str, Any]:
    return {"body": {"text": post.text}, "media": [_media(m, "alt_text") for m in post.media]}


def _threads(post: Post, lang: str, sizes: Mapping[str, tuple[int, int]]) -> dict[str, Any]:
    container: dict[str, Any] = {"media_type": "TEXT", "text": post.text}
    if len(post.media) == 1:
        container.update(media_type="IMAGE", image_url=None, alt_text=post.media[0].alt)
    elif post.media:
        container["media_type"] = "CAROUSEL"
        container["children"] = [
            {"media_type": "IMAGE", "is_carousel_item": True, "image_url": None,
             "alt_text": m.alt, "file": m.file} for m in post.media]
    return {"container": container, "media": [_media(m, "alt_text") for m in post.media]}


def _media(media: Media, alt_key: str) -> dict[str, str]:
    return {"file": media.file, alt_key: media.alt}


_BUILDERS = {"bluesky": _bluesky, "mastodon": _mastodon, "x": _x, "threads": _threads}
