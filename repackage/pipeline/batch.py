"""Run every article of a folder or glob, in parallel worker processes.

One article's failure never stops the others: it becomes a row of the summary with a
one-line reason. Workers are started with ``spawn`` (safe beside threads, same on every
platform), so everything they receive is pickled: module-level functions only.
"""

from __future__ import annotations

import glob as globlib
import os
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from repackage.errors import InputError, RepackageError
from repackage.pipeline.stages import RunProgress, StageFunctions

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".json", ".html", ".htm"})
# Files a folder of articles also holds that are not articles: outputs of earlier runs and
# the expected-result files kept beside test articles.
NOT_ARTICLES = frozenset({"article.json", "manifest.json", "cards.json", "thread.json"})
# A folder's own documentation (README.md, LICENSE.txt, ...), by name without suffix.
NOT_ARTICLE_STEMS = frozenset({"readme", "license", "licence", "changelog", "contributing"})
_GLOB_CHARS = frozenset("*?[")

# progress(done, total, label): one call per finished article
BatchProgress = Callable[[int, int, str], None]


def _is_article_file(path: Path) -> bool:
    name = path.name
    return (
        path.is_file()
        and not name.startswith(".")
        and path.suffix.lower() in ARTICLE_SUFFIXES
        and name not in NOT_ARTICLES
        and path.stem.lower() not in NOT_ARTICLE_STEMS
        and not name.endswith(".expected.json")
    )


def find_articles(spec: str | os.PathLike[str]) -> list[Path]:
    """The article files ``spec`` names, sorted: a folder (its .txt, .md, .json and .html files, not
    pictures, hidden files or stored outputs), a glob (every file it matches) or one file.

    Raises InputError when nothing matches.
    """
    text = os.fspath(spec)
    path = Path(text)
    if path.is_dir():
        found = sorted(p for p in path.iterdir() if _is_article_file(p))
    elif path.is_file():
        found = [path]
    elif _GLOB_CHARS & set(text):
        found = sorted(Path(p) for p in globlib.glob(text, recursive=True)
                       if Path(p).is_file() and not Path(p).name.startswith("."))
    else:
        raise InputError(f"{text}: no such file, folder or pattern")
    if not found:
        raise InputError(f"{text}: no article files found (looked for .txt, .md, .json, .html)")
    return found


def one_line(exc: BaseException) -> str:
    """A failure as one line: RepackageError messages as they are, anything else with its
    exception type (it is a defect, and the type says where to look)."""
    text = " ".join(str(exc).split())
    if isinstance(exc, RepackageError):
        return text or exc.__class__.__name__
    return f"{exc.__class__.__name__}: {text}" if text else exc.__class__.__name__


def run_one(path: str, out_dir: str, options: dict[str, Any],
            functions: StageFunctions | None = None,
            stage_progress: RunProgress | None = None) -> dict[str, Any]:
    """Run one article and return its summary row; never raises (a worker's entry point)."""
    from repackage.pipeline.run import run_article

    started = time.perf_counter()
    row: dict[str, Any] = {"input": path, "status": "failed", "slug": None, "seconds": 0.0,
                           "reason": None}
    try:
        result = run_article(path, out_dir, functions=functions, progress=stage_progress,
                             **options)
    except Exception as exc:  # noqa: BLE001 - one article's failure must not stop a batch
        row["reason"] = one_line(exc)
    else:
        row.update(status=result["status"], slug=result["slug"], result=result)
    row["seconds"] = round(time.perf_counter() - started, 3)
    return row


def _summary(rows: list[dict[str, Any]], seconds: float, jobs: int) -> dict[str, Any]:
    failed = [r for r in rows if r["status"] == "failed"]
    return {
        "ok": not failed,
        "total": len(rows),
        "failed": len(failed),
        "jobs": jobs,
        "seconds": round(seconds, 3),
        "articles": rows,
    }


