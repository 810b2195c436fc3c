"""``write_feed``: every episode under OUT into ``OUT/feed.xml``, with the show art beside it.

Everything is read and checked before anything is written: a bad base URL, an OUT with no
episodes or an episode whose files changed since its episode.json leaves OUT untouched.
Files whose content did not change are not rewritten.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from repackage import __version__, atomic
from repackage.errors import InputError
from repackage.feed import cover as covers
from repackage.feed.episodes import ITEM_FILE, episode_dirs, newest_first, read_episode
from repackage.feed.rss import FEED_FILE, build_feed, url_for
from repackage.feed.show import FeedShow, check_base_url, load_feed_show


def _show_art(show: FeedShow, base_url: str) -> tuple[str, covers.CoverImage | None]:
    """The image URL for the feed, and the cover to publish under OUT (None for a URL)."""
    if re.match(r"^https?://", show.image):
        return show.image, None
    art = covers.check_image(show.image) if show.image else covers.draw_cover(show.title)
    return url_for(base_url, art.name), art


def write_feed(out_dir: str | os.PathLike[str], base_url: str | None = None, *,
               show_file: str | os.PathLike[str] | None = None,
               show: FeedShow | None = None) -> dict[str, Any]:
    """Write ``OUT/feed.xml`` for every episode under ``out_dir``; return a summary.

    ``base_url`` is where OUT is published (default: the show's ``[feed] base_url``);
    ``show_file`` is a TOML file whose ``[show]``/``[feed]`` values override the shipped
    template (or pass a ready ``show``). Raises ConfigError for a base URL that is not
    http(s) or invalid show details, InputError for an OUT without episodes or an episode
    whose files changed since its episode.json; nothing is written then.
    """
    show = show or load_feed_show(show_file)
    url = base_url if base_url is not None else show.base_url
    if not url:
        raise InputError("no base URL: give --base-url or set [feed] base_url in the show file")
    url = check_base_url(url)
    out = Path(out_dir)
    dirs = episode_dirs(out)
    if not dirs:
        raise InputError(f"{out}: no episodes found (no */audio/episode.json)")
    episodes = newest_first([read_episode(out, d) for d in dirs])
    image_url, art = _show_art(show, url)
    data = build_feed(show, episodes, url, image_url, f"repackage {__version__}")

    for episode in episodes:
        if episode.identity_is_new:
            atomic.write_json(out / episode.slug / ITEM_FILE, {
                "guid": episode.identity.guid, "first_seen": episode.identity.first_seen})
    art_written = bool(art) and atomic.write_if_changed(out / art.name, art.data)
    written = atomic.write_if_changed(out / FEED_FILE, data)
    return {
        "feed": str(out / FEED_FILE),
        "url": url + FEED_FILE,
        "written": written,
        "items": len(episodes),
        "new_items": sum(e.identity_is_new for e in episodes),
        "image": image_url,
        "image_written": art_written,
        "episodes": [{"slug": e.slug, "guid": e.identity.guid, "title": e.title,
                      "enclosure": url_for(url, e.files["episode"]),
                      "length": e.sizes["episode"]} for e in episodes],
    }
