"""Read the project's default card template so the HTML baseline copies its look."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

from card_page import PageStyle, font_file


def _font(spec: str) -> Path:
    family, _, weight = spec.partition(":")
    return font_file(family, weight or "Regular")


def project_page_style(fallback: PageStyle, name: str = "classic",
                       publisher: str | None = None) -> PageStyle:
    """The ``name`` card template's fonts, colours and sizes as a PageStyle; the outlet's
    mark is the article's ``publisher`` when the template says so and one is known."""
    from repackage.resources import template

    data = tomllib.loads(template(f"cards/{name}.toml").read_text("utf-8"))
    colors, fonts = data.get("colors", {}), data.get("fonts", {})
    mark = data.get("mark", {})
    mark_text = publisher if publisher and mark.get("use_publisher") else mark.get("text", "")
    return dataclasses.replace(
        fallback,
        quote_font=_font(fonts.get("quote", "amiri:Regular")),
        meta_font=_font(fonts.get("speaker", "tajawal:Medium")),
        background=colors.get("background", fallback.background),
        text=colors.get("text", fallback.text),
        accent=colors.get("speaker", colors.get("accent", fallback.accent)),
        overlay=colors.get("overlay", fallback.overlay),
        margin=int(data.get("layout", {}).get("margin", fallback.margin)),
        quote_max_px=int(data.get("quote", {}).get("max_size", fallback.quote_max_px)),
        speaker_px=int(data.get("speaker", {}).get("size", fallback.speaker_px)),
        credit_px=int(data.get("credit", {}).get("size", fallback.credit_px)),
        credit_prefix=str(data.get("credit", {}).get("prefix", "")),
        mark=str(mark_text or ""),
    )
