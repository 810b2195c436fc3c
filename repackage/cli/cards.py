"""`repackage cards`: right-to-left quote cards (PNG) from one article."""

from __future__ import annotations

import warnings
from pathlib import Path

import click

from repackage.cli.common import (
    article_argument,
    echo_json,
    json_option,
    library_errors,
    out_option,
    quiet_option,
    show_progress,
)

SIZE_NAMES = ("square", "portrait", "story", "landscape")


@click.command(
    "cards",
    epilog=(
        "Sizes: square 1080x1080, portrait 1080x1350, story 1080x1920, landscape 1600x900.\n"
        "Templates: classic (default), light, or a .toml/.json file of your own.\n\n"
        "Examples:\n\n\b\n"
        "  repackage cards article.txt\n"
        "  repackage cards out/my-slug/article.json --size square --size story --json\n"
        "  repackage cards article.txt --template light --photo lead.jpg --credit 'Name / AFP'\n"
    ),
)
@article_argument
@click.option("--size", "sizes", multiple=True, type=click.Choice(SIZE_NAMES),
              help="Card size; repeat for several.  [default: square]")
@click.option("--template", default=None, metavar="NAME|PATH",
              help="Shipped template name or a TOML/JSON template file.  [default: classic]")
@click.option("--photo", type=click.Path(dir_okay=False, path_type=str), default=None,
              help="Background photo instead of the article's own.")
@click.option("--credit", default=None, help="Photo credit (default: the article's).")
@click.option("--no-photo", is_flag=True, help="Use the template background, no photo.")
@out_option
@json_option
@quiet_option
@library_errors
def command(article: str, sizes: tuple[str, ...], template: str | None, photo: str | None,
            credit: str | None, no_photo: bool, out_dir: str, as_json: bool,
            quiet: bool) -> None:
    """Render one quote card per card-worthy quote of ARTICLE, for social editors.

    Writes OUT/<slug>/cards/quote-NN-<size>.png and cards.json (file, size, quote, speaker,
    credit, alt text and template of each card). The photo credit is printed whenever a
    photo is used. An article without card-worthy quotes gets an empty cards.json.
    """
    from repackage.cards import render_cards
    from repackage.cli.progress import CountBar
    from repackage.ingest import load_article

    if photo and no_photo:
        raise click.UsageError("--photo and --no-photo exclude each other")
    art = load_article(article)
    slug_dir = Path(out_dir) / art.slug
    bar = CountBar("cards") if show_progress(quiet) else None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = render_cards(
                art, slug_dir, sizes=sizes or ("square",), template=template,
                photo=False if no_photo else photo, credit=credit, progress=bar,
            )
        finally:
            if bar:
                bar.close()
    if not quiet:
        for w in caught:
            click.echo(f"warning: {w.message}", err=True)
    if as_json:
        echo_json(result)
        return
    if quiet:
        return
    if not result["cards"]:
        click.echo(f"{result.get('message')} ({slug_dir / 'cards' / 'cards.json'})")
        return
    for card in result["cards"]:
        cut = "  (quote cut)" if card["truncated"] else ""
        click.echo(f"{slug_dir / 'cards' / card['file']}  {card['width']}x{card['height']}{cut}")
    click.echo(f"{len(result['cards'])} cards, {result['layout']} layout, template "
               f"{result['template']} -> {slug_dir / 'cards' / 'cards.json'}", err=True)
