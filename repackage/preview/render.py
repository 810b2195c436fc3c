"""Turn a planned page into HTML with Jinja2 (autoescaping on), inlining the shipped styles and
scripts so the page is one self-contained file that needs no server and no network."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

from repackage import __version__

_HERE = Path(__file__).resolve().parent
STATIC = _HERE / "static"
TEMPLATES = _HERE / "templates"


def cache_dir(out_dir: Path) -> Path:
    """Where compiled templates are kept: beside the voice cache (``$REPACKAGE_CACHE`` if
    set, else ``OUT/.cache``), so a run compiles a template only once per version."""
    env = os.environ.get("REPACKAGE_CACHE")
    return (Path(env) if env else Path(out_dir) / ".cache") / "preview"


@functools.lru_cache(maxsize=4)
def _environment(cache: str | None = None) -> Any:
    import jinja2

    bytecode = None
    if cache:
        try:
            os.makedirs(cache, exist_ok=True)
            bytecode = jinja2.FileSystemBytecodeCache(cache)
        except OSError:  # a read-only cache only costs the compile
            bytecode = None
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every piece of article text is escaped, templates are .j2
        undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
        bytecode_cache=bytecode,
    )


@functools.cache
def static_text(name: str) -> str:
    """A shipped static file's text (styles and scripts of the page)."""
    return (STATIC / name).read_text("utf-8")


def _inline(name: str) -> Any:
    from markupsafe import Markup

    # Our own shipped code, not article text: inlined as it is (it holds no "</script").
    return Markup(static_text(name))


def _script_data(page: dict[str, Any]) -> dict[str, Any]:
    threads = page["threads"]
    return {
        "title": threads["title"],
        "placeholders": threads["placeholders"],
        "twitter_config": threads["twitter_config"],
        "platforms": {
            t["name"]: {**{k: v for k, v in t.items() if k not in ("posts", "over")},
                        "posts": [{"media": [{"file": m["file"], "alt": m["alt"]}
                                             for m in p["media"]]} for p in t["posts"]]}
            for t in threads["platforms"]
        },
    }


def render_page(page: dict[str, Any], *, index_link: bool = False,
                cache: Path | None = None) -> str:
    """The article's review page as HTML; ``index_link`` adds a link up to the batch index;
    ``cache`` is a folder for compiled templates."""
    template = _environment(str(cache) if cache else None).get_template("page.html.j2")
    has_threads = bool(page["threads"]["platforms"])
    return template.render(
        page=page, article=page["article"], episode=page["episode"], cards=page["cards"],
        threads=page["threads"], data=_script_data(page), index_link=index_link,
        version=__version__, css=_inline("preview.css"), js=_inline("preview.js"),
        twitter_text=_inline("twitter-text.js") if has_threads else "",
    )


def render_index(rows: list[dict[str, Any]], *, feed: str | None = None,
                 cache: Path | None = None) -> str:
    """The batch index as HTML: one row per article with its status."""
    template = _environment(str(cache) if cache else None).get_template("index.html.j2")
    ready = sum(1 for r in rows if r["status"] == "ready")
    return template.render(rows=rows, ready=ready, feed=feed, version=__version__,
                           css=_inline("preview.css"))
