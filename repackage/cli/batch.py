"""`repackage batch` (placeholder until implemented)."""

import click


@click.command("batch")
def command() -> None:
    """(not implemented yet)"""
    raise click.ClickException("not implemented yet")
