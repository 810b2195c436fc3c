"""`repackage thread`: thread drafts for X, Bluesky, Mastodon and Threads, or check one."""

from __future__ import annotations

import sys

import click

from repackage.cli.common import echo_json, json_option, library_errors, out_option

_PLATFORMS = ("x", "bluesky", "mastodon", "threads")


@click.command(
    "thread",
    epilog=(
        "Examples:\n\n\b\n"
        "  repackage thread article.txt --numbering arabic\n"
        "  repackage thread article.txt --max-posts 6\n"
        "  repackage thread article.txt --full -p mastodon --mastodon-limit 1000\n"
        "  repackage thread article.txt -p x -p bluesky --article-url https://example.org/a\n"
        "  repackage thread --check out/my-slug/thread/x.md"
    ),
)
@click.argument("article", required=False, metavar="[ARTICLE]")
@click.option("-p", "--platform", "platforms", multiple=True,
              type=click.Choice(_PLATFORMS, case_sensitive=False),
              help="Platform to draft for (repeatable; default: all four).")
@out_option
@click.option("--numbering", type=click.Choice(("none", "western", "arabic")), default="none",
              show_default=True, help="Post counters: none, 1/5, or ١/٥ (counted in the limit).")
@click.option("--hashtags/--no-hashtags", default=True, show_default=True,
              help="Add hashtags for the story's key names and places to the first post.")
@click.option("--article-url", metavar="URL", help="Link to the article (default: its own url).")
@click.option("--episode-url", metavar="URL", help="Link to the podcast episode.")
@click.option("--mastodon-limit", type=click.IntRange(min=1), metavar="N",
              help="Your Mastodon server's post limit (default 500).")
@click.option("--full", is_flag=True,
              help="The whole article, paragraph after paragraph, instead of the condensed thread.")
@click.option("--max-posts", type=click.IntRange(min=2), default=8, show_default=True,
              metavar="N", help="Longest condensed thread: hook, quotes, facts, links.")
@click.option("--check", "check_file", type=click.Path(dir_okay=False, path_type=str),
              metavar="FILE.md", help="Re-check an edited draft instead; exit 1 if a post is over.")
@json_option
@library_errors
def command(article: str | None, platforms: tuple[str, ...], out_dir: str, numbering: str,
            hashtags: bool, article_url: str | None, episode_url: str | None,
            mastodon_limit: int | None, full: bool, max_posts: int, check_file: str | None,
            as_json: bool) -> None:
    """Thread drafts for X, Bluesky, Mastodon and Threads.

    Drafts a social editor can post after one read (or, with --check, re-checks
    an edited one). The condensed thread (at most --max-posts posts) opens with the
    headline, the lead's key sentence, the article link and the photo credit; then each
    card-worthy quote with its card and the facts that matter, in the article's order; then
    the article and episode links (marked placeholders when unknown). --full keeps the whole
    article instead. Writes OUT/<slug>/thread/thread.json, and per platform <platform>.md (the
    draft) and <platform>.json (the platform's API records), plus thread.csv for scheduling
    tools. Every post fits its platform's limit.
    """
    if check_file is not None:
        if article is not None:
            raise click.UsageError("give either ARTICLE or --check FILE.md, not both")
        if len(platforms) > 1:
            raise click.UsageError("--check takes at most one --platform")
        _check(check_file, platforms[0] if platforms else None, mastodon_limit, as_json)
        return
    if article is None:
        raise click.UsageError("missing ARTICLE (or --check FILE.md)")

    from pathlib import Path

    from repackage.ingest import load_article
    from repackage.thread import build_threads

    art = load_article(article)
    slug_dir = Path(out_dir) / art.slug
    links = {"article": article_url, "episode": episode_url}
    result = build_threads(art, slug_dir, platforms=[p.lower() for p in platforms] or None,
                           links=links, numbering=numbering, hashtags=hashtags,
                           mastodon_limit=mastodon_limit, full=full, max_posts=max_posts)
    if as_json:
        echo_json({"dir": str(slug_dir / "thread"), **result})
        return
    for name, data in result["platforms"].items():
        posts = data["posts"]
        longest = max(p["length"] for p in posts)
        media = sum(len(p["media"]) for p in posts)
        click.echo(f"{name:9} {len(posts):2} posts, longest {longest}/{posts[0]['limit']}, "
                   f"{media} images  {slug_dir / 'thread' / (name + '.md')}")
    if result.get("placeholders"):
        click.echo(f"Fill in before posting: {', '.join(result['placeholders'])} link "
                   "(marked with square brackets).", err=True)


def _check(path: str, platform: str | None, mastodon_limit: int | None, as_json: bool) -> None:
    from repackage.thread.check import check_draft

    verdict = check_draft(path, platform=platform, mastodon_limit=mastodon_limit)
    if as_json:
        echo_json(verdict.to_dict())
    else:
        for line in verdict.messages():
            click.echo(line)
        if verdict.ok:
            click.echo(f"{path}: {len(verdict.posts)} posts, all within "
                       f"{verdict.platform}'s limits ({verdict.limit})")
    if not verdict.ok:
        sys.exit(1)
