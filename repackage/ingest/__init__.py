"""Ingest: read one stored article (raw page, Markdown, JSON) into the frozen ``Article``.

``load_article`` is what every stage calls: it accepts a raw article or a stored
``article.json`` alike. ``store`` writes ``OUT/<slug>/article.json`` atomically.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from repackage.atomic import write_if_changed
from repackage.errors import InputError
from repackage.ingest.decode import MAX_BYTES, decode, read_input
from repackage.ingest.formats import parse_json, parse_markdown
from repackage.ingest.html import looks_like_html, parse_html
from repackage.ingest.page import Verdict
from repackage.ingest.quotes import extract_quotes
from repackage.ingest.raw import RawFields, parse_raw
from repackage.ingest.show import given_verdicts
from repackage.ingest.slug import slug_for, slugify
from repackage.model import Article, InputInfo, Photo
from repackage.text.arabic import has_presentation_forms, normalize

__all__ = ["ingest_bytes", "load_article", "explain", "store", "article_path", "MAX_BYTES"]

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
MIN_BODY_CHARS = 40


def load_article(path: str | Path, slug: str | None = None, title: str | None = None) -> Article:
    """Read ``path`` as a stored article.json, or ingest it as a raw/Markdown/JSON article.

    ``title``, when given, is the headline whatever the input says.
    """
    path = Path(path)
    data = read_input(path)
    stored = _stored_record(data)
    if stored is None:
        return ingest_bytes(data, path, slug=slug, title=title)
    article = Article.from_dict(stored)
    if title is not None and normalize(title):
        article = replace(article, title=normalize(title), title_from="user")
    if slug is not None:
        article = replace(article, slug=slug_for("", article.input.sha256, slug))
    if not article.slug or slugify(article.slug) != article.slug:
        # the slug names an output folder: never a path, whatever a hand-edited record says
        raise InputError(f"{path}: invalid slug {article.slug!r} (only a-z, 0-9 and -)")
    photo = article.photo.file
    if photo and not Path(photo).is_absolute():
        article = replace(article, photo=replace(article.photo, file=str((path.parent / photo).resolve())))
    return article


def ingest_bytes(data: bytes, path: str | Path, slug: str | None = None,
                 title: str | None = None) -> Article:
    """Build an Article from an input file's bytes. ``path`` names it and locates its photo.

    Raises InputError for anything that is not an article; never anything else.
    """
    return _ingest(data, Path(path), slug, title)[0]


def explain(path: str | Path, slug: str | None = None,
            title: str | None = None) -> tuple[Article, list[Verdict]]:
    """Ingest ``path`` and return the Article with the verdict on every line of the page.

    Inputs that are not raw pages (Markdown, JSON, a stored record) get verdicts made from the
    fields they give, without line numbers.
    """
    path = Path(path)
    data = read_input(path)
    stored = _stored_record(data)
    if stored is not None:
        article = load_article(path, slug=slug, title=title)
        return article, given_verdicts(article)
    article, fields = _ingest(data, path, slug, title)
    return article, fields.verdicts or given_verdicts(article)


def _ingest(data: bytes, path: Path, slug: str | None, title: str | None) -> tuple[Article, RawFields]:
    name = str(path)
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: over the {MAX_BYTES // 1048576} MB limit")
    decoded = decode(data, name)
    if not decoded.text.strip():
        raise InputError(f"{name}: empty article")
    suffix = path.suffix.lower()
    is_html = looks_like_html(decoded.text, suffix)  # a page's chrome may hold shaped text: checked after extraction
    if not is_html and has_presentation_forms(decoded.text):
        raise InputError(
            f"{name}: holds Arabic shaped for display (presentation forms); store the logical text"
        )
    if is_html:
        fields, fmt = parse_html(decoded.text, name), "html"
    elif suffix == ".json" or decoded.text.lstrip().startswith("{"):
        fields, fmt = parse_json(decoded.text, name), "json"
    elif suffix in (".md", ".markdown") or decoded.text.lstrip().startswith("---"):
        fields, fmt = parse_markdown(decoded.text), "markdown"
    else:
        fields, fmt = parse_raw(decoded.text), "raw"
    given = title is not None and bool(normalize(title))
    if given:
        fields.title = title  # what the user gives wins over what the page suggests
    return _build(fields, path, decoded.sha256, decoded.encoding, fmt, slug, user_title=given), fields


def _build(fields: RawFields, path: Path, sha: str, encoding: str, fmt: str, slug: str | None,
           *, user_title: bool = False) -> Article:
    name = str(path)
    paragraphs = tuple(p for p in (normalize(p) for p in fields.paragraphs) if p)
    if not paragraphs or sum(len(p) for p in paragraphs) < MIN_BODY_CHARS:
        raise InputError(f"{name}: no article text found (only page chrome or too short)")
    title = normalize(fields.title or "")
    title_from = "user" if user_title else "page" if title else "lead"
    title = title or _title_from(paragraphs[0])
    final_slug = slug_for(path.stem, sha, slug)
    if not final_slug:
        raise InputError(f"{name}: slug {slug!r} has no usable characters (a-z, 0-9, -)")
    caption = normalize(fields.caption) if fields.caption else None
    credit = normalize(fields.credit) if fields.credit else None
    photo = Photo(file=_photo_file(path, fields.photo_file), caption=caption, credit=credit)
    context = [title] + ([caption] if caption else [])
    standfirsts = [normalize(d.text) for d in fields.dropped if d.why == "standfirst"]
    quotes = fields.quotes
    if quotes is None:
        quotes = extract_quotes(list(paragraphs), context=context + standfirsts, title=title,
                                standfirsts=standfirsts)
    return Article(
        slug=final_slug, title=title, paragraphs=paragraphs,
        input=InputInfo(path=str(path), sha256=sha, encoding=encoding, format=fmt),
        byline=fields.byline, published=fields.published, source=fields.source,
        publisher=fields.publisher, url=fields.url, photo=photo, quotes=tuple(quotes),
        dropped=tuple(fields.dropped), title_from=title_from,
    )


def _title_from(paragraph: str) -> str:
    first = paragraph.split(".")[0]
    return first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "…"


def _photo_file(path: Path, named: str | None) -> str | None:
    """The photo named in the input (relative to it), else a picture beside it with its stem."""
    if named:
        candidate = (path.parent / named).resolve()
        if not candidate.is_file():
            raise InputError(f"{path}: photo {named!r} not found")
        return str(candidate)
    for suffix in PHOTO_SUFFIXES:
        for candidate in (path.with_suffix(suffix), path.with_suffix(suffix.upper())):
            if candidate.is_file():
                return str(candidate.resolve())
    return None


def _stored_record(data: bytes) -> dict | None:
    """The parsed record when ``data`` is an article.json this tool wrote, else None."""
    head = data[:200].lstrip()
    if not head.startswith(b"{") or b'"schema"' not in data[:400]:
        return None
    try:
        record = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if isinstance(record, dict) and "schema" in record and "input" in record and "slug" in record:
        return record
    return None


def article_path(out_dir: str | Path, slug: str) -> Path:
    """Where ``store`` writes an article: ``OUT/<slug>/article.json``."""
    return Path(out_dir) / slug / "article.json"


def store(article: Article, out_dir: str | Path) -> Path:
    """Write ``OUT/<slug>/article.json`` atomically (unchanged content is left untouched)."""
    target = article_path(out_dir, article.slug)
    out = Path(out_dir).resolve()
    if out not in target.resolve().parents:  # the slug alphabet makes this impossible; belt and braces
        raise InputError(f"refusing to write outside {out}: {target}")
    write_if_changed(target, article.to_json().encode("utf-8"))
    return target

