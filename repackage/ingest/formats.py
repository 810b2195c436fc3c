"""Hand-prepared inputs: Markdown with front matter, and JSON in the article schema."""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from repackage.errors import InputError
from repackage.ingest.credits import split_credit
from repackage.ingest.dates import parse_date
from repackage.ingest.raw import RawFields
from repackage.model import Quote, quote_place_error

_FRONT = re.compile(r"^---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|$)", re.S)
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)[^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")

_STRING_KEYS = ("title", "byline", "published", "source", "publisher", "url")


def parse_markdown(text: str) -> RawFields:
    """Front matter (title, byline, published, source, publisher, url, photo, photo_caption,
    photo_credit) then a body whose blank-line-separated blocks are paragraphs; a leading
    ``# Heading`` is the title when the front matter has none."""
    fields = RawFields()
    meta: dict[str, Any] = {}
    if m := _FRONT.match(text):
        meta = _front_matter(m.group(1))
        text = text[m.end():]
    _apply_meta(fields, meta)
    for block in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in block.strip().splitlines() if ln.strip()]
        if not lines:
            continue
        para = " ".join(ln.lstrip(">").strip() for ln in lines)
        if para.startswith("#"):
            heading = para.lstrip("#").strip()
            if fields.title is None:
                fields.title = heading
            continue
        if (img := _IMAGE.fullmatch(para)) is not None:
            fields.photo_file = fields.photo_file or img.group(2)
            if img.group(1) and fields.caption is None:
                fields.caption, fields.credit = _caption(img.group(1), fields.credit)
            continue
        para = _LINK.sub(r"\1", para)
        para = _EMPHASIS.sub(r"\2", para)
        fields.paragraphs.append(para)
    return fields


def _front_matter(block: str) -> dict[str, Any]:
    """YAML front matter; flat ``key: value`` lines when it is not valid YAML.

    Editors write values such as ``photo_caption: ... تصوير: name`` that strict YAML refuses.
    """
    try:
        meta = yaml.safe_load(block)
        if isinstance(meta, dict):
            return meta
    except yaml.YAMLError:
        pass
    meta = {}
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        if sep and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", key.strip()):
            meta[key.strip()] = value.strip().strip("\"'")
    if not meta and block.strip():
        raise InputError("front matter is neither YAML nor key: value lines")
    return meta


def parse_json(text: str, name: str) -> RawFields:
    """A JSON object with at least ``title`` and ``paragraphs``; ``quotes`` when given are kept."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict):
        raise InputError(f"{name}: JSON article must be an object with title and paragraphs")
    paragraphs = data.get("paragraphs")
    if not isinstance(paragraphs, list) or not all(isinstance(p, str) for p in paragraphs):
        raise InputError(f"{name}: JSON article needs \"paragraphs\": a list of strings")
    fields = RawFields(paragraphs=list(paragraphs))
    meta = {k: v for k, v in data.items() if k in _STRING_KEYS}
    photo = data.get("photo")
    if isinstance(photo, dict):
        meta.update({"photo": photo.get("file"), "photo_caption": photo.get("caption"),
                     "photo_credit": photo.get("credit")})
    elif isinstance(photo, str):
        meta["photo"] = photo
    _apply_meta(fields, meta)
    if "quotes" in data:
        fields.quotes = _quotes(data["quotes"], name, len(paragraphs))
    return fields


def _apply_meta(fields: RawFields, meta: dict[str, Any]) -> None:
    for key in _STRING_KEYS:
        value = meta.get(key)
        if value is not None:
            setattr(fields, key, str(value).strip())
    if fields.published:
        fields.published = parse_date(fields.published) or fields.published
    if meta.get("photo"):
        fields.photo_file = str(meta["photo"])
    caption, credit = meta.get("photo_caption"), meta.get("photo_credit")
    if caption:
        fields.caption, fields.credit = _caption(str(caption), str(credit) if credit else None)
    elif credit:
        fields.credit = str(credit)


def _caption(caption: str, credit: str | None) -> tuple[str, str | None]:
    if credit:
        return caption, credit
    return split_credit(caption)


def _quotes(items: Any, name: str, count: int) -> tuple[Quote, ...]:
    if not isinstance(items, list):
        raise InputError(f"{name}: \"quotes\" must be a list")
    quotes = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InputError(f"{name}: quote {i + 1} needs a \"text\" string")
        known = {k: item[k] for k in Quote.__dataclass_fields__ if k in item}
        try:
            quote = Quote(**known)
        except TypeError as exc:
            raise InputError(f"{name}: quote {i + 1}: {exc}") from None
        if problem := quote_place_error(quote, count):
            raise InputError(f"{name}: quote {i + 1} {problem}")
        quotes.append(quote)
    return tuple(quotes)
