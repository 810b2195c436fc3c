"""The show's feed details: ``[show]`` and ``[feed]`` of the show template, overridden by a
file of the user's own. Merging and validation are pure; only ``load_feed_show`` reads files."""

from __future__ import annotations

import re
import tomllib
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from repackage.errors import ConfigError
from repackage.resources import template

# Podcasting 2.0: podcast:guid is a UUIDv5 of the feed URL (scheme and trailing slashes
# removed) in this namespace.
PODCAST_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class FeedShow:
    """Everything the channel of the feed says about the show."""

    title: str
    description: str
    author: str
    owner_name: str
    owner_email: str
    language: str
    category: str
    subcategory: str
    explicit: bool
    image: str  # "" (draw one), an http(s) URL, or an absolute file path
    copyright: str
    locked: bool
    guid: str  # "" means: derive from the feed URL
    link: str
    base_url: str


def podcast_guid(feed_url: str) -> str:
    """The Podcasting 2.0 podcast:guid of a feed URL."""
    bare = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", feed_url.strip()).rstrip("/")
    return str(uuid.uuid5(PODCAST_NAMESPACE, bare))


def check_base_url(url: str) -> str:
    """``url`` with one trailing slash; ConfigError unless it is an absolute http(s) URL."""
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in text:
        raise ConfigError(f"--base-url {url!r}: must be an http:// or https:// URL")
    if parts.query or parts.fragment:
        raise ConfigError(f"--base-url {url!r}: must not carry a query or fragment")
    return text if text.endswith("/") else text + "/"


def merge_tables(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """``base`` with each table of ``override`` laid over it key by key."""
    out = {k: dict(v) if isinstance(v, dict) else v for k, v in base.items()}
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **value}
        else:
            out[key] = value
    return out


def _text(table: dict[str, Any], key: str, where: str) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise ConfigError(f"{where}: [feed] {key} must be text")
    return value.strip()


def _flag(table: dict[str, Any], key: str, default: bool, where: str) -> bool:
    value = table.get(key, default)
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: [feed] {key} must be true or false")
    return value


def _image(value: str, base_dir: Path | None) -> str:
    if not value or re.match(r"^https?://", value):
        return value
    path = Path(value).expanduser()
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    return str(path.resolve())


def feed_show_from(data: dict[str, Any], where: str = "show template",
                   image_dir: Path | None = None) -> FeedShow:
    """Validate the merged ``[show]`` and ``[feed]`` tables into a FeedShow."""
    show = data.get("show", {})
    feed = data.get("feed", {})
    if not isinstance(show, dict) or not isinstance(feed, dict):
        raise ConfigError(f"{where}: [show] and [feed] must be tables")
    name = str(show.get("name", "")).strip()
    title = _text(feed, "title", where) or name
    if not title:
        raise ConfigError(f"{where}: the show has no name ([show] name or [feed] title)")
    author = str(show.get("author", "")).strip() or title
    email = _text(feed, "owner_email", where)
    if not _EMAIL.match(email):
        raise ConfigError(f"{where}: [feed] owner_email {email!r} is not an e-mail address")
    base_url = _text(feed, "base_url", where)
    if base_url:
        base_url = check_base_url(base_url)
    link = _text(feed, "link", where)
    if link and not re.match(r"^https?://", link):
        raise ConfigError(f"{where}: [feed] link must be an http(s) URL")
    return FeedShow(
        title=title,
        description=_text(feed, "description", where) or title,
        author=author,
        owner_name=_text(feed, "owner_name", where) or author,
        owner_email=email,
        language=str(show.get("language", "ar")).strip() or "ar",
        category=_text(feed, "category", where) or "News",
        subcategory=_text(feed, "subcategory", where),
        explicit=_flag(feed, "explicit", False, where),
        image=_image(_text(feed, "image", where), image_dir),
        copyright=_text(feed, "copyright", where),
        locked=_flag(feed, "locked", True, where),
        guid=_text(feed, "guid", where),
        link=link,
        base_url=base_url,
    )


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: show file not found") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: not a valid TOML show file ({exc})") from None


def load_feed_show(override: str | Path | None = None) -> FeedShow:
    """The shipped show template's feed details, with ``override`` (a TOML file holding any
    of ``[show]`` and ``[feed]``) laid over them. A relative image path is read from the
    folder of the file that names it."""
    shipped = template("show.toml")
    data = _read_toml(shipped)
    image_dir = shipped.parent
    where = str(shipped)
    if override:
        path = Path(override)
        extra = _read_toml(path)
        if isinstance(extra.get("feed"), dict) and "image" in extra["feed"]:
            image_dir = path.parent
        data = merge_tables(data, extra)
        where = str(path)
    return feed_show_from(data, where, image_dir)
