"""`repackage ingest`: read one article and store it as OUT/<slug>/article.json."""

from __future__ import annotations

import click

from repackage.cli.common import (
    article_argument,
    echo_json,
    json_option,
    library_errors,
    out_option,
)


@click.command(
    "ingest",
    short_help="Read an article (raw page, Markdown, JSON) into OUT/<slug>/article.json.",
    epilog=(
        "\b\nExamples:\n"
        "  repackage ingest page.txt\n"
        "  repackage ingest page.txt --show\n"
        "  repackage ingest page.txt --slug xi-visit --title 'عنوان الخبر' --out build --json\n"
    ),
)
@article_argument
@out_option
@json_option
@click.option("--slug", help="Folder name for the outputs (a-z, 0-9, -). Default: from the file name.")
@click.option("--title", help="The headline to use, whatever the page suggests.")
@click.option("--show", is_flag=True,
              help="Also print the page line by line with each line's verdict "
                   "(headline, caption, credit, byline, date, body, quote, dropped:why).")
@library_errors
def command(article: str, out_dir: str, as_json: bool, slug: str | None, title: str | None,
            show: bool) -> None:
    """Read ARTICLE and write OUT/<slug>/article.json.

    ARTICLE is a raw scraped page, Markdown with front matter, JSON in the article schema, or
    a stored article.json. The article block is found among the page's lines; page chrome,
    repeated lines and what follows the article are dropped and listed in the record with
    their reason. Headline, photo caption and credit, byline, date, source, paragraphs and
    quotes (with speakers) are recorded. Encodings: UTF-8 (with or without BOM), UTF-16 with
    BOM, Windows-1256.
    """
    from repackage.ingest import explain, load_article, store

    if slug is not None and not slug.strip():
        raise click.BadParameter("must not be empty", param_hint="--slug")
    if title is not None and not title.strip():
        raise click.BadParameter("must not be empty", param_hint="--title")
    if show:
        from repackage.ingest.show import show_lines

        record, verdicts = explain(article, slug=slug, title=title)
    else:
        record, verdicts = load_article(article, slug=slug, title=title), None
    target = store(record, out_dir)
    if as_json:
        echo_json(record.to_dict())
        return
    if verdicts is not None:
        for row in show_lines(record, verdicts):
            click.echo(row)
        click.echo("")
    cards = len(record.card_quotes)
    click.echo(
        f"{target}  ({len(record.paragraphs)} paragraphs, {len(record.quotes)} quotes, "
        f"{cards} card-worthy, {len(record.dropped)} lines dropped, {record.input.encoding})",
    )
    if record.title_from == "lead":
        click.echo(f"note: the page prints no headline; the title is made from its first "
                   f"paragraph («{record.title}»); give one with --title", err=True)
