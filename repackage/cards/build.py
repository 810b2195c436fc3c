"""Cards for an article: one PNG per card-worthy quote and size, plus ``cards.json``."""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from repackage import atomic
from repackage.cards import fonts as fontlib
from repackage.cards.alt import alt_text
from repackage.cards.layout import CardContent, CardPlan, FontPaths, plan_card
from repackage.cards.render import draw_card, encode_png, load_logo, logo_path, make_background
from repackage.cards.shaping import Shaper, choose_layout
from repackage.cards.sizes import DEFAULT_SIZE, CardSize, get_size
from repackage.cards.template import Template, load_template
from repackage.errors import ConfigError, InputError
from repackage.model import Article, Quote

Progress = Callable[[int, int, str], None]
NO_QUOTES_MESSAGE = "no card-worthy quotes in this article: no cards made"
MAX_THREADS = 4


class CardsWarning(UserWarning):
    """Something about the cards a user should know that did not stop them (e.g. no photo)."""


@dataclass(frozen=True)
class RenderedCard:
    """One card: its PNG bytes, the plan it was drawn from and the facts for cards.json."""

    png: bytes
    plan: CardPlan
    layout: str
    overlay: float | None
    contrast: float


def font_paths(tpl: Template) -> FontPaths:
    """Resolve every font the template names."""
    base = Path(tpl.base_dir) if tpl.base_dir else None
    f = tpl.fonts
    return FontPaths(*(str(fontlib.resolve_font(s, base))
                       for s in (f.quote, f.speaker, f.role, f.credit, f.mark)))


def check_fonts(content: CardContent, tpl: Template, paths: FontPaths, shaper: Shaper,
                what: str) -> None:
    """InputError naming any character of the card a font cannot draw."""
    marks = "".join(tpl.quote.marks) + "…"
    shaper.check(content.quote + marks, paths.quote, what)
    shaper.check(content.speaker, paths.speaker, f"{what}, speaker")
    shaper.check(content.role, paths.role, f"{what}, role")
    if content.credit:
        shaper.check(tpl.credit.prefix + content.credit, paths.credit, f"{what}, credit")
    shaper.check(content.mark, paths.mark, f"{what}, mark")


def render_card(content: CardContent, size: str = DEFAULT_SIZE, template: Template | None = None,
                *, photo: str | os.PathLike[str] | None = None, layout: str | None = None,
                what: str = "card") -> RenderedCard:
    """Lay out and draw one card; return its PNG bytes and how it was made."""
    tpl = template or load_template()
    paths = font_paths(tpl)
    shaper = Shaper(choose_layout(layout), tpl.quote.features)
    check_fonts(content, tpl, paths, shaper, what)
    return _draw(content, get_size(size), tpl, paths, shaper, _logo_size(tpl), photo, what)


def _logo_size(tpl: Template) -> tuple[int, int] | None:
    logo = logo_path(tpl)
    return load_logo(str(logo), tpl.mark.logo_height).size if logo else None


def _draw(content: CardContent, card_size: CardSize, tpl: Template, paths: FontPaths,
          shaper: Shaper, logo_size: tuple[int, int] | None,
          photo: str | os.PathLike[str] | None, what: str) -> RenderedCard:
    """Lay out and draw a card whose fonts were already checked."""
    try:
        plan = plan_card(content, tpl, card_size, paths, shaper, logo_size=logo_size)
    except ValueError as exc:
        raise ConfigError(f"{what}, size {card_size.name}: {exc}") from None
    background, overlay, contrast = make_background(plan, tpl, str(photo) if photo else None)
    # a plain background is made for this card; a photo one is shared from a cache
    image = draw_card(plan, tpl, shaper, background, in_place=photo is None)
    return RenderedCard(encode_png(image), plan, shaper.layout, overlay, contrast)


def render_card_to_path(path: str | os.PathLike[str], quote: str, *, speaker: str = "",
                        role: str = "", credit: str = "", size: str = DEFAULT_SIZE,
                        template: str | Template | None = None,
                        photo: str | os.PathLike[str] | None = None,
                        layout: str | None = None) -> dict[str, Any]:
    """Render one card from plain strings straight to ``path`` (for benchmarks and scripts)."""
    tpl = template if isinstance(template, Template) else load_template(template)
    content = CardContent(quote, speaker, role, credit if photo else "", tpl.mark.text)
    card = render_card(content, size, tpl, photo=photo, layout=layout)
    atomic.write_bytes(path, card.png)
    return {"file": str(path), "size": size, "layout": card.layout,
            "font_size": card.plan.quote_size, "truncated": card.plan.truncated}


def _resolve_photo(article: Article, photo: Any, credit: str | None,
                   notes: list[str]) -> tuple[str | None, str]:
    """(photo path or None, credit). An explicit photo without any credit is an error."""
    if photo is False:
        return None, ""
    if photo:
        path = Path(photo)
        if not path.is_file():
            raise InputError(f"photo {path}: file not found")
        text = (credit or article.photo.credit or "").strip()
        if not text:
            raise ConfigError(f"photo {path}: no credit known for it; pass --credit")
        return str(path), text
    if not article.photo.file:
        return None, ""
    path = Path(article.photo.file)
    if not path.is_absolute():
        path = Path(article.input.path).parent / path
    text = (credit or article.photo.credit or "").strip()
    if not path.is_file():
        notes.append(f"the article's photo {path} is missing: cards use the template background")
        return None, ""
    if not text:
        notes.append(f"the article's photo {path} has no credit: cards use the template background")
        return None, ""
    return str(path), text


