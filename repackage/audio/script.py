"""Episode script planning: the ordered segments a presenter reads, as pure data.

``plan_script(article, show)`` decides what is said; ``script.json`` is that plan, which a
producer may edit. ``read_script`` validates an edited file. No I/O except in the two
small read/write helpers at the bottom.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from repackage.errors import ConfigError, InputError
from repackage.model import Article, Quote
from repackage.text.arabic import normalize

from .show import KINDS, Show

SCRIPT_VERSION = 1
_MARKS = "\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019"
_EDGE = re.compile(rf"^[\s{_MARKS}\u060c,:.\u061b]+|[\s{_MARKS}\u060c,:\u061b]+$")
_SAYING = re.compile(r"^(?:و|ف)?(?:قال|يقول|أضاف|تابع|أكد|صرح|أوضح|ذكر|قالت|أضافت)(?=\s|$)")


@dataclass(frozen=True)
class Segment:
    """One spoken piece of the episode.

    ``id`` is stable across runs (``intro``, ``headline``, ``p03``, ``credits``, ``outro``);
    ``title`` is the chapter title; ``pause_ms`` is the silence after it.
    """

    id: str
    kind: str
    text: str
    pause_ms: int
    title: str = ""


@dataclass(frozen=True)
class Script:
    """An episode script: segments in order plus where they came from."""

    slug: str
    title: str
    segments: tuple[Segment, ...]
    article_sha256: str
    show_sha256: str
    planned_sha256: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The ``script.json`` form."""
        return {
            "version": SCRIPT_VERSION,
            "slug": self.slug,
            "title": self.title,
            "source": {
                "article_sha256": self.article_sha256,
                "show_sha256": self.show_sha256,
                "planned_sha256": self.planned_sha256 or segments_sha256(self.segments),
            },
            "segments": [asdict(s) for s in self.segments],
        }

    @property
    def edited(self) -> bool:
        """True when the segments differ from what the planner wrote."""
        return bool(self.planned_sha256) and self.planned_sha256 != segments_sha256(self.segments)


