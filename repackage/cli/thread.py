"""`repackage thread` (placeholder until implemented)."""

import click


@click.command("thread")
def command() -> None:
    """(not implemented yet)"""
    raise click.ClickException("not implemented yet")
