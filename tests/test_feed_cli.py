"""`repackage feed`, and `batch`/`all --base-url` refreshing the feed, run as a user would."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from feed_helpers import make_episode, read_feedparser, read_podcastparser

from repackage.cli import cli

BASE = "https://example.org/p/"
# two short real pages: a batch run of them with the offline voice takes about half a minute
PAGES = ("18-alraimedia-kuwait-corona-cases.txt", "19-akhbarlebanon-health-ministry-denial.txt")


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_feed_command_writes_and_reports(tmp_path: Path):
    out = tmp_path / "out"
    make_episode(out, "one", "خبر أول", "مقدمة الخبر الأول.", published="2026-01-02")
    result = _run("feed", str(out), "--base-url", "https://example.org/podcast")
    assert result.exit_code == 0, result.output
    assert "1 episodes (1 new), written" in result.output
    assert "https://example.org/podcast/feed.xml" in result.output
    pp = read_podcastparser((out / "feed.xml").read_bytes(), BASE)
    assert pp["episodes"][0]["enclosures"][0]["url"] == \
        "https://example.org/podcast/one/audio/episode.mp3"
    again = _run("feed", str(out), "--base-url", "https://example.org/podcast/")
    assert "unchanged" in again.output


@pytest.mark.parametrize("args, message", [
    (["--base-url", "ftp://example.org/"], "http"),
    ([], "no base URL"),
])
def test_feed_command_refuses_in_one_line(tmp_path: Path, args: list[str], message: str):
    out = tmp_path / "out"
    make_episode(out, "one", "خبر أول", "مقدمة الخبر الأول.")
    result = _run("feed", str(out), *args)
    assert result.exit_code == 1
    assert message in result.output and result.output.count("\n") == 1
    assert not (out / "feed.xml").exists()


def test_feed_command_refuses_an_empty_out(tmp_path: Path):
    result = _run("feed", str(tmp_path), "--base-url", BASE)
    assert result.exit_code == 1 and "no episodes" in result.output
    assert list(tmp_path.iterdir()) == []


def test_all_refuses_a_bad_base_url_before_any_work(tmp_path: Path):
    article = Path(__file__).resolve().parent.parent / "assets" / "sample-article.txt"
    out = tmp_path / "out"
    result = _run("all", str(article), "--out", str(out), "--base-url", "mailto:x@example.org")
    assert result.exit_code == 1 and "http" in result.output
    assert not out.exists()


@pytest.fixture(scope="module")
def batch_out(shared_dir: Path, tmp_path_factory) -> tuple[Path, object, Path]:
    pages = tmp_path_factory.mktemp("pages")
    for name in PAGES:
        shutil.copy(shared_dir / "corpus" / "real" / name, pages / name)
    out = tmp_path_factory.mktemp("batch") / "out"
    result = _run("batch", str(pages), "--engine", "espeak", "--jobs", "2", "--out", str(out),
                  "--base-url", BASE)
    return out, result, pages


def test_batch_with_base_url_publishes_one_item_per_article(batch_out):
    out, result, _ = batch_out
    assert result.exit_code == 0, result.output
    assert "feed: " in result.output and "2 episodes" in result.output
    data = (out / "feed.xml").read_bytes()
    fp = read_feedparser(data)
    pp = read_podcastparser(data, BASE + "feed.xml")
    assert not fp.bozo
    assert len(fp.entries) == len(pp["episodes"]) == len(PAGES)
    for f_entry, p_entry in zip(fp.entries, pp["episodes"], strict=True):
        assert f_entry.title == p_entry["title"] and f_entry.title
        url = p_entry["enclosures"][0]["url"]
        mp3 = out / url[len(BASE):]
        assert mp3.is_file() and mp3.read_bytes()[:3] in (b"ID3", b"\xff\xfb")
        assert p_entry["enclosures"][0]["file_size"] == mp3.stat().st_size
        assert int(f_entry.links[0].length) == mp3.stat().st_size
        assert p_entry["total_time"] > 5
        for link in (p_entry["transcript_url"], p_entry["chapters_json_url"]):
            assert (out / link[len(BASE):]).is_file()
    assert {e["guid"] for e in pp["episodes"]} == {e.id for e in fp.entries}


def test_batch_rerun_keeps_the_feed_untouched(batch_out):
    out, _, pages = batch_out
    feed = out / "feed.xml"
    stamp = (feed.stat().st_ino, feed.stat().st_mtime_ns)
    before = read_podcastparser(feed.read_bytes(), BASE)
    again = _run("batch", str(pages), "--engine", "espeak", "--jobs", "1", "--out", str(out),
                 "--base-url", BASE)
    assert again.exit_code == 0, again.output
    assert "2 episodes, 0 new, unchanged" in again.output
    assert (feed.stat().st_ino, feed.stat().st_mtime_ns) == stamp
    after = read_podcastparser(feed.read_bytes(), BASE)
    assert [e["guid"] for e in after["episodes"]] == [e["guid"] for e in before["episodes"]]
