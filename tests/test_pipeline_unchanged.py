"""An unchanged re-run of `all` or `batch` changes no modification time under OUT: not the
results, not the review pages, not the lock (taken on the folder itself)."""

from __future__ import annotations

import os
from pathlib import Path

import pipeline_fakes
import pytest
from click.testing import CliRunner

from repackage.cli import cli
from repackage.pipeline import stages

ARTICLES = {
    "alpha.txt": "خبر أول\nفقرة أولى من الخبر.\n\"قول يستحق بطاقة\"\n",
    "beta.txt": "خبر ثان\nفقرة وحيدة في الخبر الثاني.\n",
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(stages, "DEFAULT_TARGETS", pipeline_fakes.TARGETS)
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, "utf-8")
    return folder


def mtimes(root: Path) -> dict[str, tuple[int, int]]:
    """(mtime_ns, inode) of every file and folder under ``root``, hidden ones included."""
    found = {".": (root.stat().st_mtime_ns, root.stat().st_ino)}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            st = path.stat()
            found[path.relative_to(root).as_posix()] = (st.st_mtime_ns, st.st_ino)
    return found


def invoke(*args: str) -> str:
    result = CliRunner(mix_stderr=False).invoke(cli, [*args, "--engine", "espeak", "-q"])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_unchanged_rerun_of_all_changes_no_mtime_pages_included(folder: Path, tmp_path: Path):
    out = tmp_path / "out"
    printed = invoke("all", str(folder / "alpha.txt"), "--out", str(out))
    assert f"review page: {out / 'alpha'}/index.html" in printed
    assert (out / "alpha" / "index.html").is_file() and (out / "index.html").is_file()
    assert not (out / "alpha" / ".lock").exists()
    before = mtimes(out)
    invoke("all", str(folder / "alpha.txt"), "--out", str(out))
    assert mtimes(out) == before


def test_unchanged_rerun_of_batch_changes_no_mtime(folder: Path, tmp_path: Path):
    out = tmp_path / "out"
    invoke("batch", str(folder), "--jobs", "1", "--out", str(out))
    before = mtimes(out)
    assert {"alpha/index.html", "beta/index.html", "index.html"} <= set(before)
    invoke("batch", str(folder), "--jobs", "1", "--out", str(out))
    assert mtimes(out) == before


def test_no_preview_writes_no_page(folder: Path, tmp_path: Path):
    out = tmp_path / "out"
    invoke("all", str(folder / "beta.txt"), "--out", str(out), "--no-preview")
    assert (out / "beta" / "manifest.json").is_file()
    assert not (out / "beta" / "index.html").exists() and not (out / "index.html").exists()
