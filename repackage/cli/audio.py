"""`repackage audio` (placeholder until implemented)."""

import click


@click.command("audio")
def command() -> None:
    """(not implemented yet)"""
    raise click.ClickException("not implemented yet")
