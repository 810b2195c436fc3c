"""The Pillow edge: paint a decided CardPlan onto a background and encode it as PNG."""

from __future__ import annotations

import functools
import io
from pathlib import Path
from typing import Any

from repackage import resources
from repackage.cards import photo as photos
from repackage.cards.layout import CardPlan
from repackage.cards.shaping import Shaper
from repackage.cards.template import Template, parse_color
from repackage.errors import ConfigError

# zlib level 1: cards are flat colour, antialiased text and a softened photo, which this packs
# within ~25 % of Pillow's default level at about 60 % of its time. Social sites re-encode uploads.
PNG_ZLIB_LEVEL = 1

ROLE_COLOR = {"quote": "text", "speaker": "speaker", "role": "muted", "credit": "muted",
              "mark": "accent"}


def role_color(tpl: Template, role: str) -> tuple[int, int, int]:
    """The RGB colour the template gives text of ``role``."""
    return parse_color(getattr(tpl.colors, ROLE_COLOR[role]))


def text_boxes(plan: CardPlan, tpl: Template) -> list[tuple[tuple[int, int, int, int],
                                                            tuple[int, int, int]]]:
    """(pixel box, text colour) for each block of text: where legibility is measured.

    A block's box spans all its lines, so it covers every pixel under its text.
    """
    out = []
    for role in dict.fromkeys(line.role for line in plan.lines):
        block = plan.block(role)
        assert block is not None
        x0, y0, x1, y1 = block.as_ints()
        box = (max(0, x0), max(0, y0), min(plan.width, x1), min(plan.height, y1))
        out.append((box, role_color(tpl, role)))
    return out


def logo_path(tpl: Template) -> Path | None:
    """The template's logo file, from beside the template or the shipped assets."""
    if not tpl.mark.logo:
        return None
    candidates = [Path(tpl.base_dir) / tpl.mark.logo] if tpl.base_dir else []
    try:
        candidates.append(resources.asset(tpl.mark.logo))
    except FileNotFoundError:
        pass
    for c in candidates:
        if c.is_file():
            return c
    raise ConfigError(f"template {tpl.name}: logo {tpl.mark.logo!r} not found")


@functools.lru_cache(maxsize=8)
def load_logo(path: str, height: int) -> Any:
    """The logo as RGBA scaled to ``height`` px (cached)."""
    from PIL import Image

    try:
        with Image.open(path) as im:
            logo = im.convert("RGBA")
    except OSError as exc:
        raise ConfigError(f"logo {path}: cannot be read ({exc})") from None
    width = max(1, round(logo.width * height / logo.height))
    return logo.resize((width, height), Image.Resampling.LANCZOS)


def make_background(plan: CardPlan, tpl: Template,
                    photo_path: str | None) -> tuple[Any, float | None, float]:
    """The card's background: the template colour, or the photo darkened for the text.

    Returns (image, overlay opacity or None without a photo, lowest text contrast measured).
    A photo background is shared from a cache: draw on a copy.
    """
    from PIL import Image

    boxes = text_boxes(plan, tpl)
    if photo_path is None:
        bg = Image.new("RGB", (plan.width, plan.height), parse_color(tpl.colors.background))
        contrast = photos.measure_contrast(bg, boxes)
        if contrast < tpl.photo.contrast:
            raise ConfigError(
                f"template {tpl.name}: text contrast {contrast:.2f}:1 on its background is "
                f"below {tpl.photo.contrast}:1"
            )
        return bg, None, contrast
    return photos.photo_background(photo_path, plan.width, plan.height, boxes,
                                   parse_color(tpl.colors.overlay), tpl.photo.overlay_min,
                                   tpl.photo.contrast)


def draw_card(plan: CardPlan, tpl: Template, shaper: Shaper, background: Any,
              in_place: bool = False) -> Any:
    """Draw the plan's lines, rule and logo onto a copy of ``background`` (or onto it)."""
    from PIL import ImageDraw

    image = background if in_place else background.copy()
    draw = ImageDraw.Draw(image)
    if plan.rule is not None:
        r = plan.rule
        draw.rectangle((round(r.x0), round(r.y0), round(r.x1) - 1, round(r.y1) - 1),
                       fill=parse_color(tpl.colors.accent))
    if plan.logo is not None:
        path = logo_path(tpl)
        if path is not None:
            logo = load_logo(str(path), tpl.mark.logo_height)
            image.paste(logo, (round(plan.logo.x0), round(plan.logo.y0)), logo)
    for line in plan.lines:
        shaper.draw(draw, line.right, line.baseline, line.text, line.font, line.size,
                    role_color(tpl, line.role))
    return image


def encode_png(image: Any) -> bytes:
    """An 8-bit RGB PNG of ``image`` with no metadata and no timestamps.

    The same pixels always give the same bytes.
    """
    if image.mode != "RGB":
        image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=PNG_ZLIB_LEVEL)
    return out.getvalue()
