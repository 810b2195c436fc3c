"""`repackage preview`: the review page of an article, or the index of a batch."""

from __future__ import annotations

import click

from repackage.cli.common import echo_json, json_option, library_errors, out_option


@click.command(
    "preview",
    epilog=(
        "Examples:\n\n\b\n"
        "  repackage preview out/sample-article --open   # write the page, open it\n"
        "  repackage preview out                         # every page, and out/index.html\n"
        "  repackage preview article.txt --out results   # results/<slug>/index.html\n"
    ),
)
@click.argument("target", metavar="ARTICLE|OUT/<slug>|OUT",
                type=click.Path(exists=True, path_type=str))
@out_option
@click.option("--open", "open_page", is_flag=True, help="Open the page in your web browser.")
@json_option
@library_errors
def command(target: str, out_dir: str, open_page: bool, as_json: bool) -> None:
    """Write the review page of an article's results: one self-contained HTML file to read
    the article, play the episode by chapter, check every card and edit the posts with live
    counts. No server and no network needed.

    OUT/<slug> writes OUT/<slug>/index.html; OUT (a folder of results) writes every
    article's page and OUT/index.html listing them with their status; an ARTICLE file
    writes the page of its results in --out. `all` and `batch` write the pages too.
    """
    from repackage.preview import preview

    summary = preview(target, out_dir)
    if as_json:
        echo_json(summary)
    else:
        for page in summary["pages"]:
            click.echo(f"{page['page']}{'' if page['written'] else '  (unchanged)'}")
        if summary["index"]:
            index = summary["index"]
            click.echo(f"{index['page']}: {index['articles']} article(s)"
                       f"{'' if index['written'] else '  (unchanged)'}")
            for row in summary["rows"]:
                click.echo(f"  {row['status']:<10} {row['slug'] or '-':<32} {row['title']}")
    if open_page:
        import webbrowser
        from pathlib import Path

        page = summary["index"]["page"] if summary["index"] else summary["pages"][0]["page"]
        if not webbrowser.open(Path(page).resolve().as_uri()):
            raise click.ClickException(f"no web browser found; open {page} yourself")
