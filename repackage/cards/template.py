"""Card templates: plain data (TOML or JSON) describing colours, fonts, margins and the mark.

A template is only ever parsed as data (``tomllib`` / ``json``) and checked against the
schema below: unknown keys, wrong types and unreadable colours are ConfigErrors naming the
file and key. Nothing in a template is evaluated or imported.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from repackage import resources
from repackage.errors import ConfigError

DEFAULT_TEMPLATE = "classic"


@dataclass(frozen=True)
class Colors:
    """Colours as ``#rrggbb``."""

    background: str = "#10213a"
    text: str = "#ffffff"
    speaker: str = "#f2c14e"
    muted: str = "#d5dde8"
    accent: str = "#f2c14e"
    overlay: str = "#000000"


@dataclass(frozen=True)
class Fonts:
    """Font per text role: ``"family:Style"`` or a font file path (relative to the template)."""

    quote: str = "amiri:Bold"
    speaker: str = "tajawal:Bold"
    role: str = "tajawal:Regular"
    credit: str = "tajawal:Regular"
    mark: str = "tajawal:ExtraBold"


@dataclass(frozen=True)
class Layout:
    """Margins (px from every edge) and vertical placement of the quote block."""

    margin: int = 90
    gap: int = 40
    valign: str = "center"  # top | center | bottom


@dataclass(frozen=True)
class QuoteStyle:
    """Quote text: marks around it, auto-fit bounds, line spacing, length limit."""

    marks: tuple[str, ...] = ("«", "»")
    min_size: int = 34
    max_size: int = 80
    step: int = 2
    line_spacing: float = 1.0
    max_chars: int = 400
    features: tuple[str, ...] = ()


@dataclass(frozen=True)
class SpeakerStyle:
    """Speaker name and role lines."""

    size: int = 40
    role_size: int = 32
    line_spacing: float = 1.25


@dataclass(frozen=True)
class CreditStyle:
    """Photo credit line, printed whenever a photo is used."""

    size: int = 26
    prefix: str = "الصورة: "
    line_spacing: float = 1.3


@dataclass(frozen=True)
class Mark:
    """The outlet's mark: text, an optional logo image, and where it sits."""

    text: str = "ريباكج"
    size: int = 32
    logo: str = ""  # a shipped asset name or a path relative to the template
    logo_height: int = 56
    position: str = "top"  # top | bottom
    use_publisher: bool = False  # print the article's publisher instead of ``text`` when known


@dataclass(frozen=True)
class Accent:
    """Decoration: a short rule between quote and speaker."""

    rule: bool = True
    rule_width: int = 110
    rule_height: int = 6


@dataclass(frozen=True)
class PhotoStyle:
    """Photo handling: the least overlay, and the text contrast the overlay must reach."""

    overlay_min: float = 0.30
    contrast: float = 4.5


@dataclass(frozen=True)
class Template:
    """A validated card template."""

    name: str = DEFAULT_TEMPLATE
    description: str = ""
    colors: Colors = field(default_factory=Colors)
    fonts: Fonts = field(default_factory=Fonts)
    layout: Layout = field(default_factory=Layout)
    quote: QuoteStyle = field(default_factory=QuoteStyle)
    speaker: SpeakerStyle = field(default_factory=SpeakerStyle)
    credit: CreditStyle = field(default_factory=CreditStyle)
    mark: Mark = field(default_factory=Mark)
    accent: Accent = field(default_factory=Accent)
    photo: PhotoStyle = field(default_factory=PhotoStyle)
    base_dir: str = ""  # folder relative font and logo paths are read from


_SECTION_TYPES: dict[str, type] = {
    "colors": Colors, "fonts": Fonts, "layout": Layout, "quote": QuoteStyle,
    "speaker": SpeakerStyle, "credit": CreditStyle, "mark": Mark, "accent": Accent,
    "photo": PhotoStyle,
}
_CHOICES = {("layout", "valign"): ("top", "center", "bottom"), ("mark", "position"): ("top", "bottom")}


def parse_color(value: str) -> tuple[int, int, int]:
    """``#rrggbb`` (or ``#rgb``) as an RGB tuple; ValueError otherwise."""
    v = value.strip().lstrip("#")
    if len(v) == 3:
        v = "".join(c * 2 for c in v)
    if len(v) != 6:
        raise ValueError(value)
    return int(v[0:2], 16), int(v[2:4], 16), int(v[4:6], 16)


