"""Photo backgrounds: load once, fit to the card, and darken until the text is legible.

Legibility is measured, not assumed: for each block of text the pixels under its line boxes
are read (per-channel histograms) and the overlay's opacity is raised until the WCAG contrast
ratio between the text colour and those pixels reaches the template's target (4.5:1).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from repackage.errors import ConfigError, InputError

RGB = tuple[int, int, int]
# Share of pixels under the text allowed to be brighter (or darker) than the measured bound:
# a few stray highlight pixels must not force a black card.
TAIL = 0.005


def _linear(c: float) -> float:
    c = c / 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: Iterable[float]) -> float:
    """WCAG 2 relative luminance of an sRGB colour (0-255 channels)."""
    r, g, b = (_linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: Iterable[float], b: Iterable[float]) -> float:
    """WCAG 2 contrast ratio between two sRGB colours (1.0 to 21.0)."""
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def _quantile(hist: list[int], q: float) -> int:
    total = sum(hist)
    if total == 0:
        return 0
    need = q * total
    acc = 0
    for value, count in enumerate(hist):
        acc += count
        if acc >= need:
            return value
    return 255


def worst_background(image: Any, box: tuple[int, int, int, int], text: RGB) -> RGB:
    """The background colour under ``box`` the text contrasts least with.

    For light text it is built from each channel's high quantile (dark text: low quantile),
    so at most ~1.5 % of the pixels under the box are closer to the text colour than it.
    """
    region = image.crop(box)
    hist = region.histogram()
    light_text = luminance(text) > 0.18
    q = 1.0 - TAIL if light_text else TAIL
    return tuple(_quantile(hist[i * 256:(i + 1) * 256], q) for i in range(3))  # type: ignore[return-value]


def _blend(c: RGB, o: RGB, alpha: float) -> RGB:
    return tuple(round(ci * (1 - alpha) + oi * alpha) for ci, oi in zip(c, o, strict=True))  # type: ignore[return-value]


def overlay_alpha(worst: RGB, text: RGB, overlay: RGB, minimum: float, target: float) -> float:
    """The least overlay opacity (>= ``minimum``) giving ``target`` contrast over ``worst``."""
    alpha = minimum
    while alpha <= 1.0:
        if contrast_ratio(text, _blend(worst, overlay, alpha)) >= target:
            return alpha
        alpha = round(alpha + 0.01, 4)
    raise ConfigError(
        f"text colour {_hex(text)} cannot reach {target}:1 contrast even over a solid "
        f"overlay {_hex(overlay)}: fix the template colours"
    )


def _hex(rgb: RGB) -> str:
    return "#" + "".join(f"{c:02x}" for c in rgb)


@functools.lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int) -> Any:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(path) as im:
            # JPEG: decode at a reduced scale when much larger than the largest card side
            im.draft("RGB", (1920, 1920))
            upright = ImageOps.exif_transpose(im).convert("RGB")
    except (OSError, UnidentifiedImageError, ValueError) as exc:
        raise InputError(f"photo {path}: cannot be read as an image ({exc})") from None
    # Rebuilt from raw pixels: nothing of the source's EXIF, ICC or text chunks comes along.
    return Image.frombytes("RGB", upright.size, upright.tobytes())


def _photo_key(path: str | os.PathLike[str]) -> tuple[str, int]:
    """(resolved path, mtime) to key the caches, so an edited photo is read again."""
    p = Path(path)
    try:
        return str(p.resolve()), p.stat().st_mtime_ns
    except OSError:
        raise InputError(f"photo {p}: file not found") from None


def load_photo(path: str | os.PathLike[str]) -> Any:
    """The photo upright (EXIF orientation applied) as plain RGB pixels, no metadata."""
    return _load(*_photo_key(path))


@functools.lru_cache(maxsize=16)
def _cover(path: str, mtime_ns: int, width: int, height: int) -> Any:
    from PIL import Image, ImageOps

    photo = _load(path, mtime_ns)
    return ImageOps.fit(photo, (width, height), method=Image.Resampling.BICUBIC,
                        centering=(0.5, 0.4))


def cover(path: str | os.PathLike[str], width: int, height: int) -> Any:
    """The photo scaled to cover ``width`` x ``height`` and centre-cropped (cached; copy to draw)."""
    return _cover(*_photo_key(path), width, height)


@functools.lru_cache(maxsize=8)
def _blended(path: str, mtime_ns: int, width: int, height: int, overlay: RGB,
             alpha: float) -> Any:
    from PIL import Image

    base = _cover(path, mtime_ns, width, height)
    return Image.blend(base, Image.new("RGB", base.size, overlay), alpha)


def photo_background(path: str | os.PathLike[str], width: int, height: int,
                     boxes: Iterable[tuple[tuple[int, int, int, int], RGB]], overlay: RGB,
                     minimum: float, target: float) -> tuple[Any, float, float]:
    """The photo covering the card under the least overlay giving every text ``target``
    contrast, measured on the blended pixels. Returns (image, opacity, lowest contrast).

    The image is cached and shared: copy it before drawing on it.
    """
    key, mtime = _photo_key(path)
    base = _cover(key, mtime, width, height)
    boxes = list(boxes)
    alpha = minimum
    for box, text in boxes:
        alpha = max(alpha, overlay_alpha(worst_background(base, box, text), text, overlay,
                                         minimum, target))
    while True:
        out = _blended(key, mtime, width, height, overlay, alpha)
        measured = measure_contrast(out, boxes)
        if measured >= target or alpha >= 1.0:
            return out, alpha, measured
        alpha = min(1.0, round(alpha + 0.02, 4))  # rounding in the blend cost a little


def measure_contrast(image: Any, boxes: Iterable[tuple[tuple[int, int, int, int], RGB]]) -> float:
    """Lowest WCAG contrast between each text colour and the pixels under its box."""
    ratios = [contrast_ratio(text, worst_background(image, box, text)) for box, text in boxes]
    return min(ratios) if ratios else 21.0
