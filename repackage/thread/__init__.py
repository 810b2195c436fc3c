"""Thread drafts for X, Bluesky, Mastodon and Threads.

``build_threads`` is the stage's edge: it reads the cards the cards stage wrote, copies the
lead photo beside the drafts, plans each platform with :mod:`repackage.thread.plan` (pure) and
writes atomically ``thread/thread.json``, per platform ``thread/<platform>.md`` (the draft to
read) and ``thread/<platform>.json`` (the platform API's records,
:mod:`repackage.thread.records`), and ``thread/thread.csv`` for scheduling tools
(:mod:`repackage.thread.schedule`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from repackage import atomic
from repackage.errors import InputError
from repackage.model import Article
from repackage.thread import markdown
from repackage.thread.plan import MAX_POSTS, CardRef, ThreadPlan, plan_thread
from repackage.thread.platforms import PLATFORM_NAMES, Platform, get_platform
from repackage.thread.records import platform_records
from repackage.thread.schedule import thread_csv

__all__ = ["build_threads", "load_cards", "card_refs", "PLATFORM_NAMES"]

# Card sizes in order of preference for each platform's timeline.
_SIZE_PREFERENCE = {
    "x": ("landscape", "square", "portrait"),
    "bluesky": ("square", "landscape", "portrait"),
    "mastodon": ("square", "landscape", "portrait"),
    "threads": ("portrait", "square", "landscape"),
}


def load_cards(slug_dir: Path) -> dict[str, Any] | None:
    """``slug_dir/cards/cards.json`` when the cards stage has written it, else None."""
    path = Path(slug_dir) / "cards" / "cards.json"
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: cannot be read as JSON ({exc})") from None
    return data


def _entries(cards: Mapping[str, Any] | list[Any] | None) -> list[Mapping[str, Any]]:
    if cards is None:
        return []
    items: Any = cards.get("cards", []) if isinstance(cards, Mapping) else cards
    return [c for c in items if isinstance(c, Mapping) and c.get("file") and c.get("quote")]


def _resolve(file: str, slug_dir: Path, thread_dir: Path) -> str:
    """``file`` (as cards.json names it) as a path relative to the thread folder."""
    candidates = [Path(file)] if os.path.isabs(file) else [
        slug_dir / "cards" / file, slug_dir / file]
    target = next((c for c in candidates if c.exists()), candidates[0])
    return Path(os.path.relpath(target, thread_dir)).as_posix()


def card_refs(cards: Mapping[str, Any] | list[Any] | None, platform: str, slug_dir: Path,
              thread_dir: Path) -> list[CardRef]:
    """One CardRef per quote, in the size that suits ``platform`` best."""
    preference = _SIZE_PREFERENCE.get(platform, ("square",))
    uses_photo_default = bool(cards.get("photo")) if isinstance(cards, Mapping) else False
    by_quote: dict[str, list[Mapping[str, Any]]] = {}
    for entry in _entries(cards):
        by_quote.setdefault(" ".join(str(entry["quote"]).split()), []).append(entry)
    refs = []
    for quote, entries in by_quote.items():
        def rank(e: Mapping[str, Any]) -> int:
            size = str(e.get("size", ""))
            return preference.index(size) if size in preference else len(preference)
        best = min(entries, key=rank)
        alt = str(best.get("alt_text") or best.get("alt") or quote)
        index = best.get("quote_index")
        width, height = best.get("width"), best.get("height")
        refs.append(CardRef(
            quote, _resolve(str(best["file"]), slug_dir, thread_dir), alt,
            index=index if isinstance(index, int) else None,
            shows_photo=bool(best.get("photo", uses_photo_default)),
            credit_drawn=bool(best.get("credit")),
            size=(width, height) if isinstance(width, int) and isinstance(height, int) else None,
        ))
    return refs


def _photo_copy(article: Article) -> tuple[str, bytes] | None:
    """The lead photo's name beside the drafts and its bytes (None when it cannot be read).

    A copy travels with the drafts so the folder can be moved as one.
    """
    if not article.photo.file:
        return None
    source = Path(article.photo.file)
    try:
        data = source.read_bytes()
    except OSError:
        return None
    return "photo" + (source.suffix.lower() or ".jpg"), data


def _photo_size(data: bytes) -> tuple[int, int] | None:
    """The photo's pixel size from its header (None when it is not an image Pillow reads)."""
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            return image.size
    except (UnidentifiedImageError, OSError):
        return None


