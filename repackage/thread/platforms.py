"""Per-platform posting rules, kept as data.

Each platform names how its length is counted (``counter``), the post limit, an optional
UTF-8 byte limit, the alt-text limit and how many images one post may carry. The X weighting
table mirrors twitter-text's v3 configuration (twitter-text-config-v3.json).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any

from repackage.errors import ConfigError

# twitter-text v3: code points in these ranges weigh 100 (one character), all others the
# default 200; weights are divided by the scale. URLs weigh a fixed 23, an emoji sequence 2.
TWITTER_V3: MappingProxyType[str, Any] = MappingProxyType({
    "version": 3,
    "max_weighted_tweet_length": 280,
    "scale": 100,
    "default_weight": 200,
    "emoji_parsing_enabled": True,
    "transformed_url_length": 23,
    "ranges": (
        {"start": 0, "end": 4351, "weight": 100},
        {"start": 8192, "end": 8205, "weight": 100},
        {"start": 8208, "end": 8223, "weight": 100},
        {"start": 8242, "end": 8247, "weight": 100},
    ),
})


@dataclass(frozen=True)
class Platform:
    """One social platform's rules.

    ``counter`` is one of ``"twitter"`` (weighted, URLs fixed), ``"graphemes"`` (user-perceived
    characters), ``"mastodon"`` (code points, URLs fixed) or ``"threads"`` (code points, emoji
    weigh their UTF-8 byte length).
    """

    name: str
    label: str
    counter: str
    limit: int
    alt_limit: int
    max_images: int
    byte_limit: int | None = None
    url_weight: int | None = None
    max_links: int | None = None
    declares_langs: bool = False  # posts carry a language list (Bluesky's ``langs``)


PLATFORMS: MappingProxyType[str, Platform] = MappingProxyType({
    "x": Platform(
        name="x", label="X", counter="twitter", limit=280, alt_limit=1000, max_images=4,
        url_weight=23,
    ),
    "bluesky": Platform(
        name="bluesky", label="Bluesky", counter="graphemes", limit=300, byte_limit=3000,
        alt_limit=2000, max_images=4, declares_langs=True,
    ),
    "mastodon": Platform(
        name="mastodon", label="Mastodon", counter="mastodon", limit=500, alt_limit=1500,
        max_images=4, url_weight=23,
    ),
    "threads": Platform(
        name="threads", label="Threads", counter="threads", limit=500, alt_limit=1000,
        max_images=10, max_links=5,
    ),
})

PLATFORM_NAMES: tuple[str, ...] = tuple(PLATFORMS)


def get_platform(name: str, *, mastodon_limit: int | None = None) -> Platform:
    """Look a platform up by name (case-insensitive); Mastodon's limit may be overridden.

    Raises ConfigError for an unknown name or a non-positive limit.
    """
    key = name.strip().lower()
    platform = PLATFORMS.get(key)
    if platform is None:
        raise ConfigError(
            f"unknown platform {name!r} (choose from {', '.join(PLATFORM_NAMES)})"
        )
    if mastodon_limit is not None and key == "mastodon":
        if mastodon_limit < 1:
            raise ConfigError(f"Mastodon limit must be a positive number, got {mastodon_limit}")
        platform = replace(platform, limit=mastodon_limit)
    return platform
