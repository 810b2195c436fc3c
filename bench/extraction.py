"""Extraction accuracy: ingest every corpus page (plain text and saved HTML) and score it.

    .venv/bin/python bench/extraction.py            table per page, totals, bench/results.json
    bash bench/run --only extraction                 the same through the benchmark driver

Pages come from ../shared/corpus/real (*.txt) and ../shared/corpus/html (*.html), each beside
its ``.expected.json`` key. A page that fails to ingest is shown as an error and scores zero.
When bench/trafilatura_alone.py exists its ``baseline(path)`` gives trafilatura's own reading of
the HTML pages, scored the same way, for comparison.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

from extraction_score import PageScore, score_page, totals  # noqa: E402
from measure import SHARED, Context, Outcome, write_json  # noqa: E402

KEYS = ("extract_headline_accuracy", "extract_paragraph_f1", "extract_body_exact",
        "extract_quote_recall", "extract_quote_precision", "extract_speaker_accuracy",
        "extract_credit_accuracy")
FOLDERS = ("real", "html")


def corpus_pages(folder: str) -> list[Path]:
    """The pages of one corpus folder that have an answer key."""
    base = SHARED / "corpus" / folder
    pages = sorted(p for p in base.glob("*") if p.suffix in (".txt", ".html", ".htm"))
    return [p for p in pages if p.with_suffix(".expected.json").exists()]


def score_file(path: Path) -> PageScore:
    """Ingest one page and score it; an ingest error becomes a zero score with the reason."""
    from repackage.errors import InputError
    from repackage.ingest import ingest_bytes

    key = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
    try:
        if path.suffix in (".html", ".htm") and importlib.util.find_spec("repackage.ingest.html") is None:
            raise InputError("no HTML reader in this checkout (repackage.ingest.html)")
        article = ingest_bytes(path.read_bytes(), path)
    except InputError as exc:
        s = PageScore(name=path.name, error=str(exc).replace(str(path), path.name)[:70])
        if key.get("photo_credit"):
            s.credit_ok = False
        s.quotes_key = len([q for q in key.get("quotes") or () if not q.get("fragment")])
        return s
    return score_page(path.name, article, key)


def _baseline_module() -> Any | None:
    spec_path = BENCH_DIR / "trafilatura_alone.py"
    if not spec_path.exists():
        return None
    spec = importlib.util.spec_from_file_location("trafilatura_alone", spec_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_baseline(module: Any, path: Path) -> PageScore:
    """Score trafilatura alone (title, paragraphs, date, author) on one HTML page."""
    key = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
    try:
        got = module.baseline(path)
    except Exception as exc:  # the baseline is someone else's code: report, do not stop
        return PageScore(name=path.name, error=f"{type(exc).__name__}: {exc}"[:60])
    article = SimpleNamespace(title=got.get("title") or "", paragraphs=got.get("paragraphs") or [],
                              published=got.get("date"), byline=got.get("author"),
                              photo=SimpleNamespace(caption=None, credit=None), quotes=())
    return score_page(path.name, article, key)


def _ok(value: bool | None) -> str:
    return "-" if value is None else ("ok" if value else "no")


def _row(s: PageScore, extra: str = "") -> str:
    if s.error:
        return f"{s.name[:44]:44}  ERROR {s.error}{extra}"
    dated = "" if s.date_ok is None and s.author_ok is None else (
        f"  date {_ok(s.date_ok)} author {_ok(s.author_ok)}")
    return (f"{s.name[:44]:44}  {_ok(s.headline_ok):>4}  "
            f"{_ok(s.body_exact):>5}  {s.paragraph_f1:5.2f}  {_ok(s.credit_ok):>6}  "
            f"{s.quotes_matched:>2}/{s.quotes_key:<2} found {s.quotes_found:<2} "
            f"spk {s.speakers_right}{dated}{extra}")


def _summary(label: str, t: dict) -> str:
    def f(key: str) -> str:
        v = t[key]
        return "n/a" if v is None else f"{v:.2f}"
    return (f"{label}: headlines {f('extract_headline_accuracy')}  body exact "
            f"{f('extract_body_exact')}  paragraph F1 {f('extract_paragraph_f1')}  credits "
            f"{f('extract_credit_accuracy')}  quote recall {f('extract_quote_recall')}  precision "
            f"{f('extract_quote_precision')}  speakers {f('extract_speaker_accuracy')}"
            + (f"  dates {f('extract_date_accuracy')}  bylines {f('extract_byline_accuracy')}"
               if t.get("extract_date_accuracy") is not None else ""))


def run(echo: bool = True) -> dict[str, Any]:
    """Score every page; return totals per folder and overall, with the per-page rows."""
    say = print if echo else (lambda *a, **k: None)
    baseline = _baseline_module()
    result: dict[str, Any] = {"folders": {}, "pages": {}}
    everything: list[PageScore] = []
    for folder in FOLDERS:
        pages = corpus_pages(folder)
        if not pages:
            continue
        say(f"\n[{folder}] {'page':38}  head   body    F1  credit  quotes")
        scores, base_scores = [], []
        for path in pages:
            s = score_file(path)
            extra = ""
            if baseline is not None and folder == "html":
                b = score_baseline(baseline, path)
                base_scores.append(b)
                extra = ("   | trafilatura: " + ("ERROR" if b.error else
                         f"head {'ok' if b.headline_ok else 'no'} body "
                         f"{'ok' if b.body_exact else 'no'} F1 {b.paragraph_f1:.2f} "
                         f"date {_ok(b.date_ok)} author {_ok(b.author_ok)}"))
            say(_row(s, extra))
            scores.append(s)
            result["pages"][f"{folder}/{path.name}"] = {
                "headline": s.headline_ok, "body_exact": s.body_exact,
                "paragraph_f1": round(s.paragraph_f1, 3), "credit": s.credit_ok,
                "quotes": [s.quotes_matched, s.quotes_key, s.quotes_found],
                "speakers": s.speakers_right, "date": s.date_ok, "author": s.author_ok,
                "error": s.error}
        result["folders"][folder] = totals(scores)
        if base_scores:
            result["folders"]["html_trafilatura_alone"] = totals(base_scores)
        everything += scores
    result["totals"] = totals(everything)
    say("")
    for folder, t in result["folders"].items():
        if folder != "html_trafilatura_alone":
            continue
        say(_summary("trafilatura alone (html)", t))
    say(_summary("real (txt)", result["folders"].get("real", totals([]))))
    say(_summary("html", result["folders"].get("html", totals([]))))
    say(_summary("all pages", result["totals"]))
    return result


def measure(ctx: Context) -> Outcome:
    """The benchmark-driver entry: totals over both folders, per-folder figures as detail."""
    out = Outcome()
    result = run(echo=False)
    for key in KEYS:
        out.put(key, result["totals"][key])
    out.detail = {"folders": result["folders"], "pages": result["pages"]}
    return out


def main() -> int:
    """Print the table and totals, and merge the figures into bench/results.json."""
    result = run(echo=True)
    target = BENCH_DIR / "results.json"
    data = json.loads(target.read_text("utf-8")) if target.exists() else {}
    data.update({k: result["totals"][k] for k in KEYS})
    data.setdefault("meta", {}).setdefault("detail", {})["extraction"] = {
        "folders": result["folders"], "pages": result["pages"]}
    write_json(target, data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
