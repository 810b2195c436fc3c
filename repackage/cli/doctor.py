"""`repackage doctor` (placeholder until implemented)."""

import click


@click.command("doctor")
def command() -> None:
    """(not implemented yet)"""
    raise click.ClickException("not implemented yet")
