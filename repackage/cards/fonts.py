"""Fonts for cards: resolve a template's font name, load it once, check it covers the text.

Fonts come from Python packages (``fontpkg-amiri``, ``fontpkg-tajawal``): OFL Arabic fonts
that also carry Latin, digits and the punctuation news text uses. A template names them as
``"family:Style"`` (``"amiri:Bold"``, ``"tajawal:Regular"``) or gives a path to a .ttf/.otf.
"""

from __future__ import annotations

import functools
import importlib
import unicodedata
from pathlib import Path
from typing import Any

from repackage.errors import ConfigError, DependencyError, InputError

# family -> (python package, file prefix). Styles map to "<Prefix>-<Style>.ttf".
FAMILIES: dict[str, tuple[str, str]] = {
    "amiri": ("fontpkg_amiri", "Amiri"),
    "tajawal": ("fontpkg_tajawal", "Tajawal"),
}


def resolve_font(spec: str, base_dir: Path | None = None) -> Path:
    """Turn ``"family:Style"`` or a font path into an existing font file path.

    Relative paths are taken from ``base_dir`` (the folder of the template naming them).
    """
    family, sep, style = spec.partition(":")
    key = family.strip().lower()
    if sep and key in FAMILIES:
        package, prefix = FAMILIES[key]
        try:
            root = Path(importlib.import_module(package).ROOT)
        except ImportError:
            raise DependencyError(
                f"font family {family!r} needs the Python package {package.replace('_', '-')}"
            ) from None
        path = root / "files" / f"{prefix}-{style.strip() or 'Regular'}.ttf"
        if not path.is_file():
            styles = sorted(p.stem.split("-", 1)[-1] for p in (root / "files").glob("*.ttf"))
            raise ConfigError(f"font {spec!r}: no style {style!r} (have: {', '.join(styles)})")
        return path
    path = Path(spec)
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    if path.suffix.lower() not in (".ttf", ".otf") or not path.is_file():
        known = ", ".join(f"{f}:Regular" for f in FAMILIES)
        raise ConfigError(f"font {spec!r} is neither a known family ({known}) nor a font file")
    return path


@functools.lru_cache(maxsize=128)
def load_font(path: str, size: int, basic: bool = False) -> Any:
    """The Pillow font for ``path`` at ``size`` px, loaded once per process.

    ``basic`` selects Pillow's basic layout engine (the no-Raqm fallback path).
    """
    from PIL import ImageFont

    engine = ImageFont.Layout.BASIC if basic else ImageFont.Layout.RAQM
    try:
        return ImageFont.truetype(path, size, layout_engine=engine)
    except OSError as exc:
        raise ConfigError(f"font {path}: cannot be loaded ({exc})") from None


@functools.lru_cache(maxsize=32)
def coverage(path: str) -> frozenset[int]:
    """The code points the font maps to glyphs, read from its ``cmap`` table."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(path, lazy=True) as font:
            best = font["cmap"].getBestCmap()
    except OSError as exc:
        raise ConfigError(f"font {path}: cannot be read ({exc.strerror or exc})") from None
    except (TTLibError, KeyError, AssertionError, ValueError) as exc:
        raise ConfigError(f"font {path}: unreadable cmap table ({exc})") from None
    if best is None:
        raise ConfigError(f"font {path}: no Unicode cmap table")
    return frozenset(best)


def _needs_glyph(ch: str) -> bool:
    # Format controls (bidi marks, ZWJ/ZWNJ) and line breaks are handled by the shaper,
    # never drawn, so a font need not map them.
    return ch not in "\n\r\t" and unicodedata.category(ch) != "Cf"


def missing_chars(text: str, path: str) -> list[str]:
    """Characters of ``text`` the font at ``path`` has no glyph for, in first-seen order."""
    covered = coverage(path)
    seen: dict[str, None] = {}
    for ch in text:
        if ch not in seen and _needs_glyph(ch) and ord(ch) not in covered:
            seen[ch] = None
    return list(seen)


def check_coverage(text: str, path: str, what: str) -> None:
    """Raise InputError naming every character of ``text`` the font cannot draw."""
    missing = missing_chars(text, path)
    if missing:
        names = ", ".join(
            f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed')} ({c!r})" for c in missing[:8]
        )
        more = f" and {len(missing) - 8} more" if len(missing) > 8 else ""
        raise InputError(f"{what}: font {Path(path).name} has no glyph for {names}{more}")
