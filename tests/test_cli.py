"""The command line as a whole: help, version, exit codes, `python -m repackage`."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from repackage import __version__
from repackage.cli import COMMANDS, cli


def test_help_lists_every_command_with_a_summary():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    listed = result.output.split("Commands:")[1]
    for name in COMMANDS:
        line = next(ln for ln in listed.splitlines() if ln.strip().startswith(name + " "))
        summary = line.strip()[len(name):].strip()
        assert len(summary) > 15, line
        assert "not implemented" not in summary


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_command_help_ends_with_an_example(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    lines = [ln.strip() for ln in result.output.strip().splitlines()]
    assert any("example" in ln.lower() for ln in lines), result.output
    assert lines[-1].startswith("repackage "), result.output


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_unknown_command_is_a_usage_error():
    assert CliRunner().invoke(cli, ["nope"]).exit_code == 2


def test_python_dash_m():
    proc = subprocess.run([sys.executable, "-m", "repackage", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0
    assert __version__ in proc.stdout


def test_unwritable_output_folder_is_a_one_line_error(seed_path, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(cli, ["ingest", str(seed_path), "--out", str(blocker / "out")])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    assert "Not a directory" in result.output and "Traceback" not in result.output


def test_count_refuses_text_that_is_not_utf8():
    result = CliRunner().invoke(cli, ["count", "-p", "x", "\udcff"])
    assert result.exit_code == 2
    assert "not valid UTF-8" in result.output


def test_cli_name_lists_match_the_library():
    # the CLI keeps its own copies so that --help imports nothing heavy; they must not drift
    from repackage.cards.sizes import SIZES
    from repackage.cli.cards import SIZE_NAMES
    from repackage.cli.thread import _PLATFORMS
    from repackage.thread.platforms import PLATFORM_NAMES

    assert tuple(SIZES) == SIZE_NAMES
    assert _PLATFORMS == PLATFORM_NAMES
