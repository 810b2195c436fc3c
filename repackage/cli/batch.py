"""`repackage batch`: every article of a folder or glob, in parallel worker processes."""

from __future__ import annotations

import sys

import click

from repackage.cli.common import echo_json, library_errors, run_options, show_progress


@click.command(
    "batch",
    epilog=(
        "Examples:\n\n\b\n"
        "  repackage batch articles/ --engine espeak --jobs 2\n"
        "  repackage batch 'inbox/*.md' --json > summary.json\n"
        "  repackage batch articles/ --base-url https://example.org/podcast/   # + feed.xml\n"
    ),
)
@click.argument("inputs", metavar="DIR|GLOB")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Parallel workers (default: the CPU count).")
@run_options
@library_errors
def command(inputs: str, jobs: int | None, engine: str, sizes: tuple[str, ...],
            platforms: tuple[str, ...], out_dir: str, base_url: str | None, force: bool,
            preview: bool, as_json: bool, quiet: bool) -> None:
    """Run `all` on every article in a folder (its .txt, .md, .json and .html files) or a glob.

    One article failing does not stop the others. At the end a summary names each failure
    with its reason (a table, or JSON with --json); exit 1 if any article failed. Quote a
    glob so the shell does not expand it.
    """
    from repackage.cli.progress import CountBar
    from repackage.pipeline.batch import run_batch
    from repackage.pipeline.report import batch_table, failure_line, feed_line

    bar = CountBar() if show_progress(quiet) else None
    try:
        summary = run_batch(inputs, out_dir, jobs=jobs, engine=engine, force=force,
                            sizes=sizes or ("square",), platforms=platforms or None,
                            preview=preview, progress=bar, base_url=base_url)
    finally:
        if bar:
            bar.close()
    if as_json:
        echo_json(summary)
    else:
        click.echo("\n".join(batch_table(summary)))
    feed = summary.get("feed")
    if feed and feed["ok"] and not as_json:
        click.echo(feed_line(feed))
    failed = [row for row in summary["articles"] if row["status"] == "failed"]
    if failed and (as_json or not sys.stdout.isatty()):
        # the table already names them on a terminal; scripts and logs get them on stderr
        for row in failed:
            click.echo(f"Error: {failure_line(row)}", err=True)
    if feed and not feed["ok"]:
        click.echo(f"Error: {feed_line(feed)}", err=True)
    if failed or (feed and not feed["ok"]):
        raise SystemExit(1)
