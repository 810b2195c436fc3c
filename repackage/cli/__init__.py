"""The ``repackage`` command line: a thin layer over the library.

Each command lives in its own module, translates options into one library call and turns
``RepackageError`` into a one-line Click error (exit 1). Usage errors exit 2. Nothing heavy
(Pillow, pydub, gTTS, onnxruntime) is imported here: command bodies import lazily.
"""

from __future__ import annotations

import importlib

import click

from repackage import __version__

# name -> module; each module defines ``command``. Order is the order shown in --help.
COMMANDS = {
    "ingest": "repackage.cli.ingest",
    "audio": "repackage.cli.audio",
    "cards": "repackage.cli.cards",
    "thread": "repackage.cli.thread",
    "count": "repackage.cli.count",
    "all": "repackage.cli.all",
    "batch": "repackage.cli.batch",
    "feed": "repackage.cli.feed",
    "preview": "repackage.cli.preview",
    "doctor": "repackage.cli.doctor",
}


class _Group(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        return importlib.import_module(module).command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # keep the pipeline order instead of Click's alphabetical one
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, cmd.get_short_help_str(limit=formatter.width - 20)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=(
        "Examples:\n\n\b\n"
        "  repackage all article.txt            # episode, cards and threads in ./out/<slug>/\n"
        "  repackage ingest article.txt --json  # just the stored article\n"
        "  repackage doctor                     # what is missing on this machine\n"
        "\nExit codes: 0 ok, 1 failure, 2 usage error."
    ),
)
@click.version_option(__version__, "-V", "--version", prog_name="repackage")
def cli() -> None:
    """Turn one stored Arabic news article into a podcast episode, quote cards and thread drafts.

    ARTICLE arguments accept a raw scraped page (.txt), Markdown with front matter (.md),
    JSON in the article schema, or a stored article.json written by `repackage ingest`.
    """


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="repackage")
