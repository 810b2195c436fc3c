"""Options and error handling shared by the commands (Click only: keep this import-light)."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any

import click

from repackage.errors import RepackageError

article_argument = click.argument(
    "article", type=click.Path(dir_okay=False, path_type=str), metavar="ARTICLE"
)
out_option = click.option(
    "--out", "out_dir", type=click.Path(file_okay=False, path_type=str), default="out",
    show_default=True, help="Output folder; results go to OUT/<slug>/.",
)
json_option = click.option(
    "--json", "as_json", is_flag=True, help="Print a JSON summary on stdout (for scripts)."
)
quiet_option = click.option("-q", "--quiet", is_flag=True, help="No progress output.")
ENGINES = ("auto", "gtts", "mbrola", "espeak")
engine_option = click.option(
    "--engine", type=click.Choice(ENGINES), default="auto", show_default=True,
    help="Voice: gtts (Google, online), mbrola (offline, clearer; Debian's MBROLA voices), "
         "espeak (offline) or auto (gtts when reachable, else the best offline voice).",
)



def run_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The options of a whole-pipeline run (`all`, `batch`), in the order help shows them."""
    options = [
        engine_option,
        click.option("--size", "sizes", multiple=True, metavar="NAME",
                     help="Card size; repeat for several (default: square)."),
        click.option("--platform", "platforms", multiple=True, metavar="P",
                     help="Thread platform; repeat for several (default: all)."),
        out_option,
        click.option("--base-url", metavar="URL", default=None,
                     help="Also refresh OUT/feed.xml, the podcast feed of OUT published at "
                          "URL (http/https); default: [feed] base_url of the show template."),
        click.option("--force", is_flag=True, help="Redo every stage, even those up to date."),
        click.option("--preview/--no-preview", default=True, show_default=True,
                     help="Write the review pages (OUT/<slug>/index.html, OUT/index.html)."),
        json_option,
        quiet_option,
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def library_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the library's RepackageError into a one-line Click error (exit 1)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except RepackageError as exc:
            raise click.ClickException(str(exc)) from None
        except OSError as exc:  # an output folder that cannot be written, a full disk, ...
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from None
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            sys.exit(130)

    return wrapper


def echo_json(obj: Any) -> None:
    """Print ``obj`` as JSON on stdout."""
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2))


def show_progress(quiet: bool = False) -> bool:
    """Progress bars only on an interactive stderr and when not asked to be quiet."""
    return not quiet and sys.stderr.isatty()
