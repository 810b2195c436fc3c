"""Batch runs: which files count as articles, failures isolated, summary and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pipeline_fakes
import pytest
from click.testing import CliRunner

from repackage.cli import cli
from repackage.errors import InputError
from repackage.pipeline import stages
from repackage.pipeline.batch import find_articles, one_line, run_batch
from repackage.pipeline.stages import StageFunctions

FAKE = StageFunctions(pipeline_fakes.FAKES)


def article_text(title: str) -> str:
    return f"{title}\nفقرة أولى في الخبر.\n\"قول يستحق بطاقة\"\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three articles, one binary file posing as an article, and things that are not articles."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "alpha.txt").write_text(article_text("ألف"), "utf-8")
    (src / "beta.md").write_text(article_text("باء"), "utf-8")
    (src / "gamma.txt").write_text(article_text("جيم"), "utf-8")
    (src / "broken.txt").write_bytes(bytes(range(256)) * 4)
    (src / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not an article")
    (src / ".hidden.txt").write_text(article_text("مخفي"), "utf-8")
    (src / "article.json").write_text("{}", "utf-8")
    (src / "story.expected.json").write_text("{}", "utf-8")
    return src


def test_find_articles_in_a_folder_skips_pictures_hidden_files_and_outputs(folder: Path):
    names = [p.name for p in find_articles(folder)]
    assert names == ["alpha.txt", "beta.md", "broken.txt", "gamma.txt"]


def test_find_articles_takes_saved_html_pages(folder: Path):
    (folder / "delta.html").write_text("<html><body><h1>دال</h1><p>فقرة أولى في الخبر.</p></body></html>",
                                       "utf-8")
    (folder / "epsilon.htm").write_text("<html><body><p>فقرة</p></body></html>", "utf-8")
    names = [p.name for p in find_articles(folder)]
    assert names == ["alpha.txt", "beta.md", "broken.txt", "delta.html", "epsilon.htm", "gamma.txt"]


def test_find_articles_skips_the_folders_own_documentation(folder: Path):
    (folder / "README.md").write_text("# Articles\n\nWhat this folder holds.\n", "utf-8")
    (folder / "LICENSE.txt").write_text("Terms of use.\n", "utf-8")
    names = [p.name for p in find_articles(folder)]
    assert names == ["alpha.txt", "beta.md", "broken.txt", "gamma.txt"]


def test_find_articles_by_glob_and_single_file(folder: Path):
    assert [p.name for p in find_articles(str(folder / "*.txt"))] == [
        "alpha.txt", "broken.txt", "gamma.txt"]
    assert find_articles(folder / "beta.md") == [folder / "beta.md"]


def test_find_articles_reports_nothing_found(tmp_path: Path):
    with pytest.raises(InputError, match="no article files"):
        find_articles(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        find_articles(tmp_path / "missing")


def test_one_line_reasons():
    assert one_line(InputError("a.txt: not\nUTF-8")) == "a.txt: not UTF-8"
    assert one_line(ValueError("bad")) == "ValueError: bad"


def test_parallel_batch_finishes_the_others_when_one_fails(folder: Path, tmp_path: Path):
    out = tmp_path / "out"
    summary = run_batch(folder, out, jobs=2, engine="espeak", functions=FAKE)
    assert summary["ok"] is False
    assert (summary["total"], summary["failed"], summary["jobs"]) == (4, 1, 2)
    by_name = {Path(r["input"]).name: r for r in summary["articles"]}
    assert by_name["broken.txt"]["status"] == "failed"
    assert "broken.txt" in by_name["broken.txt"]["reason"]
    assert "\n" not in by_name["broken.txt"]["reason"]
    for name, slug in (("alpha.txt", "alpha"), ("beta.md", "beta"), ("gamma.txt", "gamma")):
        assert by_name[name]["status"] == "done"
        assert by_name[name]["slug"] == slug
        assert json.loads((out / slug / "manifest.json").read_text("utf-8"))["complete"]
    assert not (out / "broken").exists()


def test_batch_rerun_is_up_to_date(folder: Path, tmp_path: Path):
    (folder / "broken.txt").unlink()
    out = tmp_path / "out"
    run_batch(folder, out, jobs=2, engine="espeak", functions=FAKE)
    again = run_batch(folder, out, jobs=2, engine="espeak", functions=FAKE)
    assert again["ok"] is True
    assert {r["status"] for r in again["articles"]} == {"up-to-date"}


@pytest.fixture
def fake_targets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stages, "DEFAULT_TARGETS", pipeline_fakes.TARGETS)


def test_batch_command_exits_1_naming_the_failure(folder: Path, tmp_path: Path, fake_targets):
    out = tmp_path / "out"
    result = CliRunner(mix_stderr=False).invoke(
        cli, ["batch", str(folder), "--jobs", "1", "--engine", "espeak", "--out", str(out)])
    assert result.exit_code == 1
    table = result.stdout.splitlines()
    assert table[0].split()[:3] == ["STATUS", "SLUG", "SECONDS"]
    failed = [line for line in table if line.startswith("failed")]
    assert len(failed) == 1 and "broken.txt" in failed[0]
    assert "3 of 4 articles ok, 1 failed" in table[-1]
    assert "broken.txt" in result.stderr


def test_batch_command_json(folder: Path, tmp_path: Path, fake_targets):
    out = tmp_path / "out"
    result = CliRunner(mix_stderr=False).invoke(
        cli, ["batch", str(folder / "*.md"), "-j", "1", "--json", "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["ok"] is True and summary["total"] == 1
    assert summary["articles"][0]["slug"] == "beta"


def test_batch_command_with_nothing_to_do_is_a_one_line_error(tmp_path: Path):
    result = CliRunner(mix_stderr=False).invoke(cli, ["batch", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("Error:") and len(result.stderr.splitlines()) == 1


def test_all_command_runs_each_article_and_reports_failures(folder: Path, tmp_path: Path,
                                                            fake_targets):
    out = tmp_path / "out"
    args = ["all", str(folder / "alpha.txt"), str(folder / "broken.txt"), "--engine", "espeak",
            "--out", str(out)]
    result = CliRunner(mix_stderr=False).invoke(cli, args)
    assert result.exit_code == 1
    assert "alpha: done" in result.stdout
    assert str(out / "alpha" / "manifest.json") in result.stdout
    assert result.stderr.count("Error:") == 1 and "broken.txt" in result.stderr
    again = CliRunner(mix_stderr=False).invoke(cli, [*args[:2], *args[3:], "--json"])
    assert again.exit_code == 0, again.stderr
    row = json.loads(again.stdout)["articles"][0]
    assert row["status"] == "up-to-date"
    assert all(step["skipped"] for step in row["result"]["stages"])
