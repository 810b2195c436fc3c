"""Read what the other stages left in ``OUT/<slug>/`` for the review page (the I/O edge).

Every file is optional: a page is made from whatever exists, and a file that is missing or
unreadable only leaves its section empty. Nothing here interprets the data; ``plan`` does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from repackage.thread import markdown
from repackage.thread.platforms import PLATFORM_NAMES

# The files the page is made from (relative to the slug folder): its up-to-date key covers them.
INPUT_FILES: tuple[str, ...] = (
    "audio/episode.json", "audio/chapters.json", "audio/episode.vtt", "audio/episode.mp3",
    "cards/cards.json", "thread/thread.json", "thread/photo.jpg",
    *(f"thread/{name}.md" for name in PLATFORM_NAMES),
)


@dataclass(frozen=True)
class Outputs:
    """The raw outputs of one article's run, as read from disk (None or empty when absent)."""

    episode: dict[str, Any] | None = None
    chapters: dict[str, Any] | None = None
    vtt: str | None = None
    has_audio: bool = False
    cards: dict[str, Any] | None = None
    thread: dict[str, Any] | None = None
    drafts: dict[str, markdown.Draft] = field(default_factory=dict)
    photo: str | None = None  # the lead photo's copy inside the folder, relative


def read_json(path: Path) -> dict[str, Any] | None:
    """A JSON object read from ``path``; None when it is missing, unreadable or not an object
    (a folder being written, an older output): the review page shows what it can."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _text(path: Path) -> str | None:
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _drafts(thread_dir: Path) -> dict[str, markdown.Draft]:
    found = {}
    for name in PLATFORM_NAMES:
        text = _text(thread_dir / f"{name}.md")
        if text is None:
            continue
        try:
            found[name] = markdown.parse(text, name=f"{name}.md")
        except Exception:  # noqa: BLE001 - a draft edited into nonsense only hides its tab
            continue
    return found


def read_outputs(slug_dir: Path) -> Outputs:
    """Everything the page shows that a stage wrote into ``slug_dir``."""
    slug_dir = Path(slug_dir)
    audio = slug_dir / "audio"
    photo = slug_dir / "thread" / "photo.jpg"
    return Outputs(
        episode=read_json(audio / "episode.json"),
        chapters=read_json(audio / "chapters.json"),
        vtt=_text(audio / "episode.vtt"),
        has_audio=(audio / "episode.mp3").is_file(),
        cards=read_json(slug_dir / "cards" / "cards.json"),
        thread=read_json(slug_dir / "thread" / "thread.json"),
        drafts=_drafts(slug_dir / "thread"),
        photo="thread/photo.jpg" if photo.is_file() else None,
    )