def _card_entry(quote_no: int, size: str, card: RenderedCard, quote: Quote, credit: str,
                tpl: Template, file: str) -> dict[str, Any]:
    plan = card.plan
    opening, closing = tpl.quote.marks if tpl.quote.marks else ("", "")
    drawn = plan.quote_text
    if opening and drawn.startswith(opening):
        drawn = drawn[len(opening):]
    if closing and drawn.endswith(closing):
        drawn = drawn[: -len(closing)]
    speaker = quote.speaker or ""
    return {
        "file": file,
        "size": size,
        "width": plan.width,
        "height": plan.height,
        "quote": drawn,
        "speaker": speaker,
        "role": quote.role or "",
        "credit": credit,
        "alt_text": alt_text(drawn, speaker, quote.role or ""),
        "template": tpl.name,
        "truncated": plan.truncated,
        "quote_index": quote_no,
        "paragraph": quote.paragraph,
        "font_size": plan.quote_size,
        "layout": card.layout,
        "contrast": round(card.contrast, 2),
        "overlay": card.overlay,
    }


def render_cards(article: Article, slug_dir: Path, *, sizes: Sequence[str] = (DEFAULT_SIZE,),
                 template: str | os.PathLike[str] | Template | None = None,
                 photo: str | os.PathLike[str] | bool | None = None,
                 progress: Progress | None = None, credit: str | None = None,
                 layout: str | None = None) -> dict[str, Any]:
    """Write ``slug_dir/cards/*.png`` and ``cards.json``; return the cards.json content.

    ``photo``: a path to use instead of the article's photo, or False for none. ``credit``
    overrides the article's photo credit. ``layout`` may force ``"basic"`` shaping.
    """
    tpl = template if isinstance(template, Template) else load_template(template)
    size_names = list(dict.fromkeys(get_size(s).name for s in (sizes or (DEFAULT_SIZE,))))
    notes: list[str] = []
    photo_path, credit_text = _resolve_photo(article, photo, credit, notes)
    for note in notes:
        warnings.warn(note, CardsWarning, stacklevel=2)
    cards_dir = Path(slug_dir) / "cards"
    quotes = article.card_quotes
    result: dict[str, Any] = {
        "slug": article.slug,
        "template": tpl.name,
        "sizes": size_names,
        "photo": photo_path,
        "credit": credit_text or None,
        "mark": _mark_text(article, tpl),
        "layout": None,
        "cards": [],
    }
    if notes:
        result["notes"] = notes
    if not quotes:
        result["message"] = NO_QUOTES_MESSAGE
        _remove_stale(cards_dir, set())
        atomic.write_json(cards_dir / "cards.json", result)
        return result
    layout_used = choose_layout(layout)  # decided (and warned about) once, up front
    jobs = []
    for qi, quote in enumerate(quotes, start=1):
        content = CardContent(quote.text, quote.speaker or "", quote.role or "", credit_text,
                              _mark_text(article, tpl))
        jobs.extend((qi, quote, content, size) for size in size_names)
    # Every text is checked against its font before any card is written, so a quote the
    # font cannot draw stops the run without leaving half the cards behind.
    paths = font_paths(tpl)
    shaper = Shaper(layout_used, tpl.quote.features)
    for qi, _quote, content, _size in jobs[::len(size_names)]:
        check_fonts(content, tpl, paths, shaper, f"quote {qi}")
    logo_size = _logo_size(tpl)

    def make(job: tuple[int, Quote, CardContent, str]) -> dict[str, Any]:
        qi, quote, content, size = job
        name = f"quote-{qi:02d}-{size}.png"
        card = _draw(content, get_size(size), tpl, paths, shaper, logo_size, photo_path,
                     f"quote {qi}")
        atomic.write_bytes(cards_dir / name, card.png)
        return _card_entry(qi, size, card, quote, credit_text, tpl, name)

    # Cards are independent; zlib and most of Pillow release the GIL, so a second thread
    # uses a second core. Results keep job order, so output does not depend on timing.
    workers = max(1, min(len(jobs), os.cpu_count() or 1, MAX_THREADS))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for done, entry in enumerate(pool.map(make, jobs), start=1):
            result["cards"].append(entry)
            if progress:
                progress(done, len(jobs), entry["file"])
    result["layout"] = layout_used
    _remove_stale(cards_dir, {c["file"] for c in result["cards"]})
    atomic.write_json(cards_dir / "cards.json", result)
    return result


def _remove_stale(cards_dir: Path, keep: set[str]) -> None:
    """Delete cards an earlier run left that this run did not make (fewer quotes or sizes)."""
    for old in cards_dir.glob("quote-*.png"):
        if old.name not in keep:
            old.unlink(missing_ok=True)


def _mark_text(article: Article, tpl: Template) -> str:
    """The outlet mark: the publisher ingest found (a real outlet name, or None), else the
    template's own text."""
    publisher = (article.publisher or "").strip()
    if tpl.mark.use_publisher and publisher:
        return publisher
    return tpl.mark.text
