"""`repackage all`: ingest, then audio, cards and thread for each article, with a manifest."""

from __future__ import annotations

import click

from repackage.cli.common import echo_json, library_errors, run_options, show_progress


@click.command(
    "all",
    epilog=(
        "Examples:\n\n\b\n"
        "  repackage all article.txt --engine espeak   # everything in ./out/<slug>/\n"
        "  repackage all a.txt b.md --out results --json\n"
    ),
)
@click.argument("articles", nargs=-1, required=True, metavar="ARTICLE...",
                type=click.Path(dir_okay=False, path_type=str))
@run_options
@library_errors
def command(articles: tuple[str, ...], engine: str, sizes: tuple[str, ...],
            platforms: tuple[str, ...], out_dir: str, base_url: str | None, force: bool,
            preview: bool, as_json: bool, quiet: bool) -> None:
    """Make the episode, cards and threads of each ARTICLE, skipping what is up to date.

    Results go to OUT/<slug>/, with manifest.json listing every file (path, size, sha256),
    the engine used and each stage's timing. A re-run with the same input and options
    rewrites nothing; --force redoes everything. Articles run one after the other; one
    failing does not stop the rest (exit 1 at the end).
    """
    from repackage.cli.progress import StageBars
    from repackage.pipeline.batch import run_articles
    from repackage.pipeline.report import article_lines, failure_line, feed_line

    bars = StageBars() if show_progress(quiet) else None
    try:
        summary = run_articles(
            articles, out_dir, jobs=1, engine=engine, force=force,
            sizes=sizes or ("square",), platforms=platforms or None, preview=preview,
            stage_progress=bars, base_url=base_url,
        )
    finally:
        if bars:
            bars.close()
    if as_json:
        echo_json(summary)
    else:
        for row in summary["articles"]:
            if row["status"] != "failed":
                click.echo("\n".join(article_lines(row)))
    feed = summary.get("feed")
    if feed and feed["ok"] and not as_json:
        click.echo(feed_line(feed))
    failed = [row for row in summary["articles"] if row["status"] == "failed"]
    for row in failed:
        click.echo(f"Error: {failure_line(row)}", err=True)
    if feed and not feed["ok"]:
        click.echo(f"Error: {feed_line(feed)}", err=True)
    if failed or (feed and not feed["ok"]):
        raise SystemExit(1)
