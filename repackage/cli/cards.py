"""`repackage cards` (placeholder until implemented)."""

import click


@click.command("cards")
def command() -> None:
    """(not implemented yet)"""
    raise click.ClickException("not implemented yet")
