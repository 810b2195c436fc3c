"""The show template (``templates/show.toml``): name, presenter wording, pauses and mix settings."""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from repackage.errors import ConfigError
from repackage.resources import template

KINDS = ("intro", "headline", "paragraph", "quote", "credits", "outro")


@dataclass(frozen=True)
class Show:
    """Everything the episode takes from the show template."""

    name: str
    author: str
    language: str
    genre: str
    words: dict[str, str]
    chapters: dict[str, str]
    pauses: dict[str, int]
    mix: dict[str, Any]
    path: str = ""
    sha256: str = ""

    def say(self, key: str, **values: str) -> str:
        """The template wording ``key`` with its placeholders filled in."""
        try:
            return self.words[key].format(show=self.name, **values)
        except KeyError as exc:
            raise ConfigError(f"{self.path}: [words] {key} uses unknown placeholder {exc}") from None

    def pause_after(self, kind: str) -> int:
        """Milliseconds of silence after a segment of ``kind``."""
        return int(self.pauses.get(kind, self.pauses.get("paragraph", 600)))


def load_show(path: str | Path | None = None) -> Show:
    """Read a show template (default: the shipped ``templates/show.toml``)."""
    p = Path(path) if path else template("show.toml")
    try:
        raw = p.read_bytes()
        data = tomllib.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{p}: show template not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{p}: not a valid TOML show template ({exc})") from None
    show = data.get("show", {})
    words = {str(k): str(v) for k, v in data.get("words", {}).items()}
    for key in ("intro", "headline", "quote_intro", "credits_plain", "outro"):
        if key not in words:
            raise ConfigError(f"{p}: [words] lacks {key!r}")
    try:
        pauses = {str(k): int(v) for k, v in data.get("pauses", {}).items()}
    except (TypeError, ValueError):
        raise ConfigError(f"{p}: [pauses] values must be whole milliseconds") from None
    if any(v < 0 or v > 10_000 for v in pauses.values()):
        raise ConfigError(f"{p}: [pauses] values must lie between 0 and 10000 ms")
    return Show(
        name=str(show.get("name", "")) or "بودكاست",
        author=str(show.get("author", "")),
        language=str(show.get("language", "ar")),
        genre=str(show.get("genre", "Podcast")),
        words=words,
        chapters={str(k): str(v) for k, v in data.get("chapters", {}).items()},
        pauses=pauses,
        mix=dict(data.get("mix", {})),
        path=str(p),
        sha256=hashlib.sha256(raw).hexdigest(),
    )
