"""The stage registry: which library function each stage calls, what its outputs depend on.

Stage functions are resolved lazily (``module:attribute``) so importing the pipeline stays
cheap, and every one of them can be swapped through ``StageFunctions`` (tests inject fakes;
the defaults are the real libraries).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from repackage.digest import input_sha256
from repackage.model import Article

# A stage's progress(done, total, label), and a run's progress(stage, done, total, label).
Progress = Callable[[int, int, str], None]
RunProgress = Callable[[str, int, int, str], None]

# The library entry points, by the name the registry knows them under.
DEFAULT_TARGETS: Mapping[str, str] = {
    "load_article": "repackage.ingest:load_article",
    "store": "repackage.ingest:store",
    "audio": "repackage.audio:build_episode",
    "cards": "repackage.cards:render_cards",
    "thread": "repackage.thread:build_threads",
    "preview": "repackage.preview:write_page",
}


@dataclass(frozen=True)
class StageFunctions:
    """The functions the pipeline calls; anything not given is the real library function.

    ``overrides`` maps a name of ``DEFAULT_TARGETS`` to a callable with the same signature.
    It must hold module-level functions when used with worker processes (they are pickled).
    """

    overrides: Mapping[str, Callable[..., Any]] = field(default_factory=dict)

    def get(self, name: str) -> Callable[..., Any]:
        """The callable for ``name``, importing the real one on first use."""
        if name in self.overrides:
            return self.overrides[name]
        module, _, attr = DEFAULT_TARGETS[name].partition(":")
        return getattr(importlib.import_module(module), attr)


@dataclass(frozen=True)
class RunOptions:
    """What the user asked for; each stage's up-to-date key covers only the part it reads."""

    engine: str = "auto"
    force: bool = False
    sizes: tuple[str, ...] = ("square",)
    platforms: tuple[str, ...] | None = None
    preview: bool = True


def _always(opts: RunOptions) -> bool:
    return True


@dataclass(frozen=True)
class Stage:
    """One product stage: its output folder, what its result depends on, and how to call it.

    ``index`` is the file (relative to the slug folder) holding the stage's result; it is
    always an output, even when a run found nothing to change and left it untouched.
    ``depends`` returns the stage's options for the up-to-date key (JSON-able), given the run
    options and the slug folder (for files an earlier stage wrote). ``call`` runs the stage
    function and returns its JSON-able result. ``enabled`` says whether the run asked for
    the stage at all (a stage left out keeps its earlier record and files).
    """

    name: str
    folder: str
    index: str
    depends: Callable[[RunOptions, Article, Path], dict[str, Any]]
    call: Callable[..., dict[str, Any]]
    enabled: Callable[[RunOptions], bool] = _always


def _file_digest(path: str | Path | None) -> str | None:
    if not path:
        return None
    try:
        return input_sha256(path)
    except OSError:
        return None


def _audio_call(fn: Callable[..., Any], article: Article, slug_dir: Path, opts: RunOptions,
                earlier: Mapping[str, Any], progress: Progress | None) -> dict[str, Any]:
    return fn(article, slug_dir, engine=opts.engine, force=opts.force, progress=progress)


def _cards_call(fn: Callable[..., Any], article: Article, slug_dir: Path, opts: RunOptions,
                earlier: Mapping[str, Any], progress: Progress | None) -> dict[str, Any]:
    return fn(article, slug_dir, sizes=opts.sizes, progress=progress)


def _thread_call(fn: Callable[..., Any], article: Article, slug_dir: Path, opts: RunOptions,
                 earlier: Mapping[str, Any], progress: Progress | None) -> dict[str, Any]:
    # The cards made in this run; when the cards stage was up to date the thread stage reads
    # cards/cards.json itself (None), which is the same content.
    return fn(article, slug_dir, platforms=opts.platforms, cards=earlier.get("cards"))


def _preview_call(fn: Callable[..., Any], article: Article, slug_dir: Path, opts: RunOptions,
                  earlier: Mapping[str, Any], progress: Progress | None) -> dict[str, Any]:
    return fn(article, slug_dir, force=opts.force)


def _preview_depends(opts: RunOptions, article: Article, slug_dir: Path) -> dict[str, Any]:
    from repackage.preview import page_key

    return page_key(slug_dir)


CARDS_INDEX = "cards/cards.json"

STAGES: tuple[Stage, ...] = (
    Stage(
        name="audio",
        folder="audio",
        index="audio/episode.json",
        depends=lambda opts, article, slug_dir: {"engine": opts.engine},
        call=_audio_call,
    ),
    Stage(
        name="cards",
        folder="cards",
        index=CARDS_INDEX,
        depends=lambda opts, article, slug_dir: {
            "sizes": list(opts.sizes),
            "photo": _file_digest(article.photo.file),
        },
        call=_cards_call,
    ),
    Stage(
        name="thread",
        folder="thread",
        index="thread/thread.json",
        depends=lambda opts, article, slug_dir: {
            "platforms": None if opts.platforms is None else list(opts.platforms),
            "cards": _file_digest(slug_dir / CARDS_INDEX),
            # the thread folder carries a copy of the lead photo
            "photo": _file_digest(article.photo.file),
        },
        call=_thread_call,
    ),
    # The review page reads every other stage's files, so it comes last; its folder is the
    # slug folder itself (it writes only index.html there).
    Stage(
        name="preview",
        folder=".",
        index="index.html",
        depends=_preview_depends,
        call=_preview_call,
        enabled=lambda opts: opts.preview,
    ),
)