def run_articles(
    paths: Sequence[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str] = "out",
    *,
    jobs: int | None = None,
    engine: str = "auto",
    force: bool = False,
    sizes: Iterable[str] = ("square",),
    platforms: Iterable[str] | None = None,
    preview: bool = True,
    progress: BatchProgress | None = None,
    stage_progress: RunProgress | None = None,
    functions: StageFunctions | None = None,
    base_url: str | None = None,
) -> dict[str, Any]:
    """Run every article of ``paths``; return the summary (rows in input order).

    ``jobs`` worker processes (default: the CPU count); with one job, or one article, the
    work runs in this process, and only then is ``stage_progress`` (per-stage progress of
    the running article) called. ``progress`` is called as each article finishes. The
    summary's ``ok`` is False when any article failed. With ``preview`` each article gets
    its review page and ``OUT/index.html`` lists every article folder of OUT with its status
    (and this run's failures); ``index`` in the summary names it.

    With ``base_url`` (or ``[feed] base_url`` in the show template) the podcast feed
    ``OUT/feed.xml`` is refreshed at the end; the summary's ``feed`` says how (``ok`` False
    and a ``reason`` when it could not be written). A ``base_url`` that is not http(s) is
    refused (ConfigError) before any article runs.
    """
    if base_url is not None:
        from repackage.feed.show import check_base_url

        base_url = check_base_url(base_url)
    started = time.perf_counter()
    names = [os.fspath(p) for p in paths]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(names) or 1))
    options = {"engine": engine, "force": force, "sizes": tuple(sizes),
               "platforms": None if platforms is None else tuple(platforms),
               "preview": preview}
    out = os.fspath(out_dir)
    rows: dict[int, dict[str, Any]] = {}
    if jobs == 1:
        for i, name in enumerate(names):
            rows[i] = run_one(name, out, options, functions, stage_progress)
            if progress:
                progress(len(rows), len(names), name)
    else:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
            futures = {pool.submit(run_one, name, out, options, functions): i
                       for i, name in enumerate(names)}
            for future in as_completed(futures):
                i = futures[future]
                try:
                    rows[i] = future.result()
                except Exception as exc:  # noqa: BLE001 - a worker died (killed, out of memory)
                    rows[i] = {"input": names[i], "status": "failed", "slug": None,
                               "seconds": 0.0, "reason": f"worker failed: {one_line(exc)}"}
                if progress:
                    progress(len(rows), len(names), names[i])
    feed = refresh_feed(out, base_url)
    ordered = [rows[i] for i in range(len(names))]
    index = None
    if preview:
        from repackage.preview import write_index

        # after the feed, so the index links it
        index = write_index(out, [r for r in ordered if r["status"] == "failed"])["page"]
    summary = _summary(ordered, time.perf_counter() - started, jobs)
    summary["index"] = index
    if feed is not None:
        summary["feed"] = feed
        summary["ok"] = summary["ok"] and feed["ok"]
    return summary


def refresh_feed(out_dir: str, base_url: str | None) -> dict[str, Any] | None:
    """Rewrite ``OUT/feed.xml`` when a base URL is given or set in the show template;
    None when neither is. Never raises: a failure is returned with its reason."""
    from repackage.feed import write_feed
    from repackage.feed.show import load_feed_show

    try:
        show = load_feed_show()
    except RepackageError as exc:
        # a broken show file must not fail runs that never asked for a feed
        return None if base_url is None else {"ok": False, "reason": one_line(exc)}
    if not (base_url or show.base_url):
        return None
    try:
        result = write_feed(out_dir, base_url, show=show)
    except RepackageError as exc:
        return {"ok": False, "reason": one_line(exc)}
    return {"ok": True, **result}


def run_batch(
    inputs: str | os.PathLike[str],
    out_dir: str | os.PathLike[str] = "out",
    **kwargs: Any,
) -> dict[str, Any]:
    """Run every article a folder or glob names (see ``find_articles``) in parallel.

    Keyword arguments are those of ``run_articles`` (``jobs``, ``engine``, ...).
    """
    return run_articles(find_articles(inputs), out_dir, **kwargs)
