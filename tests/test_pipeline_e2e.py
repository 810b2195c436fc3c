"""The real stages on the seed article, offline voice: outputs, re-run, batch with a bad file."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from repackage.cli import cli
from repackage.digest import file_sha256


def snapshot(slug_dir: Path) -> dict[str, tuple[int, int]]:
    data = json.loads((slug_dir / "manifest.json").read_text("utf-8"))
    paths = ["manifest.json"] + [o["path"] for o in data["outputs"]]
    return {p: (os.stat(slug_dir / p).st_ino, os.stat(slug_dir / p).st_mtime_ns) for p in paths}


def decodes_as_audio(path: Path) -> bool:
    import imageio_ffmpeg

    run = subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-i", str(path),
                          "-f", "null", "-"], capture_output=True, text=True, timeout=120)
    return run.returncode == 0 and not run.stderr.strip()


def assert_readable(path: Path) -> None:
    """The file is whole: non-empty, and JSON parses, PNG decodes, MP3 decodes."""
    assert path.stat().st_size > 0, path
    if path.suffix == ".json":
        json.loads(path.read_text("utf-8"))
    elif path.suffix == ".png":
        with Image.open(path) as img:
            img.load()
    elif path.suffix == ".mp3":
        assert decodes_as_audio(path), path


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> Path:
    out = tmp_path_factory.mktemp("e2e") / "out"
    result = CliRunner(mix_stderr=False).invoke(
        cli, ["all", str(seed_path), "--engine", "espeak", "--out", str(out), "--json"])
    assert result.exit_code == 0, result.stderr
    row = json.loads(result.stdout)["articles"][0]
    assert row["status"] == "done" and row["slug"] == "cap-xi-tajikistan"
    return out


def test_seed_run_writes_every_output_its_manifest_lists(seed_out: Path):
    slug_dir = seed_out / "cap-xi-tajikistan"
    data = json.loads((slug_dir / "manifest.json").read_text("utf-8"))
    assert data["complete"] is True and data["engine"] == "espeak"
    paths = [o["path"] for o in data["outputs"]]
    assert "article.json" in paths
    assert any(p.startswith("audio/") and p.endswith(".mp3") for p in paths)
    assert sum(p.startswith("cards/") and p.endswith(".png") for p in paths) >= 4
    assert "cards/cards.json" in paths and "thread/thread.json" in paths
    for entry in data["outputs"]:
        path = slug_dir / entry["path"]
        assert path.stat().st_size == entry["size"] > 0
        assert file_sha256(path) == entry["sha256"]
        assert_readable(path)
    # every file of the run is listed (nothing but the manifest itself beside)
    on_disk = {p.relative_to(slug_dir).as_posix() for p in slug_dir.rglob("*") if p.is_file()}
    assert on_disk - set(paths) == {"manifest.json"}


def test_seed_thread_uses_the_cards_of_the_run(seed_out: Path):
    slug_dir = seed_out / "cap-xi-tajikistan"
    cards = json.loads((slug_dir / "cards" / "cards.json").read_text("utf-8"))
    thread_text = (slug_dir / "thread" / "thread.json").read_text("utf-8")
    for card in cards["cards"]:
        assert Path(card["file"]).name in thread_text


def test_seed_rerun_rewrites_nothing(seed_out: Path, seed_path: Path):
    slug_dir = seed_out / "cap-xi-tajikistan"
    before = snapshot(slug_dir)
    result = CliRunner(mix_stderr=False).invoke(
        cli, ["all", str(seed_path), "--engine", "espeak", "--out", str(seed_out), "--json"])
    assert result.exit_code == 0, result.stderr
    row = json.loads(result.stdout)["articles"][0]
    assert row["status"] == "up-to-date"
    assert snapshot(slug_dir) == before


def test_batch_with_a_binary_file_finishes_the_others_and_names_it(
        seed_out: Path, seed_path: Path, tmp_path: Path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(seed_path, folder)
    shutil.copy(seed_path.with_suffix(".jpg"), folder)
    (folder / "scan.txt").write_bytes(os.urandom(2048) + b"\x00" * 64)
    result = CliRunner(mix_stderr=False).invoke(
        cli, ["batch", str(folder), "--jobs", "2", "--engine", "espeak",
              "--out", str(seed_out), "--json"])
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    rows = {Path(r["input"]).name: r for r in summary["articles"]}
    assert set(rows) == {"cap-xi-tajikistan.txt", "scan.txt"}
    assert rows["scan.txt"]["status"] == "failed" and "scan.txt" in rows["scan.txt"]["reason"]
    seed_row = rows["cap-xi-tajikistan.txt"]
    assert seed_row["status"] == "done"
    # only article.json changes (the photo now lives elsewhere); the products are up to date
    ran = [s["stage"] for s in seed_row["result"]["stages"] if not s["skipped"]]
    assert ran == ["ingest"]
    assert "scan.txt" in result.stderr


def test_seed_run_killed_while_mixing_leaves_valid_files_and_rerun_completes(
        seed_out: Path, seed_path: Path, tmp_path: Path):
    out = tmp_path / "out"
    slug_dir = out / "cap-xi-tajikistan"
    # share the voice cache of the first run: the kill lands in the mix, not in synthesis
    env = {**os.environ, "REPACKAGE_CACHE": str(seed_out / ".cache")}
    args = [sys.executable, "-m", "repackage", "all", str(seed_path), "--engine", "espeak",
            "--out", str(out), "-q"]
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while not list((slug_dir / "audio").glob(".episode.mp3*.part")):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the mix never started"
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    for path in slug_dir.rglob("*"):
        if path.is_file() and path.name != ".lock":
            assert path.name.startswith(".") or not path.name.endswith(".part"), path
            if not path.name.startswith("."):
                assert_readable(path)
    assert json.loads((slug_dir / "manifest.json").read_text("utf-8"))["complete"] is False

    rerun = subprocess.run([*args[:-1], "--json"], env=env, capture_output=True, text=True,
                           timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    data = json.loads((slug_dir / "manifest.json").read_text("utf-8"))
    assert data["complete"] is True
    assert not list(slug_dir.rglob("*.part"))
    for entry in data["outputs"]:
        assert file_sha256(slug_dir / entry["path"]) == entry["sha256"]
    assert decodes_as_audio(slug_dir / "audio" / "episode.mp3")


def test_seed_with_one_paragraph_edited_revoices_only_that_paragraph(
        seed_out: Path, seed_path: Path, tmp_path: Path):
    # last in this module: it changes the seed's output folder
    edited = tmp_path / seed_path.name
    text = seed_path.read_text("utf-8")
    longest = max(text.splitlines(), key=len)
    edited.write_text(text.replace(longest, longest.replace("،", "، كذلك،", 1)), "utf-8")
    shutil.copy(seed_path.with_suffix(".jpg"), tmp_path)
    result = CliRunner(mix_stderr=False).invoke(
        cli, ["all", str(edited), "--engine", "espeak", "--out", str(seed_out), "--json"])
    assert result.exit_code == 0, result.stderr
    row = json.loads(result.stdout)["articles"][0]
    assert [s["stage"] for s in row["result"]["stages"] if not s["skipped"]] == [
        "ingest", "audio", "cards", "thread", "preview"]
    episode = json.loads((seed_out / "cap-xi-tajikistan" / "audio" / "episode.json")
                         .read_text("utf-8"))
    assert 1 <= episode["synthesized_chunks"] <= 2