def segments_sha256(segments: tuple[Segment, ...] | list[Segment]) -> str:
    """Hash of the segments' content (id, kind, text, pause, title)."""
    blob = json.dumps([asdict(s) for s in segments], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def article_sha256(article: Article) -> str:
    """Hash of what the script is planned from (title, body, quotes, credits)."""
    d = article.to_dict()
    keep = {k: d[k] for k in ("title", "paragraphs", "quotes", "source", "publisher", "byline")}
    blob = json.dumps(keep, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _clean_edge(text: str) -> str:
    return _EDGE.sub("", text).strip()


def _excerpt(text: str, limit: int = 48) -> str:
    text = normalize(text.replace('"', "").replace("«", "").replace("»", ""))
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip("\u060c,:") + "…"


def _who(quote: Quote) -> str:
    parts = [p for p in (quote.role, quote.speaker) if p]
    return " ".join(parts)


# a quote that follows one of these (within a few words: "قال إن مالي «…»") is reported
# speech; a colon there would turn it into direct speech and change the sentence
_COMPLEMENTIZER = re.compile(r"[وفل]?(?:ب)?[إأا]ن{1,2}[\u064b-\u0652]*(?:ه|ها|هم|هما|نا)?")


def _reported(lead: str) -> bool:
    return any(_COMPLEMENTIZER.fullmatch(w) for w in lead.split()[-4:])


def quote_text(paragraph: str, quote: Quote, show: Show, *, first_mention: bool) -> str | None:
    """How a presenter reads a paragraph that carries ``quote``, in the article's own words.

    An attribution printed after the quote (``"…"، قال شي لنظيره``) moves to the front
    (``قال شي لنظيره: …``); an attribution before it gets a colon only when the quote is
    direct speech (never after ``إن``/``أن``, which make it reported speech). Nothing is
    added or reworded: the words spoken are the paragraph's words, reordered at most.
    Otherwise the paragraph is read as printed. Returns None when the quote cannot be found
    in the paragraph.
    ``show`` and ``first_mention`` are kept for callers; the speaker is named as printed.
    """
    para = normalize(paragraph)
    q = normalize(quote.text).strip(_MARKS)
    start = para.find(q)
    if not q or start < 0:
        return None
    raw_before = para[:start]
    before = _clean_edge(raw_before)
    after = _clean_edge(para[start + len(q):]).rstrip(".")
    body = q.rstrip(".\u060c ")
    if before:
        lead = before.rstrip(":").rstrip()
        if raw_before.rstrip(_MARKS + " ").endswith(":"):
            return para  # the colon is printed already
        if (_reported(lead) or any(m in lead for m in _MARKS)
                or raw_before.rstrip().endswith(("\u060c", ","))):
            return para
        # only a colon is added; the rest stays as printed (quote marks are never spoken)
        return f"{lead}: {para[start:].strip()}"
    if after and _SAYING.match(after) and not re.search(r"[.!?\u061f\u061b]", after):
        return f"{after}: {body}."
    return para


def plan_script(article: Article, show: Show) -> Script:
    """Plan the episode: intro, headline, one segment per paragraph (quotes voiced with their
    speaker), credits, outro. Raises InputError when the article has no body."""
    paragraphs = [normalize(p) for p in article.paragraphs if normalize(p)]
    if not paragraphs:
        raise InputError(f"article {article.slug!r} has no body text to voice")
    ch = show.chapters
    segs: list[Segment] = [
        Segment("intro", "intro", show.say("intro"), show.pause_after("intro"),
                ch.get("intro", "المقدمة")),
        Segment("headline", "headline", show.say("headline", title=normalize(article.title)),
                show.pause_after("headline"), _excerpt(article.title) or ch.get("headline", "")),
    ]
    quotes_by_para: dict[int, Quote] = {}
    for q in article.card_quotes:
        if q.paragraph is not None:  # a headline's pull quote is voiced with the headline
            quotes_by_para.setdefault(q.paragraph, q)
    mentioned: set[str] = set()
    for i, para in enumerate(article.paragraphs):
        para = normalize(para)
        if not para:
            continue
        sid = f"p{i + 1:02d}"
        quote = quotes_by_para.get(i)
        spoken = None
        if quote is not None:
            first = (quote.speaker or "") not in mentioned
            spoken = quote_text(para, quote, show, first_mention=first)
        if spoken is not None and quote is not None:
            mentioned.add(quote.speaker or "")
            title = f"{quote.speaker}: {_excerpt(quote.text, 36)}" if quote.speaker else _excerpt(
                quote.text)
            segs.append(Segment(sid, "quote", spoken, show.pause_after("quote"), title))
        else:
            segs.append(Segment(sid, "paragraph", para, show.pause_after("paragraph"),
                                _excerpt(para)))
    source = article.publisher or article.source
    if source and article.byline and "credits_with_byline" in show.words:
        credits = show.say("credits_with_byline", source=source, byline=article.byline)
    elif source and "credits_with_source" in show.words:
        credits = show.say("credits_with_source", source=source)
    else:
        credits = show.say("credits_plain")
    segs.append(Segment("credits", "credits", credits, show.pause_after("credits"),
                        ch.get("credits", "المصدر")))
    segs.append(Segment("outro", "outro", show.say("outro"), show.pause_after("outro"),
                        ch.get("outro", "الختام")))
    segments = tuple(segs)
    return Script(article.slug, normalize(article.title), segments, article_sha256(article),
                  show.sha256, segments_sha256(segments))


def script_from_dict(d: Any, origin: str = "script.json") -> Script:
    """Validate and rebuild a script (as edited by a producer); ConfigError names the segment."""
    if not isinstance(d, dict) or not isinstance(d.get("segments"), list):
        raise ConfigError(f"{origin}: expected an object with a 'segments' list")
    if d.get("version", SCRIPT_VERSION) != SCRIPT_VERSION:
        raise ConfigError(f"{origin}: unsupported script version {d.get('version')!r}")
    segs: list[Segment] = []
    seen: set[str] = set()
    for n, s in enumerate(d["segments"], 1):
        where = f"{origin}: segment {n}"
        if not isinstance(s, dict):
            raise ConfigError(f"{where}: expected an object")
        sid = str(s.get("id") or "").strip()
        where = f"{origin}: segment {n} ({sid or 'no id'})"
        if not sid or not re.fullmatch(r"[A-Za-z0-9_-]{1,40}", sid):
            raise ConfigError(f"{where}: 'id' must be 1-40 letters, digits, '-' or '_'")
        if sid in seen:
            raise ConfigError(f"{where}: duplicate id")
        seen.add(sid)
        kind = s.get("kind")
        if kind not in KINDS:
            raise ConfigError(f"{where}: 'kind' must be one of {', '.join(KINDS)}")
        text = s.get("text")
        if not isinstance(text, str) or not normalize(text):
            raise ConfigError(f"{where}: 'text' must be non-empty text")
        pause = s.get("pause_ms", 0)
        if isinstance(pause, bool) or not isinstance(pause, int) or not 0 <= pause <= 10_000:
            raise ConfigError(f"{where}: 'pause_ms' must be a whole number from 0 to 10000")
        title = s.get("title") or ""
        if not isinstance(title, str):
            raise ConfigError(f"{where}: 'title' must be text")
        segs.append(Segment(sid, kind, normalize(text), pause, normalize(title)))
    if not segs:
        raise ConfigError(f"{origin}: has no segments")
    src = d.get("source")
    src = src if isinstance(src, dict) else {}
    return Script(str(d.get("slug", "")), str(d.get("title", "")), tuple(segs),
                  str(src.get("article_sha256", "")), str(src.get("show_sha256", "")),
                  str(src.get("planned_sha256", "")))


def script_markdown(script: Script) -> str:
    """A readable ``script.md``: one heading per segment, the text, the pause."""
    lines = [f"# {script.title}", "",
             "Edit script.json (not this file); the next run voices the edited script.", ""]
    for n, s in enumerate(script.segments, 1):
        lines.append(f"## {n:02d} · {s.kind} · {s.id}" + (f" · {s.title}" if s.title else ""))
        lines.append("")
        lines.append(s.text)
        lines.append("")
        lines.append(f"*pause {s.pause_ms} ms*")
        lines.append("")
    return "\n".join(lines)


def read_script(path: Path) -> Script | None:
    """Read ``script.json`` if it exists (None otherwise)."""
    try:
        raw = path.read_text("utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text (save the edited script as UTF-8)") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    return script_from_dict(data, str(path))
