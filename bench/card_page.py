"""The seed's quote cards as HTML pages: what an editor would otherwise render with a browser.

Each page carries the same quote, speaker and photo credit as the project's card, the same
font file (from the fontpkg wheels, through an ``@font-face`` file URL), the same pixel size,
and the lead photo cover-cropped under a dark overlay when the project's card uses one.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path

from measure import SEED_PHOTO, SHARED

SIZES = {"square": (1080, 1080), "portrait": (1080, 1350), "story": (1080, 1920),
         "landscape": (1600, 900)}


@dataclass(frozen=True)
class CardText:
    """What one card says."""

    quote: str
    speaker: str
    credit: str | None
    role: str | None = None
    font_px: int | None = None  # the size the project's auto-fit chose, when known
    overlay: float | None = None  # the project's photo overlay opacity, when known


def seed_cards(cards_json: Path | None = None) -> list[CardText]:
    """The seed's card texts: from the project's cards.json when given, else from expected.json."""
    if cards_json is not None and cards_json.exists():
        data = json.loads(cards_json.read_text("utf-8"))
        rows = data.get("cards", data) if isinstance(data, dict) else data
        found = [CardText(r["quote"], r.get("speaker") or "", r.get("credit"), r.get("role"),
                          r.get("font_size"), r.get("overlay"))
                 for r in rows if r.get("size", "square") == "square"]
        if found:
            return found
    expected = json.loads((SHARED / "corpus" / "cap-xi-tajikistan.expected.json")
                          .read_text("utf-8"))
    speaker, role = expected["speaker"]["full_name"], expected["speaker"]["role"]
    return [CardText(q["text"], speaker, expected["photo_credit"], role)
            for q in expected["card_worthy_quotes"]]


def font_file(family: str = "amiri", weight: str = "Regular") -> Path:
    """A font file shipped in a fontpkg wheel, e.g. ``font_file("tajawal", "Bold")``."""
    import importlib

    module = importlib.import_module(f"fontpkg_{family.lower()}")
    files = Path(module.__file__).parent / "files"
    matches = sorted(files.glob(f"*-{weight}.ttf")) or sorted(files.glob("*.ttf"))
    if not matches:
        raise FileNotFoundError(f"no .ttf in {files}")
    return matches[0]


@dataclass(frozen=True)
class PageStyle:
    """The look to copy from the project's card template: fonts, colours, margins, marks."""

    quote_font: Path
    meta_font: Path
    background: str = "#10213a"
    text: str = "#ffffff"
    accent: str = "#f2c14e"
    overlay: str = "#07101e"
    margin: int = 90
    quote_max_px: int = 76
    speaker_px: int = 40
    credit_px: int = 26
    credit_prefix: str = ""
    mark: str = ""
    photo: Path | None = SEED_PHOTO


def card_html(card: CardText, size: tuple[int, int], style: PageStyle) -> str:
    """One self-contained HTML page that renders as the card at exactly ``size`` pixels."""
    w, h = size
    m = style.margin
    quote_px = card.font_px or min(style.quote_max_px, _fit_font_px(card.quote, w - 2 * m))
    photo = ""
    if style.photo is not None and style.photo.exists():
        shade = _rgba(style.overlay, card.overlay if card.overlay is not None else 0.6)
        photo = (f"background-image:linear-gradient({shade},{shade}),"
                 f"url('{style.photo.as_uri()}');background-size:cover;"
                 f"background-position:center;")
    credit = ""
    if card.credit and photo:
        credit = f'<div class="credit">{html.escape(style.credit_prefix + card.credit)}</div>'
    role = f'<div class="role">{html.escape(card.role)}</div>' if card.role else ""
    mark = f'<div class="mark">{html.escape(style.mark)}</div>' if style.mark else ""
    return f"""<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>
@font-face {{ font-family: "CardQuote"; src: url("{style.quote_font.as_uri()}"); }}
@font-face {{ font-family: "CardMeta"; src: url("{style.meta_font.as_uri()}"); }}
html, body {{ margin: 0; width: {w}px; height: {h}px; overflow: hidden; }}
body {{ background-color: {style.background}; {photo} color: {style.text};
  display: flex; flex-direction: column; justify-content: center; box-sizing: border-box;
  padding: {m}px; }}
.mark {{ font-family: "CardMeta"; font-weight: 800; font-size: 34px; color: {style.accent};
  position: absolute; top: {m // 2}px; right: {m}px; }}
.quote {{ font-family: "CardQuote"; font-size: {quote_px}px; line-height: 1.5;
  text-align: right; text-wrap: balance; }}
.rule {{ width: 110px; height: 6px; background: {style.accent}; margin: 36px 0 24px; }}
.speaker {{ font-family: "CardMeta"; font-size: {style.speaker_px}px; color: {style.accent}; }}
.role {{ font-family: "CardMeta"; font-size: {round(style.speaker_px * 0.8)}px;
  color: {style.text}; opacity: .85; }}
.credit {{ font-family: "CardMeta"; font-size: {style.credit_px}px; opacity: .85;
  position: absolute; bottom: {m // 2}px; right: {m}px; }}
</style></head><body>
{mark}
<div class="quote">«{html.escape(card.quote)}»</div>
<div class="rule"></div>
<div class="speaker">{html.escape(card.speaker)}</div>
{role}
{credit}
</body></html>
"""


def _rgba(hex_colour: str, alpha: float) -> str:
    c = hex_colour.lstrip("#")
    r, g, b = (int(c[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def _fit_font_px(text: str, width: int) -> int:
    """A font size that shrinks with the quote's length, as an auto-fitting card does."""
    scale = width / 1000
    if len(text) <= 100:
        return round(64 * scale)
    if len(text) <= 200:
        return round(54 * scale)
    return round(44 * scale)


def write_pages(cards: list[CardText], size: tuple[int, int], style: PageStyle,
                folder: Path) -> list[Path]:
    """Write one page per card into ``folder``; return their paths in card order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, card in enumerate(cards, 1):
        path = folder / f"card-{i:02d}.html"
        path.write_text(card_html(card, size, style), encoding="utf-8")
        paths.append(path)
    return paths
