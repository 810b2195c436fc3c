"""The feed document: RSS 2.0 with the iTunes and Podcasting 2.0 namespaces, built as an
lxml tree (text is escaped by the serializer, never pasted into markup).

``build_feed`` is pure: the same show and episodes always give the same bytes, so a feed
whose content did not change is not rewritten (no build timestamp is stamped in).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from email.utils import format_datetime
from urllib.parse import quote

from repackage.feed.episodes import Episode
from repackage.feed.show import FeedShow, podcast_guid

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ATOM = "http://www.w3.org/2005/Atom"
NSMAP = {"itunes": ITUNES, "podcast": PODCAST, "atom": ATOM}
FEED_FILE = "feed.xml"

MIME = {"episode": "audio/mpeg", "vtt": "text/vtt", "srt": "application/x-subrip",
        "chapters": "application/json+chapters"}
# Code points XML 1.0 cannot carry at all (lxml refuses them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """``text`` without the control characters XML 1.0 forbids (logical order untouched)."""
    return _NOT_XML.sub("", text)


def rfc2822(when: datetime) -> str:
    """An RSS date (RFC 2822), e.g. ``Thu, 12 Mar 2026 00:00:00 +0000``."""
    return format_datetime(when)


def hms(seconds: float) -> str:
    """``itunes:duration`` as HH:MM:SS (whole seconds, rounded)."""
    total = max(0, round(seconds))
    return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"


def url_for(base_url: str, rel: str) -> str:
    """The public URL of a file at ``rel`` (relative to OUT) under ``base_url``."""
    return base_url + quote(rel, safe="/")


def item_description(episode: Episode) -> str:
    """The article's lead, then its source credit (and byline) on a line of its own."""
    parts = [episode.lead or episode.title]
    credit = episode.source
    if episode.byline:
        credit = f"{episode.byline}، {credit}" if credit else episode.byline
    if credit:
        parts.append(f"المصدر: {credit}")
    if episode.url:
        parts.append(episode.url)
    return "\n\n".join(parts)


def _sub(parent, tag: str, text: str | None = None, **attrs: str):
    from lxml import etree

    el = etree.SubElement(parent, tag, {k.rstrip("_"): v for k, v in attrs.items()})
    if text is not None:
        el.text = clean(text)
    return el


def _it(name: str) -> str:
    return f"{{{ITUNES}}}{name}"


def _pc(name: str) -> str:
    return f"{{{PODCAST}}}{name}"


def _channel(channel, show: FeedShow, base_url: str, image_url: str,
             newest: datetime | None, generator: str) -> None:
    feed_url = base_url + FEED_FILE
    link = show.link or base_url
    _sub(channel, "title", show.title)
    _sub(channel, "link", link)
    _sub(channel, "description", show.description)
    _sub(channel, "language", show.language)
    if show.copyright:
        _sub(channel, "copyright", show.copyright)
    _sub(channel, "generator", generator)
    if newest is not None:
        _sub(channel, "pubDate", rfc2822(newest))
        _sub(channel, "lastBuildDate", rfc2822(newest))
    _sub(channel, f"{{{ATOM}}}link", href=feed_url, rel="self", type="application/rss+xml")
    image = _sub(channel, "image")
    _sub(image, "url", image_url)
    _sub(image, "title", show.title)
    _sub(image, "link", link)
    _sub(channel, _it("author"), show.author)
    owner = _sub(channel, _it("owner"))
    _sub(owner, _it("name"), show.owner_name)
    _sub(owner, _it("email"), show.owner_email)
    _sub(channel, _it("image"), href=image_url)
    category = _sub(channel, _it("category"), text_=show.category)
    if show.subcategory:
        _sub(category, _it("category"), text_=show.subcategory)
    _sub(channel, _it("explicit"), "true" if show.explicit else "false")
    _sub(channel, _it("type"), "episodic")
    _sub(channel, _pc("guid"), show.guid or podcast_guid(feed_url))
    _sub(channel, _pc("locked"), "yes" if show.locked else "no", owner=show.owner_email)


def _item(channel, episode: Episode, show: FeedShow, base_url: str) -> None:
    item = _sub(channel, "item")
    _sub(item, "title", episode.title)
    _sub(item, "description", item_description(episode))
    if episode.url:
        _sub(item, "link", episode.url)
    _sub(item, "guid", episode.identity.guid, isPermaLink="false")
    _sub(item, "pubDate", rfc2822(episode.published))
    _sub(item, "enclosure", url=url_for(base_url, episode.files["episode"]),
         length=str(episode.sizes["episode"]), type=MIME["episode"])
    _sub(item, _it("title"), episode.title)
    _sub(item, _it("author"), show.author)
    _sub(item, _it("duration"), hms(episode.duration_s))
    _sub(item, _it("explicit"), "true" if show.explicit else "false")
    _sub(item, _it("episodeType"), "full")
    # SRT first: readers that keep one transcript keep the last, and WebVTT is the richer one
    for key in ("srt", "vtt"):
        if key in episode.files:
            _sub(item, _pc("transcript"), url=url_for(base_url, episode.files[key]),
                 type=MIME[key], language=show.language, rel="captions")
    if "chapters" in episode.files:
        _sub(item, _pc("chapters"), url=url_for(base_url, episode.files["chapters"]),
             type=MIME["chapters"])


def build_feed(show: FeedShow, episodes: Sequence[Episode], base_url: str, image_url: str,
               generator: str) -> bytes:
    """The feed as UTF-8 XML bytes; ``episodes`` are written in the order given."""
    from lxml import etree

    rss = etree.Element("rss", {"version": "2.0"}, nsmap=NSMAP)
    channel = etree.SubElement(rss, "channel")
    newest = max((e.published for e in episodes), default=None)
    _channel(channel, show, base_url, image_url, newest, generator)
    for episode in episodes:
        _item(channel, episode, show, base_url)
    return etree.tostring(rss, xml_declaration=True, encoding="UTF-8", pretty_print=True)
