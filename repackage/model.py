"""The Article: the one frozen record that ingest makes and every later stage only reads.

``article.json`` is this record serialised (see docs/article-schema.md). Text is kept in
logical order and NFC; it is never reshaped for display.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from repackage.errors import InputError

SCHEMA_VERSION = 1
# Where an Article's title comes from: the input itself (page headline, front matter, JSON),
# the user (--title), or the first paragraph, when the input prints no headline.
TITLE_SOURCES = ("page", "user", "lead")
QUOTE_LOCATIONS = ("body", "headline", "standfirst")


def quote_place_error(quote: Quote, paragraphs: int) -> str | None:
    """Why ``quote`` cannot stand where it says it does, or None: a body quote points at one of
    the ``paragraphs``; a headline or standfirst quote points at none."""
    if quote.location not in QUOTE_LOCATIONS:
        return f"location must be one of {', '.join(QUOTE_LOCATIONS)}, not {quote.location!r}"
    if quote.location != "body":
        return None if quote.paragraph is None else f"a {quote.location} quote has no paragraph"
    if not isinstance(quote.paragraph, int) or not 0 <= quote.paragraph < max(paragraphs, 1):
        return f"points at paragraph {quote.paragraph!r}, which does not exist"
    return None


@dataclass(frozen=True)
class Photo:
    """The article's lead photo: file path (absolute, or None when only a caption is known)."""

    file: str | None = None
    caption: str | None = None
    credit: str | None = None


@dataclass(frozen=True)
class Quote:
    """One quotation of the article.

    ``paragraph`` is the 0-based index into ``Article.paragraphs``, or None for a quote printed
    outside the body (``location`` says where: an interview's headline or standfirst).
    ``card_worthy`` is False for short scare-quoted fragments that read only inside their sentence.
    """

    text: str
    speaker: str | None = None
    paragraph: int | None = 0
    card_worthy: bool = True
    role: str | None = None
    as_written: str | None = None
    attribution: str = "none"  # "before", "after" or "none"
    marks: str = '"'  # the quote-mark style seen in the source; "unbalanced" when one is missing
    location: str = "body"  # "body", or "headline" / "standfirst" for an outlet's pull quote


@dataclass(frozen=True)
class Dropped:
    """A line of the input that is not part of the article, and why it was left out.

    ``why`` is a short word: ``chrome``, ``duplicate``, ``after-end``, ``title-suffix``,
    ``alt-text``, ``embed``, ``date``, ``byline``, ``standfirst``, ``subheading``, ``source``.
    ``line`` is the 1-based line number.
    """

    text: str
    why: str
    line: int | None = None


@dataclass(frozen=True)
class InputInfo:
    """Where the article came from: path as given, sha256 of its bytes, detected encoding."""

    path: str
    sha256: str
    encoding: str
    format: str = "raw"  # "raw", "markdown" or "json"


@dataclass(frozen=True)
class Article:
    """A stored news article. Immutable: stages derive new data, they never edit this."""

    slug: str
    title: str
    paragraphs: tuple[str, ...]
    input: InputInfo
    lang: str = "ar"
    byline: str | None = None
    published: str | None = None
    source: str | None = None
    publisher: str | None = None
    url: str | None = None
    photo: Photo = field(default_factory=Photo)
    quotes: tuple[Quote, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    title_from: str = "page"  # "page" (the input's own), "user" (given on the command line), "lead"
    schema: int = SCHEMA_VERSION

    @property
    def card_quotes(self) -> tuple[Quote, ...]:
        """The quotes worth a card, in article order."""
        return tuple(q for q in self.quotes if q.card_worthy)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form, keys in the documented order."""
        d = asdict(self)
        order = ["schema", "slug", "lang", "title", "title_from", "byline", "published", "source", "publisher",
                 "url", "photo", "paragraphs", "quotes", "dropped", "input"]
        return {k: d[k] for k in order}

    def to_json(self) -> str:
        """Serialise as UTF-8-friendly, indented JSON (Arabic kept readable)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        """Rebuild from ``to_dict`` output; raise InputError on anything malformed."""
        try:
            schema = int(d.get("schema", SCHEMA_VERSION))
            if schema != SCHEMA_VERSION:
                raise InputError(f"unsupported article schema {schema} (this version reads {SCHEMA_VERSION})")
            photo = Photo(**(d.get("photo") or {}))
            quotes = tuple(Quote(**q) for q in d.get("quotes") or ())
            dropped = tuple(Dropped(**x) for x in d.get("dropped") or ())
            inp = InputInfo(**d["input"])
            paragraphs = tuple(str(p) for p in d["paragraphs"])
            for i, q in enumerate(quotes):
                if problem := quote_place_error(q, len(paragraphs)):
                    raise ValueError(f"quote {i + 1} {problem}")
            title_from = str(d.get("title_from", "page"))
            if title_from not in TITLE_SOURCES:
                raise ValueError(f"title_from must be one of {', '.join(TITLE_SOURCES)}")
            return cls(
                slug=str(d["slug"]), title=str(d["title"]), paragraphs=paragraphs, input=inp,
                lang=str(d.get("lang", "ar")), byline=d.get("byline"), published=d.get("published"),
                source=d.get("source"), publisher=d.get("publisher"), url=d.get("url"),
                photo=photo, quotes=quotes, dropped=dropped, title_from=title_from, schema=schema,
            )
        except InputError:
            raise
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"malformed article record: {exc.__class__.__name__}: {exc}") from None
