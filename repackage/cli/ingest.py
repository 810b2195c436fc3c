"""`repackage ingest` (placeholder until implemented)."""

import click


@click.command("ingest")
def command() -> None:
    """(not implemented yet)"""
    raise click.ClickException("not implemented yet")
