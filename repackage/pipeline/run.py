"""Run every stage for one article: ingest, then audio, cards and thread, with a manifest.

Up-to-date stages are skipped (see ``fingerprint``); the output folder is locked for the run
(see ``lock``); the manifest is rewritten only when a stage actually ran.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from repackage.model import Article
from repackage.pipeline import fingerprint
from repackage.pipeline import manifest as mf
from repackage.pipeline.lock import folder_lock
from repackage.pipeline.stages import STAGES, RunOptions, RunProgress, Stage, StageFunctions


def _stage_progress(progress: RunProgress | None, stage: str) -> Callable[[int, int, str], None]:
    if progress is None:
        return lambda done, total, label: None
    return lambda done, total, label: progress(stage, done, total, label)


def _referenced_files(result: Any, slug_dir: Path, folder: Path) -> set[Path]:
    """Files under ``slug_dir`` named anywhere in a stage's result (relative or absolute)."""
    found: set[Path] = set()
    stack = [result]
    while stack:
        item = stack.pop()
        if isinstance(item, Mapping):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
        elif isinstance(item, str) and 0 < len(item) < 1024 and "\n" not in item:
            for base in (slug_dir, folder):
                try:
                    candidate = (base / item).resolve()
                    is_file = candidate.is_relative_to(slug_dir) and candidate.is_file()
                except (OSError, ValueError):  # prose, not a path: too long, NUL, ...
                    break
                if is_file:
                    found.add(candidate)
                    break
    return found


