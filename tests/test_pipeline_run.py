"""run_article: up-to-date skipping, option changes, --force, the manifest, failures."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from pipeline_fakes import FAKES

from repackage.digest import file_sha256
from repackage.errors import InputError, LockedError
from repackage.pipeline.lock import folder_lock
from repackage.pipeline.run import run_article
from repackage.pipeline.stages import StageFunctions

FAKE = StageFunctions(FAKES)
ARTICLE = "عنوان الخبر\nالفقرة الأولى من الخبر.\n\"اقتباس يستحق بطاقة\"\nالفقرة الأخيرة.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, "utf-8")
    return path


def run(article: Path, out: Path, **kwargs):
    kwargs.setdefault("engine", "espeak")
    return run_article(article, out, functions=FAKE, **kwargs)


def manifest(out: Path) -> dict:
    return json.loads((out / "story" / "manifest.json").read_text("utf-8"))


def snapshot(slug_dir: Path) -> dict[str, tuple[int, int]]:
    """(inode, mtime_ns) of the manifest and every output it lists."""
    data = json.loads((slug_dir / "manifest.json").read_text("utf-8"))
    paths = ["manifest.json"] + [o["path"] for o in data["outputs"]]
    return {p: (os.stat(slug_dir / p).st_ino, os.stat(slug_dir / p).st_mtime_ns) for p in paths}


def ran(result: dict) -> set[str]:
    return {s["stage"] for s in result["stages"] if not s["skipped"]}


def test_first_run_writes_every_output_the_manifest_lists(article: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = run(article, out)
    assert result["status"] == "done"
    assert ran(result) == {"ingest", "audio", "cards", "thread", "preview"}
    data = manifest(out)
    assert data["complete"] is True
    assert data["engine"] == "espeak"
    assert data["tool"]["name"] == "repackage" and data["tool"]["version"]
    paths = {o["path"] for o in data["outputs"]}
    assert {"article.json", "audio/episode.mp3", "audio/chapters.json", "audio/episode.json",
            "cards/cards.json",
            "thread/thread.json", "thread/x.txt"} <= paths
    assert not any(p.startswith(".") or "/." in p for p in paths)
    for entry in data["outputs"]:
        file = out / "story" / entry["path"]
        assert file.stat().st_size == entry["size"] > 0
        assert file_sha256(file) == entry["sha256"]
    assert set(data["stages"]) == {"ingest", "audio", "cards", "thread", "preview"}
    assert all(s["skipped"] is False and s["seconds"] >= 0 for s in data["stages"].values())


def test_thread_names_the_cards_made_in_the_same_run(article: Path, tmp_path: Path):
    out = tmp_path / "out"
    run(article, out, sizes=("square", "story"))
    thread = json.loads((out / "story" / "thread" / "thread.json").read_text("utf-8"))
    cards = json.loads((out / "story" / "cards" / "cards.json").read_text("utf-8"))
    assert thread["threads"]["x"]["images"] == [c["file"] for c in cards["cards"]]
    assert any(f.endswith("-story.png") for f in thread["threads"]["x"]["images"])


def test_unchanged_rerun_rewrites_nothing(article: Path, tmp_path: Path):
    out = tmp_path / "out"
    run(article, out)
    before = snapshot(out / "story")
    result = run(article, out)
    assert result["status"] == "up-to-date"
    assert ran(result) == set()
    assert result["manifest_written"] is False
    assert snapshot(out / "story") == before


def test_same_file_named_another_way_is_still_up_to_date(article: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch):
    out = tmp_path / "out"
    run(article, out)
    monkeypatch.chdir(tmp_path)
    assert run(Path("story.txt"), out)["status"] == "up-to-date"


def test_changed_platforms_rerun_only_the_thread(article: Path, tmp_path: Path):
    out = tmp_path / "out"
    run(article, out)
    before = snapshot(out / "story")
    result = run(article, out, platforms=("x",))
    assert ran(result) == {"thread", "preview"}
    after = snapshot(out / "story")
    for path in ("article.json", "audio/episode.mp3", "cards/cards.json"):
        assert after[path] == before[path]
    assert after["thread/thread.json"] != before["thread/thread.json"]
    data = manifest(out)
    assert data["stages"]["thread"]["options"]["platforms"] == ["x"]
    assert data["stages"]["audio"]["skipped"] is True
    # bluesky.txt is no longer this stage's output
    assert "thread/bluesky.txt" not in {o["path"] for o in data["outputs"]}


def test_changed_engine_reruns_only_the_audio(article: Path, tmp_path: Path):
    out = tmp_path / "out"
    run(article, out)
    result = run(article, out, engine="gtts")
    assert ran(result) == {"audio", "preview"}
    assert manifest(out)["engine"] == "gtts"


def test_a_stage_that_finds_nothing_to_change_keeps_every_output_listed(article: Path,
                                                                       tmp_path: Path):
    out = tmp_path / "out"
    run(article, out)  # espeak
    before = snapshot(out / "story")
    result = run(article, out, engine="auto")  # resolves to espeak: same files
    assert ran(result) == {"audio"}
    after = snapshot(out / "story")
    assert after.keys() == before.keys()
    assert "audio/episode.json" in after
    assert all(after[p] == before[p] for p in after if p.startswith("audio/"))


def test_changed_sizes_rerun_cards_and_the_thread_that_names_them(article: Path, tmp_path: Path):
    out = tmp_path / "out"
    run(article, out)
    result = run(article, out, sizes=("square", "story"))
    assert ran(result) == {"cards", "thread", "preview"}


def test_changed_paragraph_reruns_the_stages(article: Path, tmp_path: Path):
    out = tmp_path / "out"
    run(article, out)
    article.write_text(ARTICLE.replace("الأخيرة", "الختامية"), "utf-8")
    result = run(article, out)
    assert ran(result) == {"ingest", "audio", "cards", "thread", "preview"}
    stored = json.loads((out / "story" / "article.json").read_text("utf-8"))
    assert stored["paragraphs"][-1] == "الفقرة الختامية."


def test_force_redoes_everything(article: Path, tmp_path: Path):
    out = tmp_path / "out"
    run(article, out)
    before = snapshot(out / "story")
    result = run(article, out, force=True)
    assert ran(result) == {"ingest", "audio", "cards", "thread", "preview"}
    after = snapshot(out / "story")
    assert all(after[p] != before[p] for p in before)


def test_an_output_edited_by_hand_makes_its_stage_run_again(article: Path, tmp_path: Path):
    out = tmp_path / "out"
    run(article, out)
    (out / "story" / "audio" / "episode.mp3").write_bytes(b"truncated")
    assert ran(run(article, out)) == {"audio"}
    (out / "story" / "cards" / "quote-01-square.png").unlink()
    assert ran(run(article, out)) == {"cards"}  # same cards.json content: thread stays


def test_a_failing_stage_leaves_a_valid_incomplete_manifest_and_the_next_run_finishes(
        article: Path, tmp_path: Path):
    out = tmp_path / "out"

    def broken_cards(*args, **kwargs):
        raise InputError("cards: font missing")

    with pytest.raises(InputError, match="font missing"):
        run_article(article, out, engine="espeak",
                    functions=StageFunctions({**FAKES, "cards": broken_cards}))
    data = manifest(out)
    assert data["complete"] is False
    assert set(data["stages"]) == {"ingest", "audio"}
    result = run(article, out)
    assert ran(result) == {"cards", "thread", "preview"}
    assert manifest(out)["complete"] is True


def test_a_temp_file_left_by_a_killed_run_is_cleaned(article: Path, tmp_path: Path):
    out = tmp_path / "out"
    run(article, out)
    leftover = out / "story" / "cards" / ".quote-01-square.png.abc123.part"
    leftover.write_bytes(b"\x89PNG half")
    assert run(article, out)["status"] == "up-to-date"
    assert not leftover.exists()


def test_a_held_folder_lock_fails_fast_naming_the_pid(article: Path, tmp_path: Path):
    out = tmp_path / "out"
    message = rf"in use by another repackage run \(pid {os.getpid()}\)"
    with folder_lock(out / "story"), pytest.raises(LockedError, match=message):
        run(article, out)
    assert run(article, out)["status"] == "done"


def test_unreadable_article_is_an_input_error(tmp_path: Path):
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(InputError, match="blob.txt"):
        run(path, tmp_path / "out")
    assert not (tmp_path / "out" / "blob").exists()
