"""`repackage all` (placeholder until implemented)."""

import click


@click.command("all")
def command() -> None:
    """(not implemented yet)"""
    raise click.ClickException("not implemented yet")