def _visible_files(folder: Path) -> Iterable[Path]:
    if not folder.is_dir():
        return []
    return (p for p in folder.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def folder_state(folder: Path) -> dict[Path, tuple[int, int, int]]:
    """(inode, mtime, size) of each visible file in ``folder``: what changed tells what a
    stage wrote (atomic writes always make a new inode)."""
    state = {}
    for p in _visible_files(folder):
        st = p.stat()
        state[p.resolve()] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return state


def collect_outputs(slug_dir: Path, stage: Stage, result: Any,
                    before: dict[Path, tuple[int, int, int]]) -> list[dict[str, Any]]:
    """The files a stage made, described for the manifest and sorted by path.

    That is every visible file in its folder that it wrote in this run (not in ``before``,
    the folder's state before the stage ran, or changed since), that its result names, or
    that holds its result (a stage may leave an unchanged file untouched); files of earlier
    runs it no longer makes are left out. When none of these finds anything, the whole
    folder counts.
    """
    slug_dir = slug_dir.resolve()
    folder = slug_dir / stage.folder
    after = folder_state(folder)
    written = {p for p, state in after.items() if before.get(p) != state}
    named = {p for p in _referenced_files(result, slug_dir, folder) if p in after}
    index = {p for p in after if p == (slug_dir / stage.index).resolve()}
    files = (written | named | index) or set(after)
    return [fingerprint.describe_output(slug_dir, p) for p in sorted(files)]


def _remove_stale_temps(slug_dir: Path) -> None:
    # Temporary files of atomic writes that a killed run left behind. Safe: we hold the lock,
    # so nobody else is writing here.
    for tmp in slug_dir.rglob(".*.part"):
        with contextlib.suppress(OSError):
            tmp.unlink()


def _engine_of(result: Any) -> str | None:
    if isinstance(result, Mapping):
        engine = result.get("engine")
        if isinstance(engine, str):
            return engine
    return None


def _voice_of(result: Any) -> dict[str, Any] | None:
    """The voice facts of an audio result: engine, voice, rates, and whether it is a fallback."""
    if not isinstance(result, Mapping) or not isinstance(result.get("engine"), str):
        return None
    return {"engine": result["engine"], "voice": result.get("voice"),
            "sample_rate": result.get("sample_rate"),
            "voice_sample_rate": result.get("voice_sample_rate"),
            "fallback": bool(result.get("fallback")),
            "fallback_reason": result.get("fallback_reason"),
            "hint": result.get("voice_hint")}


def _is_current(slug_dir: Path, previous: dict[str, Any] | None, stage: str, key: str) -> bool:
    if not previous:
        return False
    return fingerprint.is_up_to_date(slug_dir, previous["stages"].get(stage), key,
                                     mf.stage_outputs(previous, stage))


def run_article(
    path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str] = "out",
    *,
    engine: str = "auto",
    force: bool = False,
    sizes: Iterable[str] = ("square",),
    platforms: Iterable[str] | None = None,
    preview: bool = True,
    progress: RunProgress | None = None,
    functions: StageFunctions | None = None,
) -> dict[str, Any]:
    """Make everything for one article in ``OUT/<slug>/`` and return a JSON-able summary.

    ``preview`` False leaves the review page (``OUT/<slug>/index.html``) out of the run.

    Stages already up to date (same article content, same options, same tool version, outputs
    unchanged on disk) are skipped unless ``force``. ``functions`` swaps stage functions (the
    defaults are the real libraries). Raises RepackageError subclasses: InputError for an
    unreadable article, LockedError when another run holds the folder, and whatever a stage
    raises.
    """
    started = time.perf_counter()
    functions = functions or StageFunctions()
    opts = RunOptions(
        engine=engine, force=force, sizes=tuple(sizes),
        platforms=None if platforms is None else tuple(platforms), preview=preview,
    )
    report = _stage_progress(progress, "ingest")
    report(0, 1, "reading")
    t0 = time.perf_counter()
    article: Article = functions.get("load_article")(path)
    out_dir = Path(out_dir)
    slug_dir = out_dir / article.slug

    with folder_lock(slug_dir):
        _remove_stale_temps(slug_dir)
        previous = mf.read_manifest(slug_dir)
        article_sha = fingerprint.article_digest(article)
        manifest = mf.new_manifest(article.slug, article.title, {
            "path": article.input.path, "sha256": article.input.sha256,
            "format": article.input.format,
        }, article_sha)
        if previous:
            manifest["stages"] = dict(previous["stages"])
            manifest["outputs"] = list(previous["outputs"])
            manifest["engine"] = previous.get("engine")
            if previous.get("voice"):
                manifest["voice"] = previous["voice"]
        steps: list[dict[str, Any]] = []
        ran_any = False

        def finish(name: str, key: str, options: dict[str, Any], seconds: float,
                   skipped: bool, outputs: list[dict[str, Any]] | None) -> None:
            nonlocal ran_any
            steps.append({"stage": name, "skipped": skipped, "seconds": round(seconds, 3)})
            if skipped:
                return
            ran_any = True
            mf.record_stage(manifest, name, {
                "key": key, "options": options, "seconds": round(seconds, 3), "skipped": False,
            }, outputs or [])
            mf.write_manifest(slug_dir, manifest)

        # ingest: store article.json unless the stored one is this very article
        ingest_options = {"photo_file": article.photo.file}
        key = fingerprint.stage_key("ingest", article_sha, ingest_options)
        if not force and _is_current(slug_dir, previous, "ingest", key):
            report(1, 1, "up to date")
            finish("ingest", key, ingest_options, time.perf_counter() - t0, True, None)
        else:
            stored = Path(functions.get("store")(article, out_dir))
            report(1, 1, "stored")
            finish("ingest", key, ingest_options, time.perf_counter() - t0, False,
                   [fingerprint.describe_output(slug_dir.resolve(), stored.resolve())])

        earlier: dict[str, Any] = {}
        for stage in STAGES:
            if not stage.enabled(opts):
                continue
            t0 = time.perf_counter()
            report = _stage_progress(progress, stage.name)
            options = stage.depends(opts, article, slug_dir)
            key = fingerprint.stage_key(stage.name, article_sha, options)
            if not force and _is_current(slug_dir, previous, stage.name, key):
                report(1, 1, "up to date")
                finish(stage.name, key, options, time.perf_counter() - t0, True, None)
                continue
            before = folder_state(slug_dir.resolve() / stage.folder)
            report(0, 1, "working")  # not every stage reports progress itself
            result = stage.call(functions.get(stage.name), article, slug_dir, opts, earlier,
                                report)
            report(1, 1, "done")
            earlier[stage.name] = result
            if stage.name == "audio":
                manifest["engine"] = _engine_of(result) or manifest.get("engine")
                manifest["voice"] = _voice_of(result) or manifest.get("voice")
            outputs = collect_outputs(slug_dir, stage, result, before)
            finish(stage.name, key, options, time.perf_counter() - t0, False, outputs)

        for step in steps:
            manifest["stages"][step["stage"]]["skipped"] = step["skipped"]
        if ran_any or not (previous and previous.get("complete")):
            manifest["complete"] = True
            mf.write_manifest(slug_dir, manifest)
            written = True
        else:
            written = False
            manifest = previous

    return {
        "slug": article.slug,
        "slug_dir": str(slug_dir),
        "input": str(path),
        "status": "done" if ran_any else "up-to-date",
        "engine": manifest.get("engine"),
        "voice": manifest.get("voice"),
        "stages": steps,
        "outputs": len(manifest["outputs"]),
        "manifest": str(mf.manifest_path(slug_dir)),
        "manifest_written": written,
        "seconds": round(time.perf_counter() - started, 3),
    }
