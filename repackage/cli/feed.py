"""`repackage feed`: the podcast feed of every episode in an output folder."""

from __future__ import annotations

import click

from repackage.cli.common import echo_json, json_option, library_errors, quiet_option


@click.command(
    "feed",
    epilog=(
        "Examples:\n\n\b\n"
        "  repackage feed out --base-url https://example.org/podcast/\n"
        "  repackage feed out --base-url https://example.org/podcast/ --show my-show.toml\n"
    ),
)
@click.argument("out_dir", metavar="OUT", type=click.Path(file_okay=False, path_type=str))
@click.option("--base-url", metavar="URL", default=None,
              help="Where OUT is published (http/https); default: [feed] base_url of the show.")
@click.option("--show", "show_file", metavar="FILE", default=None,
              type=click.Path(dir_okay=False, path_type=str),
              help="A TOML file whose [show] and [feed] values override the show template.")
@json_option
@quiet_option
@library_errors
def command(out_dir: str, base_url: str | None, show_file: str | None, as_json: bool,
            quiet: bool) -> None:
    """Write OUT/feed.xml: every episode under OUT, newest first, for podcast apps.

    Each item points at OUT/<slug>/audio/episode.mp3 (with its exact byte length), its
    WebVTT and SRT transcripts and its chapters, under the base URL. Show art is the show's
    image, or a 3000x3000 cover drawn from its name (OUT/cover.jpg). Nothing is written
    when an episode's files changed since its episode.json; an unchanged feed is left as it
    is.
    """
    from repackage.feed import write_feed

    summary = write_feed(out_dir, base_url, show_file=show_file)
    if as_json:
        echo_json(summary)
    elif not quiet:
        state = "written" if summary["written"] else "unchanged"
        click.echo(f"{summary['feed']}  {summary['items']} episodes "
                   f"({summary['new_items']} new), {state}; subscribe at {summary['url']}")
