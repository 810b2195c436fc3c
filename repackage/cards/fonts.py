"""Fonts for cards: resolve a template's font name, load it once, check it covers the text.

Fonts come from Python packages (``fontpkg-amiri``, ``fontpkg-tajawal``): OFL Arabic fonts
that also carry Latin, digits and the punctuation news text uses. A template names them as
``"family:Style"`` (``"amiri:Bold"``, ``"tajawal:Regular"``) or gives a path to a .ttf/.otf.
"""

from __future__ import annotations

import functools
import importlib
import struct
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
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ConfigError(f"font {path}: cannot be read ({exc})") from None
    try:
        return frozenset(_read_cmap(data))
    except (struct.error, ValueError) as exc:
        raise ConfigError(f"font {path}: unreadable cmap table ({exc})") from None


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


def _read_cmap(data: bytes) -> set[int]:
    """Parse the cmap of a TrueType/OpenType font (formats 4 and 12, Unicode subtables)."""
    if data[:4] == b"ttcf":  # a collection: read its first font
        (offset,) = struct.unpack_from(">I", data, 12)
    else:
        offset = 0
    (num_tables,) = struct.unpack_from(">H", data, offset + 4)
    cmap_at = None
    for i in range(num_tables):
        tag, _check, table_offset, _length = struct.unpack_from(">4sIII", data, offset + 12 + 16 * i)
        if tag == b"cmap":
            cmap_at = table_offset
            break
    if cmap_at is None:
        raise ValueError("no cmap table")
    (_version, count) = struct.unpack_from(">HH", data, cmap_at)
    best: tuple[int, int] | None = None  # (rank, offset): prefer full-repertoire tables
    for i in range(count):
        platform, encoding, sub = struct.unpack_from(">HHI", data, cmap_at + 4 + 8 * i)
        (fmt,) = struct.unpack_from(">H", data, cmap_at + sub)
        unicode_table = platform == 0 or (platform == 3 and encoding in (1, 10))
        if not unicode_table or fmt not in (4, 12):
            continue
        rank = 2 if fmt == 12 else 1
        if best is None or rank > best[0]:
            best = (rank, cmap_at + sub)
    if best is None:
        raise ValueError("no Unicode subtable in format 4 or 12")
    at = best[1]
    (fmt,) = struct.unpack_from(">H", data, at)
    return _format12(data, at) if fmt == 12 else _format4(data, at)


def _format4(data: bytes, at: int) -> set[int]:
    (seg_x2,) = struct.unpack_from(">H", data, at + 6)
    segs = seg_x2 // 2
    ends_at = at + 14
    starts_at = ends_at + seg_x2 + 2
    deltas_at = starts_at + seg_x2
    ranges_at = deltas_at + seg_x2
    ends = struct.unpack_from(f">{segs}H", data, ends_at)
    starts = struct.unpack_from(f">{segs}H", data, starts_at)
    deltas = struct.unpack_from(f">{segs}h", data, deltas_at)
    range_offsets = struct.unpack_from(f">{segs}H", data, ranges_at)
    out: set[int] = set()
    for i in range(segs):
        start, end = starts[i], ends[i]
        if start == 0xFFFF:
            continue
        for cp in range(start, end + 1):
            if range_offsets[i] == 0:
                glyph = (cp + deltas[i]) & 0xFFFF
            else:
                where = ranges_at + 2 * i + range_offsets[i] + 2 * (cp - start)
                (glyph,) = struct.unpack_from(">H", data, where)
                if glyph:
                    glyph = (glyph + deltas[i]) & 0xFFFF
            if glyph:
                out.add(cp)
    return out


def _format12(data: bytes, at: int) -> set[int]:
    (n_groups,) = struct.unpack_from(">I", data, at + 12)
    out: set[int] = set()
    for g in range(n_groups):
        start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * g)
        for k, cp in enumerate(range(start, end + 1)):
            if glyph + k:
                out.add(cp)
    return out
