"""The episodes under an output folder, read for the feed: what each item says and whether
its files are still the ones ``episode.json`` describes.

Each ``OUT/<slug>/audio/episode.json`` is one episode. Its item identity (guid and the time
it was first published) is kept in ``OUT/<slug>/feed-item.json``, written once, so a
re-rendered episode keeps its guid and its place in the feed.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from repackage.digest import file_sha256
from repackage.errors import InputError
from repackage.model import Article

ITEM_FILE = "feed-item.json"
# The files an item points at, by their key in episode.json's "files".
LINKED = ("episode", "vtt", "srt", "chapters")
# Guids made by this tool: a UUIDv5 of the article's identity in this namespace.
ITEM_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://repackage.invalid/episode")
# No news page is older than the web: earlier dates are placeholders, not publication dates.
EARLIEST = datetime(1991, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Identity:
    """An item's identity, fixed the first time a feed carries it."""

    guid: str
    first_seen: str  # ISO 8601, UTC


@dataclass(frozen=True)
class Episode:
    """One feed item, read from an episode folder."""

    slug: str
    title: str
    lead: str
    source: str  # publisher or source credit ("" when the article names none)
    byline: str
    url: str  # the article's own page ("" when unknown)
    published: datetime  # timezone-aware
    duration_s: float
    files: dict[str, str]  # LINKED key -> path relative to OUT (only those that exist)
    sizes: dict[str, int]  # the same keys -> byte length
    identity: Identity
    identity_is_new: bool


def new_identity(slug: str, input_sha256: str, created: datetime) -> Identity:
    """The identity of an item seen for the first time: a guid from the article itself
    (its slug and input digest), so the same article gets the same guid anywhere, and
    ``created`` (when its episode was made) as the time it was first published."""
    guid = str(uuid.uuid5(ITEM_NAMESPACE, f"{slug}:{input_sha256}"))
    return Identity(guid=guid,
                    first_seen=created.astimezone(UTC).replace(microsecond=0).isoformat())


def parse_published(text: str | None) -> datetime | None:
    """An article's ``published`` (ISO date or date-time) as an aware datetime (UTC when the
    text names no zone; a bare date is taken as midnight UTC); None when unreadable."""
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def plausible(published: datetime | None, made: datetime) -> datetime | None:
    """``published`` when it can be an article's publication date for an episode made at
    ``made``; None for a date before news was published on the web (a page's placeholder,
    such as the Unix epoch) or later than the episode itself."""
    if published is None or published < EARLIEST or published > made + timedelta(days=1):
        return None
    return published


def _read_json(path: Path, what: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: unreadable {what} ({exc.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: unreadable {what} (not a JSON object)")
    return data


def episode_dirs(out_dir: Path) -> list[Path]:
    """Every slug folder of ``out_dir`` holding an episode, sorted by name."""
    if not out_dir.is_dir():
        return []
    return sorted(p.parent.parent for p in out_dir.glob("*/audio/episode.json")
                  if not p.parent.parent.name.startswith("."))


def changed_files(slug_dir: Path, summary: dict[str, Any]) -> list[str]:
    """The linked files that are missing or differ from what ``episode.json`` recorded.

    Each file is compared by size and sha256 with ``file_digests``; an episode.json written
    before digests were recorded is trusted only for files not modified after it.
    """
    files = summary.get("files")
    if not isinstance(files, dict) or not isinstance(files.get("episode"), str):
        return ["episode.json names no episode file"]
    recorded = summary.get("file_digests") or {}
    stamp = (slug_dir / "audio" / "episode.json").stat().st_mtime_ns
    problems = []
    for key in LINKED:
        rel = files.get(key)
        if not isinstance(rel, str):
            continue
        path = slug_dir / rel
        if not path.is_file():
            problems.append(f"{rel} is missing")
            continue
        entry = recorded.get(rel)
        if isinstance(entry, dict):
            size = path.stat().st_size
            if size != entry.get("size"):
                problems.append(f"{rel} is {size} bytes, episode.json says {entry.get('size')}")
            elif file_sha256(path) != entry.get("sha256"):
                problems.append(f"{rel} changed since episode.json was written")
        elif path.stat().st_mtime_ns > stamp:
            problems.append(f"{rel} was modified after episode.json")
    return problems


def read_identity(slug_dir: Path) -> Identity | None:
    """The stored identity of an item, or None when the feed never carried it."""
    path = slug_dir / ITEM_FILE
    if not path.is_file():
        return None
    data = _read_json(path, "feed item record")
    guid, seen = data.get("guid"), data.get("first_seen")
    if (not isinstance(guid, str) or not guid.strip() or not isinstance(seen, str)
            or parse_published(seen) is None):
        raise InputError(f"{path}: feed item record lacks a guid or a first_seen time")
    return Identity(guid=guid.strip(), first_seen=seen)


def read_episode(out_dir: Path, slug_dir: Path) -> Episode:
    """The feed item of one episode folder; InputError (one line, naming the folder) when its
    files changed since episode.json or its records cannot be read."""
    summary = _read_json(slug_dir / "audio" / "episode.json", "episode summary")
    problems = changed_files(slug_dir, summary)
    if problems:
        raise InputError(f"{slug_dir}: {problems[0]}; make the episode again "
                         "(repackage audio ARTICLE --force) so the feed states true lengths")
    article_path = slug_dir / "article.json"
    article = (Article.from_dict(_read_json(article_path, "article"))
               if article_path.is_file() else None)
    title = (article.title if article else "") or str(summary.get("title") or slug_dir.name)
    input_sha = article.input.sha256 if article else str(summary.get("mix_key", ""))
    stored = read_identity(slug_dir)
    identity = stored
    if identity is None:
        made = (slug_dir / summary["files"]["episode"]).stat().st_mtime
        identity = new_identity(slug_dir.name, input_sha, datetime.fromtimestamp(made, UTC))
    seen = parse_published(identity.first_seen)
    assert seen is not None  # checked when read, ISO when made
    published = plausible(parse_published(article.published if article else None), seen) or seen
    rel = slug_dir.relative_to(out_dir).as_posix()
    files, sizes = {}, {}
    for key in LINKED:
        name = summary["files"].get(key)
        if isinstance(name, str) and (slug_dir / name).is_file():
            files[key] = f"{rel}/{name}"
            sizes[key] = (slug_dir / name).stat().st_size
    try:
        duration = float(summary.get("duration_s") or 0.0)
    except (TypeError, ValueError):
        duration = 0.0
    return Episode(
        slug=slug_dir.name,
        title=title,
        lead=article.paragraphs[0] if article and article.paragraphs else "",
        source=(article.publisher or article.source or "") if article else "",
        byline=(article.byline or "") if article else "",
        url=(article.url or "") if article else "",
        published=published,
        duration_s=duration,
        files=files,
        sizes=sizes,
        identity=identity,
        identity_is_new=stored is None,
    )


def newest_first(episodes: list[Episode]) -> list[Episode]:
    """Items in feed order: newest publication first, then first seen, then slug."""
    return sorted(episodes, key=lambda e: (e.published, e.identity.first_seen, e.slug),
                  reverse=True)