def _coerce(where: str, default: Any, value: Any) -> Any:
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: expected true or false, got {value!r}")
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ConfigError(f"{where}: expected a whole number >= 0, got {value!r}")
        return value
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ConfigError(f"{where}: expected a number >= 0, got {value!r}")
        return float(value)
    if isinstance(default, tuple):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
        return tuple(value)
    if not isinstance(value, str):
        raise ConfigError(f"{where}: expected a string, got {value!r}")
    return value


def from_data(data: dict[str, Any], source: str = "<template>", base_dir: str = "") -> Template:
    """Validate parsed template data into a Template (ConfigError naming ``source`` and key)."""
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: a template must be a table/object at the top level")
    values: dict[str, Any] = {"base_dir": base_dir}
    for key, value in data.items():
        if key in ("name", "description"):
            values[key] = _coerce(f"{source}: {key}", "", value)
            continue
        section_type = _SECTION_TYPES.get(key)
        if section_type is None:
            known = ", ".join(["name", "description", *_SECTION_TYPES])
            raise ConfigError(f"{source}: unknown key {key!r} (known: {known})")
        if not isinstance(value, dict):
            raise ConfigError(f"{source}: [{key}] must be a table/object")
        defaults = section_type()
        names = {f.name for f in fields(section_type)}
        section: dict[str, Any] = {}
        for sub, subvalue in value.items():
            if sub not in names:
                raise ConfigError(
                    f"{source}: unknown key {key}.{sub} (known: {', '.join(sorted(names))})"
                )
            where = f"{source}: {key}.{sub}"
            coerced = _coerce(where, getattr(defaults, sub), subvalue)
            choices = _CHOICES.get((key, sub))
            if choices and coerced not in choices:
                raise ConfigError(f"{where}: expected one of {', '.join(choices)}, got {coerced!r}")
            if key == "colors":
                try:
                    parse_color(coerced)
                except ValueError:
                    raise ConfigError(f"{where}: expected a colour like #1a2b3c, got {coerced!r}") from None
            section[sub] = coerced
        values[key] = section_type(**section)
    tpl = Template(**values)
    if tpl.quote.min_size < 8 or tpl.quote.min_size > tpl.quote.max_size:
        raise ConfigError(f"{source}: quote.min_size must be >= 8 and <= quote.max_size")
    if len(tpl.quote.marks) not in (0, 2):
        raise ConfigError(f"{source}: quote.marks must be [] or [opening, closing]")
    if tpl.quote.step < 1:
        raise ConfigError(f"{source}: quote.step must be >= 1")
    if tpl.photo.overlay_min > 1:
        raise ConfigError(f"{source}: photo.overlay_min is an opacity from 0 to 1")
    return tpl


def load_template(name_or_path: str | Path | None = None) -> Template:
    """Load a shipped template by name (``classic``, ``light`` ...) or a user's TOML/JSON file."""
    spec = str(name_or_path) if name_or_path else DEFAULT_TEMPLATE
    path = Path(spec)
    if path.suffix.lower() not in (".toml", ".json"):
        shipped = shipped_templates()
        if spec not in shipped:
            raise ConfigError(
                f"unknown card template {spec!r} (shipped: {', '.join(sorted(shipped))}; "
                "or give a .toml/.json path)"
            )
        path = shipped[spec]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"template {path}: cannot be read ({exc.strerror or exc})") from None
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(raw.decode("utf-8"))
        else:
            data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"template {path}: not valid {path.suffix[1:].upper()} ({exc})") from None
    if isinstance(data, dict):
        data.setdefault("name", path.stem)
    return from_data(data, source=f"template {path}", base_dir=str(path.parent.resolve()))


def shipped_templates() -> dict[str, Path]:
    """Shipped card templates by name."""
    try:
        folder = resources.data_dir("templates") / "cards"
    except FileNotFoundError:
        return {}
    found = {}
    for p in sorted(folder.glob("*")):
        if p.suffix.lower() in (".toml", ".json"):
            found.setdefault(p.stem, p)
    return found
