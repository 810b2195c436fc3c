"""`repackage count`: a text's length under one platform's rules."""

from __future__ import annotations

import sys

import click

from repackage.cli.common import echo_json, json_option, library_errors


@click.command(
    "count",
    epilog=(
        "Examples:\n\n\b\n"
        "  repackage count --platform x \"نص المنشور https://example.org\"\n"
        "  cat post.txt | repackage count --platform mastodon -\n"
        "  repackage count --platform bluesky --json \"أول\" \"ثان\""
    ),
)
@click.option("-p", "--platform", required=True, metavar="NAME",
              help="x, bluesky, mastodon or threads.")
@click.option("--mastodon-limit", type=click.IntRange(min=1), metavar="N",
              help="Your Mastodon server's post limit (default 500).")
@json_option
@click.argument("texts", nargs=-1, required=True, metavar="TEXT...")
@library_errors
def command(platform: str, mastodon_limit: int | None, as_json: bool,
            texts: tuple[str, ...]) -> None:
    """Length of each TEXT under a platform's rules.

    Prints the length, the limit and ok or OVER for each TEXT. X counts twitter-text v3 weights (URLs 23, most non-Latin-1 scripts 1, CJK and emoji 2);
    Bluesky graphemes (and at most 3000 bytes); Mastodon characters with URLs as 23; Threads
    characters with emoji as their UTF-8 bytes. A TEXT of "-" is read from stdin. Exits 1
    when any text is over.
    """
    from repackage.thread.counting import measure
    from repackage.thread.platforms import get_platform

    rules = get_platform(platform, mastodon_limit=mastodon_limit)
    values = [sys.stdin.read().rstrip("\n") if t == "-" else t for t in texts]
    for n, text in enumerate(values, 1):
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            # undecodable bytes from argv or stdin arrive as lone surrogates
            raise click.BadParameter(f"text {n} is not valid UTF-8", param_hint="TEXT") from None
    results = [measure(t, rules) for t in values]
    if as_json:
        echo_json([r.to_dict() for r in results])
    else:
        for r in results:
            extra = f", {r.bytes}/{r.byte_limit} bytes" if r.byte_limit else ""
            click.echo(f"{r.length}/{r.limit}{extra} {'ok' if r.ok else 'OVER'}")
    if not all(r.ok for r in results):
        sys.exit(1)