def _media_sizes(plans: Mapping[str, ThreadPlan], cards: Any, slug_dir: Path,
                 photo: tuple[str, bytes] | None) -> dict[str, tuple[int, int]]:
    sizes: dict[str, tuple[int, int]] = {}
    if photo:
        size = _photo_size(photo[1])
        if size:
            sizes[photo[0]] = size
    thread_dir = slug_dir / "thread"
    for name in plans:
        for ref in card_refs(cards, name, slug_dir, thread_dir):
            if ref.size:
                sizes[ref.file] = ref.size
    return sizes


def plan_all(article: Article, platforms: Iterable[Platform], *, cards: Any, slug_dir: Path,
             photo_file: str | None, links: Mapping[str, str | None] | None,
             numbering: str, hashtags: bool, full: bool = False,
             max_posts: int = MAX_POSTS) -> dict[str, ThreadPlan]:
    """Plan every platform (no writing)."""
    thread_dir = slug_dir / "thread"
    return {
        p.name: plan_thread(article, p, cards=card_refs(cards, p.name, slug_dir, thread_dir),
                            photo_file=photo_file, links=links, numbering=numbering,
                            hashtags=hashtags, full=full, max_posts=max_posts)
        for p in platforms
    }


def build_threads(
    article: Article,
    slug_dir: Path,
    *,
    platforms: Iterable[str] | None = None,
    cards: Mapping[str, Any] | None = None,
    links: Mapping[str, str | None] | None = None,
    numbering: str = "none",
    hashtags: bool = True,
    mastodon_limit: int | None = None,
    full: bool = False,
    max_posts: int = MAX_POSTS,
) -> dict[str, Any]:
    """Write ``slug_dir/thread/thread.json``, ``thread.csv``, and per platform the
    ``<platform>.md`` draft and ``<platform>.json`` API records.

    ``platforms`` defaults to all four; ``cards`` is the cards.json content (None: read
    ``slug_dir/cards/cards.json`` if it exists; quote posts carry no image without it);
    ``links`` may hold ``"article"`` and ``"episode"`` URLs; ``full`` keeps the whole article
    instead of the condensed thread of at most ``max_posts`` posts. Returns the thread.json
    content.
    """
    slug_dir = Path(slug_dir)
    thread_dir = slug_dir / "thread"
    names = list(dict.fromkeys(platforms or PLATFORM_NAMES))
    rules = [get_platform(n, mastodon_limit=mastodon_limit) for n in names]
    if cards is None:
        cards = load_cards(slug_dir)
    photo = _photo_copy(article)
    plans = plan_all(article, rules, cards=cards, slug_dir=slug_dir,
                     photo_file=photo[0] if photo else None,
                     links=links, numbering=numbering, hashtags=hashtags, full=full,
                     max_posts=max_posts)
    # everything is planned before anything is written: a bad option leaves no trace
    if photo:
        atomic.write_if_changed(thread_dir / photo[0], photo[1])
    result: dict[str, Any] = {"platforms": {n: p.to_dict() for n, p in plans.items()}}
    placeholders = sorted({ph for p in plans.values() for ph in p.placeholders})
    if placeholders:
        result["placeholders"] = placeholders
    sizes = _media_sizes(plans, cards, slug_dir, photo)
    for name, plan in plans.items():
        text = markdown.render(name, plan.platform.label, plan.platform.limit, article.title,
                               result["platforms"][name]["posts"], plan.placeholders)
        atomic.write_text(thread_dir / f"{name}.md", text)
        atomic.write_json(thread_dir / f"{name}.json", platform_records(plan, sizes))
    atomic.write_bytes(thread_dir / "thread.csv", thread_csv(plans).encode("utf-8-sig"))
    atomic.write_json(thread_dir / "thread.json", result)
    return result
