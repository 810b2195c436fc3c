"""The whole episode, offline (espeak): loudness, tags, chapters, captions, cache and edits."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from repackage.audio import build_episode
from repackage.audio.engines.espeak import EspeakEngine
from repackage.audio.loudness import measure
from repackage.cli import cli

RLM = "\u200f"


class CountingEngine:
    """espeak with a tally of synthesize() calls."""

    def __init__(self) -> None:
        self.inner = EspeakEngine()
        self.name, self.voice, self.version = "espeak", self.inner.voice, self.inner.version
        self.audio_format, self.max_chars, self.concurrency = "wav", self.inner.max_chars, 1
        self.calls: list[str] = []

    def synthesize(self, text: str) -> bytes:
        self.calls.append(text)
        return self.inner.synthesize(text)


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory, seed_path):
    out = tmp_path_factory.mktemp("out")
    runner = CliRunner(mix_stderr=False)
    env = {"REPACKAGE_CACHE": str(out / "cache")}
    args = ["audio", str(seed_path), "--engine", "espeak", "--out", str(out), "--json"]
    first = runner.invoke(cli, args, env=env)
    assert first.exit_code == 0, first.output + first.stderr
    summary = json.loads(first.stdout)
    slug_dir = out / summary["slug"]
    stamp = (slug_dir / "audio" / "episode.mp3").stat().st_mtime_ns
    second = runner.invoke(cli, args, env=env)
    assert second.exit_code == 0, second.output + second.stderr
    return {"out": out, "slug_dir": slug_dir, "audio": slug_dir / "audio", "summary": summary,
            "rerun": json.loads(second.stdout), "stamp": stamp, "stderr": first.stderr}


def test_loudness_meets_delivery_spec_by_independent_meter(seed_run):
    level = measure(seed_run["audio"] / "episode.mp3")
    assert abs(level.integrated - -16.0) <= 1.0
    assert level.true_peak <= -1.0
    reported = seed_run["summary"]["loudness"]
    assert abs(reported["integrated_lufs"] - level.integrated) < 0.2


def test_mp3_format_and_tags(seed_run, seed_article):
    from mutagen.id3 import ID3
    from mutagen.mp3 import MP3, BitrateMode

    path = seed_run["audio"] / "episode.mp3"
    info = MP3(str(path)).info
    assert info.sample_rate == 44100 and info.channels == 1
    assert info.bitrate >= 96000 and info.bitrate_mode == BitrateMode.CBR
    tags = ID3(str(path))
    assert tags["TIT2"].text[0] == seed_article.title
    assert tags["TALB"].text[0] and tags["TPE1"].text[0]
    assert tags["TLAN"].text[0] == "ara"
    assert re.fullmatch(r"\d{4}(-\d{2}-\d{2})?", str(tags["TDRC"].text[0]))
    assert tags.getall("APIC"), "the seed has a photo: it is the cover"


def test_id3_chapters_match_segments_and_chapters_json(seed_run):
    from mutagen.id3 import ID3
    from mutagen.mp3 import MP3

    path = seed_run["audio"] / "episode.mp3"
    tags = ID3(str(path))
    toc = tags.getall("CTOC")[0]
    chaps = {c.element_id: c for c in tags.getall("CHAP")}
    ordered = [chaps[i] for i in toc.child_element_ids]
    # stored in time order too: players built on ffmpeg list chapters in file order
    assert [c.element_id for c in tags.getall("CHAP")] == list(toc.child_element_ids)
    segments = seed_run["summary"]["segments"]
    doc = json.loads((seed_run["audio"] / "chapters.json").read_text("utf-8"))
    assert doc["version"] == "1.2.0"
    assert len(ordered) == len(segments) == len(doc["chapters"])
    length = MP3(str(path)).info.length
    for chap, seg, pc in zip(ordered, segments, doc["chapters"], strict=True):
        assert chap.sub_frames["TIT2"].text[0] == seg["title"] == pc["title"]
        assert chap.start_time == round(seg["chapter_start"] * 1000)
        assert abs(pc["startTime"] - seg["chapter_start"]) < 0.001
        # a chapter holds its segment's speech
        assert seg["chapter_start"] <= seg["start"] < seg["end"] <= seg["chapter_end"] + 1e-3
    assert ordered[0].start_time == 0
    assert all(a.end_time == b.start_time for a, b in zip(ordered, ordered[1:], strict=False))
    assert abs(ordered[-1].end_time / 1000 - length) < 0.05
    assert any(re.search("[\u0600-\u06ff]", c.sub_frames["TIT2"].text[0]) for c in ordered)


def _vtt_cues(text: str) -> list[tuple[float, float, list[str]]]:
    def secs(stamp: str) -> float:
        h, m, s = stamp.replace(",", ".").split(":")
        return int(h) * 3600 + int(m) * 60 + float(s)

    cues = []
    for block in text.strip().split("\n\n"):
        lines = block.splitlines()
        for i, ln in enumerate(lines):
            if "-->" in ln:
                a, b = (x.strip() for x in ln.split("-->"))
                cues.append((secs(a), secs(b), lines[i + 1:]))
    return cues


def test_captions_follow_the_segments(seed_run):
    vtt = (seed_run["audio"] / "episode.vtt").read_text("utf-8")
    srt = (seed_run["audio"] / "episode.srt").read_text("utf-8")
    assert vtt.startswith("WEBVTT")
    cues = _vtt_cues(vtt)
    assert len(cues) == len(_vtt_cues(srt)) > 20
    for a, b, lines in cues:
        assert a < b
        assert 1 <= len(lines) <= 2
        for ln in lines:
            assert ln.startswith(RLM) and len(ln) <= 66
    assert all(c1[1] <= c2[0] + 1e-3 for c1, c2 in zip(cues, cues[1:], strict=False))
    segments = seed_run["summary"]["segments"]
    starts = [a for a, _, _ in cues]
    for seg in segments:
        assert min(abs(a - seg["start"]) for a in starts) < 0.002, seg["id"]
        inside = [c for c in cues if seg["start"] - 1e-3 <= c[0] < seg["end"]]
        assert inside and abs(max(c[1] for c in inside) - seg["end"]) < 0.01


def test_segment_files_and_no_empty_files(seed_run):
    from mutagen.mp3 import MP3

    segments = seed_run["summary"]["segments"]
    for n, seg in enumerate(segments, 1):
        f = seed_run["slug_dir"] / seg["file"]
        assert f.name == f"{n:02d}-{seg['kind']}.mp3"
        assert abs(MP3(str(f)).info.length - (seg["end"] - seg["start"])) < 0.1
    files = [p for p in seed_run["out"].rglob("*") if p.is_file()]
    assert all(p.stat().st_size > 0 for p in files)
    assert not [p for p in files if p.name.endswith(".part")]
    for name in ("script.json", "script.md", "episode.json", "chapters.json"):
        assert (seed_run["audio"] / name).is_file()


def test_engine_is_reported(seed_run):
    assert seed_run["summary"]["engine"] == "espeak"
    assert "espeak" in seed_run["stderr"]


def test_unchanged_rerun_reuses_everything(seed_run):
    rerun = seed_run["rerun"]
    assert rerun["reused"] is True and rerun["synthesized_chunks"] == 0
    assert (seed_run["audio"] / "episode.mp3").stat().st_mtime_ns == seed_run["stamp"]
    assert rerun["mix_key"] == seed_run["summary"]["mix_key"]


@pytest.fixture
def small_article(seed_article):
    return dataclasses.replace(seed_article, paragraphs=seed_article.paragraphs[:3], quotes=(),
                               photo=dataclasses.replace(seed_article.photo, file=None))


def test_edited_script_revoices_only_the_changed_segment(small_article, tmp_path):
    slug_dir, cache = tmp_path / "out" / "s", tmp_path / "cache"
    eng = CountingEngine()
    first = build_episode(small_article, slug_dir, engine=eng, cache_dir=cache)
    assert eng.calls and first["synthesized_chunks"] == len(eng.calls)

    eng.calls.clear()
    again = build_episode(small_article, slug_dir, engine=eng, cache_dir=cache)
    assert eng.calls == [] and again["reused"]

    script_path = slug_dir / "audio" / "script.json"
    d = json.loads(script_path.read_text("utf-8"))
    target = next(s for s in d["segments"] if s["id"] == "p02")
    target["text"] = "هذه جملة جديدة كتبها المنتج بنفسه."
    script_path.write_text(json.dumps(d, ensure_ascii=False), "utf-8")
    untouched = slug_dir / "audio" / "segments" / "01-intro.mp3"
    stamp = untouched.stat().st_mtime_ns

    edited = build_episode(small_article, slug_dir, engine=eng, cache_dir=cache)
    assert eng.calls == ["هذه جملة جديدة كتبها المنتج بنفسه."]
    assert edited["script_status"] == "edited" and not edited["reused"]
    assert edited["segments_encoded"] == 1
    assert untouched.stat().st_mtime_ns == stamp
    assert "جملة جديدة كتبها المنتج" in (slug_dir / "audio" / "episode.vtt").read_text("utf-8")


def test_article_without_body_fails_cleanly(small_article, tmp_path):
    path = tmp_path / "empty.json"
    path.write_text(dataclasses.replace(small_article, paragraphs=()).to_json(), "utf-8")
    result = CliRunner(mix_stderr=False).invoke(
        cli, ["audio", str(path), "--engine", "espeak", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "body" in result.stderr
    assert not list((tmp_path / "out").rglob("*.mp3"))


def _offline(monkeypatch):
    from repackage.audio.engines import gtts as gmod

    def refuse(self, method, url, body, headers, timeout):
        raise gmod.TransportFailure("ConnectionError: network is unreachable")

    monkeypatch.setattr(gmod.RequestsTransport, "__call__", refuse)
    monkeypatch.setattr(gmod.GTTSEngine, "_delay", lambda self, attempt: 0.0)


def test_gtts_without_network_is_a_one_line_error(small_article, tmp_path, monkeypatch):
    _offline(monkeypatch)
    path = tmp_path / "a.json"
    path.write_text(small_article.to_json(), "utf-8")
    out = tmp_path / "out"
    result = CliRunner(mix_stderr=False).invoke(
        cli, ["audio", str(path), "--engine", "gtts", "--out", str(out)],
        env={"REPACKAGE_CACHE": str(tmp_path / "cache")})
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert "Google TTS" in result.stderr and "segment intro" in result.stderr
    assert not list(out.rglob("episode.*"))
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert all(p.stat().st_size > 0 for p in files)


def test_auto_without_network_uses_espeak_and_says_so(small_article, tmp_path, monkeypatch):
    from repackage.audio.engines import mbrola

    _offline(monkeypatch)
    monkeypatch.setattr(mbrola, "installed_voices", lambda: [])  # MBROLA: test_audio_mbrola
    path = tmp_path / "a.json"
    path.write_text(small_article.to_json(), "utf-8")
    result = CliRunner(mix_stderr=False).invoke(
        cli, ["audio", str(path), "--out", str(tmp_path / "out"), "--json"],
        env={"REPACKAGE_CACHE": str(tmp_path / "cache")})
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["engine"] == "espeak" and "unreachable" in summary["engine_reason"]
    assert "espeak" in result.stderr
    meta = json.loads((tmp_path / "out" / small_article.slug / "audio" / "episode.json")
                      .read_text("utf-8"))
    assert meta["engine"] == "espeak" and meta["fallback"] is True
    assert "mbrola" in result.stderr  # how to get the clearer voice


def test_failed_mix_leaves_no_partial_episode(small_article, tmp_path, monkeypatch):
    from repackage.audio import mix
    from repackage.errors import RepackageError

    real = mix.codec.run_ffmpeg

    def failing(cmd, what):
        if "libmp3lame" in cmd and "segments.ffconcat" in " ".join(cmd):
            raise RepackageError(f"{what}: ffmpeg failed (disk full)")
        return real(cmd, what)

    monkeypatch.setattr(mix.codec, "run_ffmpeg", failing)
    slug_dir = tmp_path / "out" / "s"
    with pytest.raises(RepackageError, match="disk full"):
        build_episode(small_article, slug_dir, engine="espeak", cache_dir=tmp_path / "cache")
    audio = slug_dir / "audio"
    assert not (audio / "episode.mp3").exists() and not (audio / "episode.json").exists()
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert not [p for p in files if p.name.endswith(".part") or p.stat().st_size == 0]


def test_script_without_outro_or_credits_still_mixes(small_article, tmp_path):
    slug_dir, cache = tmp_path / "out" / "s", tmp_path / "cache"
    build_episode(small_article, slug_dir, engine="espeak", cache_dir=cache)
    path = slug_dir / "audio" / "script.json"
    d = json.loads(path.read_text("utf-8"))
    d["segments"] = [s for s in d["segments"] if s["kind"] not in ("credits", "outro")]
    d["segments"].append({"id": "note", "kind": "paragraph", "text": "ملاحظة أخيرة من المحرر.",
                          "pause_ms": 0, "title": "ملاحظة"})
    path.write_text(json.dumps(d, ensure_ascii=False), "utf-8")
    summary = build_episode(small_article, slug_dir, engine="espeak", cache_dir=cache)
    assert [s["id"] for s in summary["segments"]][-1] == "note"
    assert summary["synthesized_chunks"] == 1
    names = sorted(p.name for p in (slug_dir / "audio" / "segments").glob("*.mp3"))
    assert names == sorted(Path(s["file"]).name for s in summary["segments"])
    level = measure(slug_dir / "audio" / "episode.mp3")
    assert abs(level.integrated + 16) <= 1 and level.true_peak <= -1
