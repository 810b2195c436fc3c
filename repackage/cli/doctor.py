"""`repackage doctor`: what this machine has and lacks, and how to fix each missing piece."""

from __future__ import annotations

import click

from repackage.cli.common import echo_json, json_option, library_errors


@click.command(
    "doctor",
    epilog="Example:\n\n\b\n  repackage doctor          # exit 1 when something required is missing\n",
)
@json_option
@library_errors
def command(as_json: bool) -> None:
    """Check Raqm/FriBiDi, fonts, ffmpeg, espeak-ng, the diacritizer and network reach.

    Each missing piece comes with the command that fixes it. Tesseract is needed only by
    the tests and the network only by the gTTS voice: those are warnings. Exit 1 when a
    required piece is missing.
    """
    from repackage.pipeline.doctor import run_doctor
    from repackage.pipeline.report import doctor_lines

    report = run_doctor()
    if as_json:
        echo_json(report)
    else:
        click.echo("\n".join(doctor_lines(report)))
    if not report["ok"]:
        raise SystemExit(1)
