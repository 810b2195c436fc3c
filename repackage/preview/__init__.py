"""The review page: one self-contained static HTML page per article, and a batch index.

``write_page`` is the pipeline stage's edge: it reads what the other stages wrote into
``OUT/<slug>/`` (:mod:`gather`), plans the page (:mod:`plan`, pure), renders it with Jinja2
(:mod:`render`) and writes ``OUT/<slug>/index.html`` only when its bytes changed.
``write_index`` does the same for ``OUT/index.html``; ``preview`` is what the command calls.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from repackage.atomic import write_bytes, write_if_changed
from repackage.digest import input_sha256
from repackage.errors import InputError
from repackage.model import Article
from repackage.preview import index as batch_index
from repackage.preview.gather import INPUT_FILES, read_outputs
from repackage.preview.plan import plan_page

__all__ = ["PAGE_NAME", "write_page", "write_index", "preview", "page_key", "FEED_NAME"]

PAGE_NAME = batch_index.PAGE_NAME
FEED_NAME = "feed.xml"
_SHIPPED = ("templates/page.html.j2", "templates/index.html.j2", "static/preview.css",
            "static/preview.js", "static/twitter-text.js")


def page_key(slug_dir: Path) -> dict[str, Any]:
    """What the page is made from besides the article: a digest per input file present (the
    episode's audio only by presence: its facts come from episode.json) and of the shipped
    templates and scripts."""
    here = Path(__file__).resolve().parent
    shipped = hashlib.sha256()
    for name in _SHIPPED:
        shipped.update(input_sha256(here / name).encode("ascii"))
    inputs: dict[str, str | None] = {}
    for name in INPUT_FILES:
        path = Path(slug_dir) / name
        if not path.is_file():
            continue
        inputs[name] = "present" if name.endswith((".mp3", ".jpg")) else input_sha256(path)
    return {"files": inputs, "page": shipped.hexdigest()}


def write_page(article: Article, slug_dir: str | os.PathLike[str], *,
               force: bool = False) -> dict[str, Any]:
    """Write ``slug_dir/index.html`` for ``article`` from the outputs found beside it.

    Returns ``{"page": "index.html", "written": bool}``: False when the page was already
    byte for byte the same and left untouched (``force`` rewrites it anyway).
    """
    from repackage.preview.render import cache_dir, render_page

    slug_dir = Path(slug_dir)
    html = render_page(plan_page(article, read_outputs(slug_dir)), index_link=True,
                       cache=cache_dir(slug_dir.parent))
    data = html.encode("utf-8")
    if force:
        write_bytes(slug_dir / PAGE_NAME, data)
        written = True
    else:
        written = write_if_changed(slug_dir / PAGE_NAME, data)
    return {"page": PAGE_NAME, "written": written}


def write_index(out_dir: str | os.PathLike[str],
                failures: Iterable[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """Write ``out_dir/index.html`` listing every article folder with its status, then the
    ``failures`` (batch rows with ``input`` and ``reason``) that made no folder."""
    from repackage.preview.render import cache_dir, render_index

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    folders = batch_index.read_folders(out_dir)
    known = {f["slug"] for f in folders}
    failed = [f for f in failures if f.get("slug") not in known]
    rows = batch_index.plan_rows(folders, failed)
    feed = FEED_NAME if (out_dir / FEED_NAME).is_file() else None
    html = render_index(rows, feed=feed, cache=cache_dir(out_dir))
    written = write_if_changed(out_dir / PAGE_NAME, html.encode("utf-8"))
    return {"page": str(out_dir / PAGE_NAME), "written": written, "articles": len(rows),
            "rows": rows}


def _is_slug_dir(path: Path) -> bool:
    return (path / "article.json").is_file()


def _is_batch_dir(path: Path) -> bool:
    return any(p.is_dir() and (_is_slug_dir(p) or (p / "manifest.json").is_file())
               for p in path.iterdir())


def preview(target: str | os.PathLike[str], out_dir: str | os.PathLike[str] = "out"
            ) -> dict[str, Any]:
    """Write the review page(s) ``target`` names and say which.

    ``target`` is an article folder ``OUT/<slug>`` (its page), an output folder ``OUT``
    (every article's page and the batch index) or an article file (its page in
    ``out_dir/<slug>/``, from whatever the stages have written there). Raises InputError
    when ``target`` is none of these.
    """
    from repackage.ingest import load_article
    from repackage.pipeline.lock import folder_lock

    path = Path(target)
    if path.is_dir() and _is_slug_dir(path):
        slug_dirs, index_dir = [path], None
    elif path.is_dir() and _is_batch_dir(path):
        slug_dirs, index_dir = sorted(p for p in path.iterdir() if _is_slug_dir(p)), path
    elif path.is_dir():
        raise InputError(f"{path}: not an article's output folder (no article.json) "
                         "nor a folder of them")
    elif path.is_file():
        article = load_article(path)
        slug_dirs, index_dir = [Path(out_dir) / article.slug], None
    else:
        raise InputError(f"{path}: no such file or folder")
    pages = []
    for slug_dir in slug_dirs:
        with folder_lock(slug_dir):
            stored = slug_dir / "article.json"
            article = load_article(stored) if path.is_dir() else article
            result = write_page(article, slug_dir)
        pages.append({"slug": article.slug, "page": str(slug_dir / PAGE_NAME),
                      "written": result["written"]})
    summary: dict[str, Any] = {"pages": pages, "index": None}
    if index_dir is not None:
        index = write_index(index_dir)
        summary["index"] = {k: index[k] for k in ("page", "written", "articles")}
        summary["rows"] = [{k: r[k] for k in ("slug", "title", "status", "page")}
                           for r in index["rows"]]
    return summary
