"""Show art for the feed: check a given image, or draw a square cover with the show's name.

The drawn cover reuses the cards' paths: the card template's colours and fonts, the same
shaper (Raqm with plain logical text, or the reshaper fallback) and the same line fitting,
so the Arabic name is shaped exactly as on the quote cards.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from repackage.errors import ConfigError

SIDE = 3000
MIN_SIDE, MAX_SIDE = 1400, 3000
MAX_BYTES = 512 * 1024  # Apple's guideline for show art
COVER_TEMPLATE = "classic"


@dataclass(frozen=True)
class CoverImage:
    """Show art ready to publish: its bytes and the file name they go to under OUT."""

    data: bytes
    name: str


def check_image(path: str) -> CoverImage:
    """A user's show art: a square JPEG or PNG of 1400-3000 px, else ConfigError."""
    from PIL import Image, UnidentifiedImageError

    p = Path(path)
    try:
        data = p.read_bytes()
        with Image.open(io.BytesIO(data)) as img:
            fmt, (w, h), mode = img.format, img.size, img.mode
    except OSError as exc:
        raise ConfigError(f"show image {p}: cannot be read ({exc.strerror or exc})") from None
    except UnidentifiedImageError:
        raise ConfigError(f"show image {p}: not an image") from None
    if fmt not in ("JPEG", "PNG"):
        raise ConfigError(f"show image {p}: {fmt} (the feed needs JPEG or PNG)")
    if mode == "CMYK":
        raise ConfigError(f"show image {p}: CMYK colours (podcast apps need RGB)")
    if w != h or not MIN_SIDE <= w <= MAX_SIDE:
        raise ConfigError(f"show image {p}: {w}x{h} px (needs a square of 1400-3000 px)")
    return CoverImage(data, "cover.jpg" if fmt == "JPEG" else "cover.png")


def draw_cover(name: str, subtitle: str = "بودكاست", side: int = SIDE) -> CoverImage:
    """A ``side``-px square JPEG with ``name`` (Arabic, logical order) shaped as on the cards."""
    from PIL import Image, ImageDraw

    from repackage.cards.fonts import resolve_font
    from repackage.cards.layout import fit_block
    from repackage.cards.shaping import Shaper, choose_layout
    from repackage.cards.template import load_template, parse_color

    tpl = load_template(COVER_TEMPLATE)
    base = Path(tpl.base_dir) if tpl.base_dir else None
    title_font = str(resolve_font(tpl.fonts.quote, base))
    sub_font = str(resolve_font(tpl.fonts.speaker, base))
    shaper = Shaper(choose_layout())
    shaper.check(name, title_font, "show name")
    shaper.check(subtitle, sub_font, "cover subtitle")
    margin = side // 10
    width = side - 2 * margin
    block = fit_block(name, title_font, side // 30, side // 6, max(1, side // 300), 1.1,
                      width, side * 0.5, shaper)
    if block is None:
        raise ConfigError(f"show name {name!r} is too long to fit on the cover")
    image = Image.new("RGB", (side, side), parse_color(tpl.colors.background))
    draw = ImageDraw.Draw(image)
    sub_size = max(12, block.size // 2)
    sub_ascent, sub_descent = shaper.metrics(sub_font, sub_size)
    rule_h = max(4, side // 150)
    gap = side // 25
    total = block.height + gap + rule_h + gap + sub_ascent + sub_descent
    top = (side - total) / 2
    half_leading = (block.line_height - (block.ascent + block.descent)) / 2
    for i, (text, line_width) in enumerate(block.lines):
        baseline = top + i * block.line_height + half_leading + block.ascent
        shaper.draw(draw, (side + line_width) / 2, baseline, text, title_font, block.size,
                    parse_color(tpl.colors.text))
    y = top + block.height + gap
    draw.rectangle((side // 2 - side // 10, round(y), side // 2 + side // 10,
                    round(y) + rule_h - 1), fill=parse_color(tpl.colors.accent))
    y += rule_h + gap + sub_ascent
    sub_width = shaper.measure(sub_font, sub_size, subtitle)
    shaper.draw(draw, (side + sub_width) / 2, y, subtitle, sub_font, sub_size,
                parse_color(tpl.colors.speaker))
    return CoverImage(encode_jpeg(image), "cover.jpg")


def encode_jpeg(image) -> bytes:
    """JPEG bytes of ``image`` under MAX_BYTES: the best quality that fits (same pixels,
    same bytes; no metadata)."""
    for quality in (90, 80, 70, 60, 50):
        out = io.BytesIO()
        image.save(out, "JPEG", quality=quality, optimize=True)
        if out.tell() <= MAX_BYTES:
            return out.getvalue()
    raise ConfigError("the drawn cover does not fit in 512 KB as JPEG")
