"""Card sizes by name, with the zones each platform covers with its own interface."""

from __future__ import annotations

from dataclasses import dataclass

from repackage.errors import ConfigError


@dataclass(frozen=True)
class CardSize:
    """A named canvas. ``safe_top``/``safe_bottom``: px kept free of text (story UI)."""

    name: str
    width: int
    height: int
    safe_top: int = 0
    safe_bottom: int = 0


SIZES: dict[str, CardSize] = {
    "square": CardSize("square", 1080, 1080),
    "portrait": CardSize("portrait", 1080, 1350),
    # Stories draw the account bar on top and the reply box at the bottom.
    "story": CardSize("story", 1080, 1920, safe_top=250, safe_bottom=250),
    "landscape": CardSize("landscape", 1600, 900),
}

DEFAULT_SIZE = "square"


def get_size(name: str) -> CardSize:
    """The CardSize called ``name``; ConfigError listing the known names otherwise."""
    try:
        return SIZES[name.strip().lower()]
    except KeyError:
        raise ConfigError(f"unknown card size {name!r} (known: {', '.join(SIZES)})") from None
