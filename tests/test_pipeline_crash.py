"""Runs killed with SIGKILL mid-way leave only valid files; concurrent runs are locked out."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from repackage.digest import file_sha256
from repackage.pipeline.lock import holder_pid

TESTS = Path(__file__).resolve().parent
ARTICLE = "عنوان\nالفقرة الأولى.\n\"اقتباس أول\"\n\"اقتباس ثان\"\n\"اقتباس ثالث\"\nالخاتمة.\n"


def start(args: list[str], delay: float) -> subprocess.Popen:
    """`repackage ARGS` in a new process, every stage replaced by the slow fakes."""
    env = {**os.environ, "FAKE_STAGE_DELAY": str(delay),
           "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen(
        [sys.executable, "-c", "import pipeline_fakes; pipeline_fakes.main()", *args],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(condition, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if proc.poll() is not None:
            pytest.fail(f"run ended before the kill point: {proc.communicate()}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("kill point never reached")
        time.sleep(0.01)


def assert_every_file_valid(slug_dir: Path) -> None:
    """JSON parses, PNGs decode, nothing is empty; temp files are hidden and never listed."""
    for path in slug_dir.rglob("*"):
        if not path.is_file() or path.name == ".lock":
            continue
        if path.name.endswith(".part"):
            assert path.name.startswith("."), f"visible temp file {path}"
            continue
        assert path.stat().st_size > 0, f"empty file {path}"
        if path.suffix == ".json":
            json.loads(path.read_text("utf-8"))
        elif path.suffix == ".png":
            with Image.open(path) as img:
                img.load()


def assert_manifest_complete(slug_dir: Path) -> dict:
    data = json.loads((slug_dir / "manifest.json").read_text("utf-8"))
    assert data["complete"] is True
    assert set(data["stages"]) == {"ingest", "audio", "cards", "thread", "preview"}
    for entry in data["outputs"]:
        assert file_sha256(slug_dir / entry["path"]) == entry["sha256"]
    return data


@pytest.mark.parametrize("kill_at", ["audio/chapters.json", "cards/quote-02-square.png",
                                     "thread/x.txt"])
def test_a_run_killed_mid_way_leaves_valid_files_and_the_next_run_completes(
        tmp_path: Path, kill_at: str):
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, "utf-8")
    out = tmp_path / "out"
    slug_dir = out / "story"
    args = ["all", str(article), "--engine", "espeak", "--out", str(out), "-q"]
    proc = start(args, delay=0.05)
    wait_for((slug_dir / kill_at).exists, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL

    assert_every_file_valid(slug_dir)
    if (slug_dir / "manifest.json").exists():
        partial = json.loads((slug_dir / "manifest.json").read_text("utf-8"))
        assert partial["complete"] is False
        for entry in partial["outputs"]:
            assert not Path(entry["path"]).name.startswith(".")

    again = start(args + ["--json"], delay=0)
    stdout, stderr = again.communicate(timeout=120)
    assert again.returncode == 0, stderr
    assert json.loads(stdout)["articles"][0]["status"] == "done"
    assert_every_file_valid(slug_dir)
    assert not list(slug_dir.rglob("*.part"))
    data = assert_manifest_complete(slug_dir)
    assert "thread/thread.json" in {o["path"] for o in data["outputs"]}


def test_a_second_run_on_the_same_folder_fails_fast_naming_the_holder(tmp_path: Path):
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, "utf-8")
    out = tmp_path / "out"
    args = ["all", str(article), "--engine", "espeak", "--out", str(out), "-q"]
    first = start(args, delay=0.2)
    wait_for(lambda: holder_pid(out / "story") == first.pid, first)

    second = start(args, delay=0)
    _, stderr = second.communicate(timeout=60)
    assert second.returncode == 1
    lines = stderr.strip().splitlines()
    assert len(lines) == 1
    assert f"in use by another repackage run (pid {first.pid})" in lines[0]
    assert str(out / "story") in lines[0]

    _, stderr = first.communicate(timeout=120)
    assert first.returncode == 0, stderr
    assert_manifest_complete(out / "story")
