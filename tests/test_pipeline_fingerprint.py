"""Up-to-date keys and output checks (pure, plus tiny files)."""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
from pathlib import Path

from pipeline_fakes import FAKES, tiny_png

from repackage.model import Article, InputInfo, Photo
from repackage.pipeline.fingerprint import (
    article_digest,
    describe_output,
    file_sha256,
    is_up_to_date,
    outputs_intact,
    stage_key,
)
from repackage.pipeline.run import run_article
from repackage.pipeline.stages import StageFunctions

ARTICLE = Article(
    slug="s", title="عنوان", paragraphs=("فقرة أولى.", "فقرة ثانية."),
    input=InputInfo(path="in/s.txt", sha256="ab" * 32, encoding="utf-8"),
    photo=Photo(file="/in/s.jpg", caption="تعليق", credit="وكالة"),
)


def test_article_digest_ignores_where_the_files_are():
    moved = dataclasses.replace(
        ARTICLE, input=dataclasses.replace(ARTICLE.input, path="/elsewhere/s.txt"),
        photo=dataclasses.replace(ARTICLE.photo, file="/elsewhere/s.jpg"))
    assert article_digest(moved) == article_digest(ARTICLE)


def test_article_digest_follows_the_content():
    edited = dataclasses.replace(ARTICLE, paragraphs=("فقرة أولى.", "فقرة معدلة."))
    recaptioned = dataclasses.replace(ARTICLE, photo=Photo(file="/in/s.jpg", caption="آخر"))
    digests = {article_digest(a) for a in (ARTICLE, edited, recaptioned)}
    assert len(digests) == 3


def test_stage_key_covers_stage_options_and_version():
    base = stage_key("audio", "a" * 64, {"engine": "espeak"}, version="1.0")
    assert base == stage_key("audio", "a" * 64, {"engine": "espeak"}, version="1.0")
    assert base != stage_key("audio", "a" * 64, {"engine": "gtts"}, version="1.0")
    assert base != stage_key("audio", "a" * 64, {"engine": "espeak"}, version="1.1")
    assert base != stage_key("audio", "b" * 64, {"engine": "espeak"}, version="1.0")
    assert base != stage_key("cards", "a" * 64, {"engine": "espeak"}, version="1.0")


def test_outputs_intact_checks_presence_size_and_hash(tmp_path: Path):
    (tmp_path / "cards").mkdir()
    card = tmp_path / "cards" / "a.png"
    card.write_bytes(tiny_png("a"))
    entry = describe_output(tmp_path, card)
    assert entry == {"path": "cards/a.png", "size": card.stat().st_size,
                     "sha256": hashlib.sha256(card.read_bytes()).hexdigest()}
    assert outputs_intact(tmp_path, [entry])
    card.write_bytes(tiny_png("b"))  # same size, other bytes
    assert card.stat().st_size == entry["size"]
    assert not outputs_intact(tmp_path, [entry])
    card.unlink()
    assert not outputs_intact(tmp_path, [entry])
    assert not outputs_intact(tmp_path, [{"path": "cards/a.png"}])  # malformed record


def test_is_up_to_date_needs_the_key_and_at_least_one_output(tmp_path: Path):
    (tmp_path / "x.json").write_text("{}")
    entries = [describe_output(tmp_path, tmp_path / "x.json")]
    assert is_up_to_date(tmp_path, {"key": "k"}, "k", entries)
    assert not is_up_to_date(tmp_path, {"key": "k"}, "other", entries)
    assert not is_up_to_date(tmp_path, None, "k", entries)
    assert not is_up_to_date(tmp_path, {"key": "k"}, "k", [])


def test_file_sha256_reads_large_files_in_chunks(tmp_path: Path):
    data = bytes(range(256)) * 10_000
    (tmp_path / "big").write_bytes(data)
    assert file_sha256(tmp_path / "big") == hashlib.sha256(data).hexdigest()


def test_moved_article_and_photo_rerun_only_ingest(tmp_path: Path):
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        (folder / "story.txt").write_text("عنوان\nفقرة.\n\"قول\"\n", "utf-8")
        (folder / "story.jpg").write_bytes(tiny_png("photo"))
    fake = StageFunctions(FAKES)
    out = tmp_path / "out"
    run_article(first / "story.txt", out, engine="espeak", functions=fake)
    shutil.rmtree(first)
    result = run_article(second / "story.txt", out, engine="espeak", functions=fake)
    assert [s["stage"] for s in result["stages"] if not s["skipped"]] == ["ingest"]
    (second / "story.jpg").write_bytes(tiny_png("another photo"))
    result = run_article(second / "story.txt", out, engine="espeak", functions=fake)
    assert [s["stage"] for s in result["stages"] if not s["skipped"]] == ["cards", "thread"]
