"""Progress: a bar per stage on a terminal, silence when piped."""

from __future__ import annotations

import io
from pathlib import Path

import pipeline_fakes
import pytest
from click.testing import CliRunner

from repackage.cli import cli
from repackage.cli.progress import StageBars
from repackage.pipeline import stages


def test_each_stage_ends_on_its_own_line():
    stream = io.StringIO()
    bars = StageBars(stream)
    bars("audio", 1, 4, "segment 1")
    bars("audio", 4, 4, "episode")
    bars("cards", 2, 2, "quote-02-square.png")
    bars.close()
    lines = [line.rsplit("\r", 1)[-1].rstrip() for line in stream.getvalue().split("\n") if line]
    assert lines == [
        "audio   [########################] 4/4 episode",
        "cards   [########################] 2/2 quote-02-square.png",
    ]
    assert "[######------------------] 1/4 segment 1" in stream.getvalue()


def test_bars_clamp_odd_counts():
    stream = io.StringIO()
    StageBars(stream)("thread", 5, 0, "")
    assert "1/1" in stream.getvalue()


def test_piped_run_prints_no_progress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(stages, "DEFAULT_TARGETS", pipeline_fakes.TARGETS)
    article = tmp_path / "story.txt"
    article.write_text("عنوان\nفقرة أولى.\n\"قول\"\n", "utf-8")
    result = CliRunner(mix_stderr=False).invoke(
        cli, ["all", str(article), "--engine", "espeak", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.splitlines()[0].startswith("story: done in ")
