"""`repackage count` (placeholder until implemented)."""

import click


@click.command("count")
def command() -> None:
    """(not implemented yet)"""
    raise click.ClickException("not implemented yet")
