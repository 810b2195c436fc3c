"""What ``repackage ingest --show`` prints: the page, line by line, with each line's verdict."""

from __future__ import annotations

from repackage.ingest.page import Verdict
from repackage.model import Article
from repackage.text.arabic import normalize

WIDTH = 22


def given_verdicts(article: Article) -> list[Verdict]:
    """Verdicts for an input that gives its fields (Markdown, JSON, a stored record)."""
    out = [Verdict(0, article.title, "headline")]
    if article.photo.caption:
        out.append(Verdict(0, article.photo.caption, "caption"))
    if article.photo.credit:
        out.append(Verdict(0, article.photo.credit, "credit"))
    if article.byline:
        out.append(Verdict(0, article.byline, "byline"))
    if article.published:
        out.append(Verdict(0, article.published, "date"))
    out += [Verdict(0, p, "body") for p in article.paragraphs]
    out += [Verdict(d.line or 0, d.text, "dropped", d.why) for d in article.dropped]
    return out


def show_lines(article: Article, verdicts: list[Verdict]) -> list[str]:
    """One printable row per line: number, verdict, text; quotes listed under their paragraph."""
    by_paragraph: dict[int, list] = {}
    for q in article.quotes:
        by_paragraph.setdefault(q.paragraph, []).append(q)
    index = {p: i for i, p in enumerate(article.paragraphs)}
    standfirst = [q for q in article.quotes if q.location == "standfirst"]
    shown: list = []
    rows = []
    for v in verdicts:
        kind = v.kind
        if kind == "dropped":
            kind = f"dropped:{v.why or 'chrome'}"
        elif kind == "headline" and normalize(v.text) != article.title:
            kind = "dropped:overridden"  # the user's --title or front matter wins
        elif kind == "caption" and article.photo.credit:
            rows.append(_row(v.line, kind, article.photo.caption or ""))
            kind, v = "credit", Verdict(v.line, article.photo.credit, "credit")
        number = f"{v.line:4}" if v.line else "   -"
        if v.kind == "body":
            key = normalize(v.text)
            # a line joined to the next into one paragraph (a quote broken over two lines)
            found = index.get(key, next((i for p, i in index.items() if key and p.startswith(key + " ")), -1))
            quotes = by_paragraph.get(found, [])
        elif v.kind == "headline" and normalize(v.text) == article.title:
            quotes = [q for q in article.quotes if q.location == "headline"]
        elif v.kind == "dropped" and v.why == "standfirst":
            quotes = [q for q in standfirst if q.text in normalize(v.text)]
            shown += quotes
        else:
            quotes = []
        if quotes and kind == "body":
            kind = "quote" if any(q.card_worthy for q in quotes) else "body"
        rows.append(_row(v.line, kind, v.text, number))
        for q in quotes:
            who = q.speaker or "?"
            label = "quote" if q.card_worthy else "fragment"
            rows.append(f"{'':4}  {'':{WIDTH}}  └ {label}: «{q.text}» — {who}")
    if article.title not in [v.text for v in verdicts if v.kind == "headline"]:
        rows.insert(0, _row(0, "headline", article.title))
    rows += [f"   -  {'standfirst':{WIDTH}}  └ quote: «{q.text}» — {q.speaker or '?'}"
             for q in standfirst if q not in shown]
    return rows


def _row(line: int, kind: str, text: str, number: str | None = None) -> str:
    number = number or (f"{line:4}" if line else "   -")
    return f"{number}  {kind:{WIDTH}}  {text}"
