"""The batch index ``OUT/index.html``: every article folder of OUT with its status.

``read_folders`` is the I/O edge (manifests and a few counts); ``plan_rows`` is pure. The
status comes from each folder's manifest, never from the timing of the last run, so an
unchanged re-run renders the same page byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from repackage.preview.gather import read_json

PAGE_NAME = "index.html"
STATUS_LABELS = {"ready": "جاهز", "incomplete": "غير مكتمل", "failed": "فشل"}


def read_folders(out_dir: Path) -> list[dict[str, Any]]:
    """What each article folder of ``out_dir`` says about itself, sorted by slug."""
    found = []
    for folder in sorted(p for p in Path(out_dir).iterdir()
                         if p.is_dir() and not p.name.startswith(".")):
        manifest = read_json(folder / "manifest.json")
        article = read_json(folder / "article.json")
        if manifest is None and article is None:
            continue
        cards = read_json(folder / "cards" / "cards.json")
        thread = read_json(folder / "thread" / "thread.json")
        episode = read_json(folder / "audio" / "episode.json")
        found.append({
            "slug": folder.name, "manifest": manifest, "article": article,
            "cards": len(cards["cards"]) if cards and isinstance(cards.get("cards"), list) else None,
            "posts": _post_count(thread),
            "fallback": bool(episode and episode.get("fallback")),
            "page": (folder / PAGE_NAME).is_file(),
        })
    return found


def _post_count(thread: dict[str, Any] | None) -> int | None:
    platforms = (thread or {}).get("platforms")
    if not isinstance(platforms, dict):
        return None
    return sum(len(p.get("posts") or ()) for p in platforms.values() if isinstance(p, dict))


def plan_rows(folders: Iterable[Mapping[str, Any]],
              failures: Iterable[Mapping[str, Any]] = ()) -> list[dict[str, Any]]:
    """One row per article folder, then one per failed input that made no folder."""
    rows = []
    for f in folders:
        manifest = f.get("manifest") or {}
        title = manifest.get("title") or (f.get("article") or {}).get("title") or f["slug"]
        status = "ready" if manifest.get("complete") else "incomplete"
        rows.append({
            "slug": f["slug"], "input": None, "title": title, "status": status,
            "status_label": STATUS_LABELS[status], "engine": manifest.get("engine"),
            "fallback": f.get("fallback", False), "cards": f.get("cards"),
            "posts": f.get("posts"), "reason": None,
            "page": f"{f['slug']}/{PAGE_NAME}" if f.get("page") else None,
        })
    for failure in failures:
        rows.append({
            "slug": failure.get("slug"), "input": failure.get("input"),
            "title": failure.get("input") or "?", "status": "failed",
            "status_label": STATUS_LABELS["failed"], "engine": None, "fallback": False,
            "cards": None, "posts": None, "reason": failure.get("reason"), "page": None,
        })
    return rows
