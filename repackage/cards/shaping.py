"""Shaping Arabic for Pillow: one of two paths, chosen once, never mixed.

* ``raqm``: Pillow's Raqm layout (HarfBuzz + FriBiDi) gets plain logical text with
  ``direction="rtl"`` and ``language="ar"``; it shapes and orders the line itself.
* ``basic``: where Raqm is unavailable (no FriBiDi on the system), or when
  ``REPACKAGE_LAYOUT=basic`` asks for it, the line is reshaped with arabic-reshaper, put in
  visual order (with mirrored brackets and «») by python-bidi, and drawn with Pillow's basic
  layout. Feeding reshaped visual text to Raqm would shape and reorder it twice.

Lines are always wrapped in logical order first; only a single line is ever shaped.
"""

from __future__ import annotations

import functools
import os
import unicodedata
import warnings
from dataclasses import dataclass
from typing import Any

from repackage.cards.fonts import check_coverage, coverage, load_font

LAYOUT_ENV = "REPACKAGE_LAYOUT"


class LayoutFallbackWarning(UserWarning):
    """Cards are drawn with the basic (reshaper + bidi) layout instead of Raqm."""


_warned = False


def raqm_available() -> bool:
    """True when Pillow's Raqm layout (with FriBiDi) can be used."""
    from PIL import features

    return bool(features.check("raqm"))


def choose_layout(requested: str | None = None) -> str:
    """``"raqm"`` or ``"basic"``: the env var or ``requested`` may force ``"basic"``.

    Falling back because Raqm is missing (or forced) warns once per process.
    """
    global _warned
    wanted = (requested or os.environ.get(LAYOUT_ENV) or "auto").strip().lower()
    if wanted not in ("auto", "raqm", "basic"):
        wanted = "auto"
    if wanted != "basic" and raqm_available():
        return "raqm"
    if not _warned:
        _warned = True
        reason = (
            "the basic layout was asked for" if wanted == "basic"
            else "Pillow's Raqm layout is unavailable (install libfribidi0)"
        )
        warnings.warn(
            f"cards: {reason}; using the basic layout with arabic-reshaper and python-bidi "
            "(harakat are not positioned)",
            LayoutFallbackWarning,
            stacklevel=2,
        )
    return "basic"


@functools.lru_cache(maxsize=4096)
def visual_line(text: str, path: str = "") -> str:
    """One logical line reshaped and put in visual order, for the basic layout only.

    Presentation forms the font at ``path`` lacks are replaced by their base letters: many
    fonts (Tajawal) carry no isolated forms, whose shape is the base letter's own glyph.
    """
    import arabic_reshaper
    from bidi.algorithm import get_display  # this implementation mirrors «» and brackets

    visual = get_display(arabic_reshaper.reshape(text), base_dir="R")
    if not path:
        return visual
    covered = coverage(path)
    out = []
    for ch in visual:
        if ord(ch) not in covered and unicodedata.category(ch) != "Zs":
            base = unicodedata.normalize("NFKC", ch)
            # a ligature decomposes in logical order; this string is already visual
            ch = base[::-1] if all(ord(b) in covered for b in base) else ch
        out.append(ch)
    return "".join(out)


@dataclass(frozen=True)
class Shaper:
    """Measures and draws single logical lines on one layout path.

    ``features`` are OpenType feature tags passed to Raqm (ignored on the basic path).
    """

    layout: str = "raqm"
    features: tuple[str, ...] = ()

    @property
    def basic(self) -> bool:
        """True on the reshaper + bidi path."""
        return self.layout == "basic"

    def font(self, path: str, size: int) -> Any:
        """The cached Pillow font for this path."""
        return load_font(path, size, self.basic)

    def check(self, text: str, path: str, what: str) -> None:
        """InputError naming any character of ``text`` the font cannot draw on this path."""
        check_coverage(text, path, what)
        if self.basic:
            check_coverage(visual_line(text, path), path, f"{what} (shaped for the basic layout)")

    def metrics(self, path: str, size: int) -> tuple[int, int]:
        """(ascent, descent) in px from the font's own metrics."""
        return _metrics(path, size, self.basic)

    def measure(self, path: str, size: int, text: str) -> float:
        """Advance width in px of ``text`` shaped as one RTL line."""
        return _measure(path, size, text, self.layout, self.features)

    def draw(self, draw: Any, right: float, baseline: float, text: str, path: str, size: int,
             fill: Any) -> None:
        """Draw one logical line with its right end at ``right`` and its baseline at ``baseline``."""
        font = self.font(path, size)
        if self.basic:
            draw.text((right, baseline), visual_line(text, path), font=font, fill=fill, anchor="rs")
        else:
            draw.text((right, baseline), text, font=font, fill=fill, anchor="rs",
                      direction="rtl", language="ar", features=list(self.features) or None)


@functools.lru_cache(maxsize=256)
def _metrics(path: str, size: int, basic: bool) -> tuple[int, int]:
    ascent, descent = load_font(path, size, basic).getmetrics()
    return int(ascent), int(descent)


@functools.lru_cache(maxsize=65536)
def _measure(path: str, size: int, text: str, layout: str, features: tuple[str, ...]) -> float:
    font = load_font(path, size, layout == "basic")
    if layout == "basic":
        return float(font.getlength(visual_line(text, path)))
    return float(font.getlength(text, direction="rtl", language="ar",
                                features=list(features) or None))
