"""The MBROLA engine: the phoneme table it completes, the rate it reports, auto's choice."""

from __future__ import annotations

import json
import struct
import subprocess

import pytest
from click.testing import CliRunner

from repackage.audio.codec import read_wav
from repackage.audio.engines import choose_engine, make_engine, mbrola_data
from repackage.audio.engines import mbrola as mbrola_mod
from repackage.cli import cli


def _table(volume: int, rows: list[tuple[int, str, str, int, str, str]]) -> bytes:
    def name(text: str) -> int:
        return 0 if text in ("", "NULL") else int.from_bytes(text.encode().ljust(4, b"\0"),
                                                             "little")
    data = struct.pack("<i", volume)
    for ctl, ph, nxt, pct, m1, m2 in rows:
        data += struct.pack("<6i", name(ph), name(nxt), name(m1), name(m2), pct, ctl)
    return data + struct.pack("<6i", 0, 0, 0, 0, 0, 0)


def test_compiled_table_reads_back_and_gains_the_missing_phonemes():
    raw = _table(50, [(0, "a", ":", 50, "a", "a"), (0, "r", "NULL", 0, "r", ""),
                      (1, "dH", "a", 50, "d.", "a.")])
    volume, entries = mbrola_data.read_table(raw)
    assert volume == 50
    assert [(e.name, e.next_phoneme, e.mbrola1, e.mbrola2) for e in entries] == [
        ("a", ":", "a", "a"), ("r", "NULL", "r", ""), ("dH", "a", "d.", "a.")]
    done = mbrola_data.completed(entries)
    added = {e.name: e.mbrola1 for e in done[len(entries):]}
    assert added["R"] == "r" and added["Q"] == "G" and "r" not in added
    source = mbrola_data.table_source(volume, done)
    assert source.startswith("volume 50\n") and "\n1 dH a 50 d. a.\n" in source
    assert "\n0 R NULL 0 r\n" in source


def test_espeak_wav_with_unset_sizes_is_read_at_its_own_rate():
    fmt = struct.pack("<HHIIHH", 1, 1, 16000, 32000, 2, 16)
    pcm = struct.pack("<4h", 1, -2, 300, -400)
    data = (b"RIFF" + b"\xff\xff\xff\x7f" + b"WAVE" + b"fmt " + struct.pack("<I", 16) + fmt
            + b"data" + b"\xff\xff\xff\x7f" + pcm)
    assert mbrola_mod.read_espeak_wav(data) == (16000, pcm)


def _unknown_diphones(path_args: list[str], voice: str, text: str) -> str:
    proc = subprocess.run(["espeak-ng", *path_args, "-v", f"mb-{voice}", "--stdout", text],
                          capture_output=True, check=False)
    return proc.stderr.decode("utf-8", "replace")


def test_ra_and_ghain_are_voiced_not_silenced(mbrola_voice, tmp_path):
    text = "رَغِبَ الرَّجُلُ فِي غَدٍ"
    before = _unknown_diphones([], mbrola_voice, text)
    assert "R-" in before or "-R" in before, "the system table already knows ر"
    root = mbrola_data.prepare(mbrola_voice, base=tmp_path)
    after = _unknown_diphones([f"--path={root}"], mbrola_voice, text)
    assert not any(f"{ph}-" in after or f"-{ph}" in after for ph in ("R", "Q", "gH")), after
    # a second call reuses the compiled data
    assert mbrola_data.prepare(mbrola_voice, base=tmp_path) == root


def test_engine_speaks_at_the_voice_rate_from_the_wav_header(mbrola_voice):
    engine = make_engine("mbrola", voice=mbrola_voice)
    rate, pcm = read_wav(engine.synthesize("قال الرئيس إن التعاون مستمر."))
    assert rate == engine.native_rate
    assert rate in (16000, 22050)
    assert len(pcm) / 2 / rate > 1.0  # over a second of speech
    if mbrola_voice == "ar1":
        assert rate == 16000  # not the 22050 espeak-ng reports when it starts


def _dead_probe():
    from repackage.audio.engines.gtts import GTTSEngine

    return GTTSEngine(url="http://127.0.0.1:9/", timeout=(0.2, 0.2), sleep=lambda s: None)


def test_auto_without_network_prefers_mbrola(mbrola_voice):
    eng, reason = choose_engine("auto", probe=_dead_probe())
    assert eng.name == "mbrola" and eng.voice == f"mb-{mbrola_voice}"
    assert "fallback" in reason and "unreachable" in reason


def test_auto_without_mbrola_uses_espeak_and_says_how_to_get_it(monkeypatch):
    monkeypatch.setattr(mbrola_mod, "installed_voices", lambda: [])
    eng, reason = choose_engine("auto", probe=_dead_probe())
    assert eng.name == "espeak" and "fallback" in reason


SMALL = ("افتتاح مكتبة عامة جديدة في وسط المدينة القديمة\n\n"
         "افتتحت البلدية يوم الأحد مكتبة عامة جديدة في وسط المدينة القديمة، بعد أعمال "
         "ترميم استمرت عامين في مبنى تاريخي كان مهجورا منذ سنوات طويلة.\n\n"
         "وتضم المكتبة قاعات للمطالعة وركنا خاصا بكتب الأطفال، إلى جانب مساحة للدراسة "
         "مفتوحة للطلاب حتى ساعة متأخرة من المساء طوال أيام الأسبوع.\n\n"
         "وقال مدير المكتبة إن أبوابها مفتوحة للجميع كل يوم، وإن الإدارة تخطط لتنظيم "
         "لقاءات أسبوعية مع كتاب من المنطقة خلال الأشهر المقبلة.\n")


@pytest.fixture
def small_article_text() -> str:
    return SMALL


def _offline(monkeypatch):
    from repackage.audio.engines import gtts as gmod

    def refuse(self, method, url, body, headers, timeout):
        raise gmod.TransportFailure("ConnectionError: network is unreachable")

    monkeypatch.setattr(gmod.RequestsTransport, "__call__", refuse)


@pytest.mark.parametrize("with_mbrola", [True, False], ids=["mbrola", "espeak"])
def test_offline_run_says_it_is_a_fallback_in_output_and_files(
        with_mbrola, mbrola_voice, small_article_text, tmp_path, monkeypatch):
    _offline(monkeypatch)
    if not with_mbrola:
        monkeypatch.setattr(mbrola_mod, "installed_voices", lambda: [])
    src = tmp_path / "a.txt"
    src.write_text(small_article_text, "utf-8")
    out = tmp_path / "out"
    result = CliRunner(mix_stderr=False).invoke(
        cli, ["all", str(src), "--out", str(out), "--platform", "x"],
        env={"REPACKAGE_CACHE": str(tmp_path / "cache")})
    assert result.exit_code == 0, result.output + result.stderr
    slug_dir = next(p for p in out.iterdir() if (p / "manifest.json").is_file())
    episode = json.loads((slug_dir / "audio" / "episode.json").read_text("utf-8"))
    manifest = json.loads((slug_dir / "manifest.json").read_text("utf-8"))
    engine, voice = ("mbrola", f"mb-{mbrola_voice}") if with_mbrola else ("espeak", "ar")
    assert (episode["engine"], episode["voice"]) == (engine, voice)
    assert episode["fallback"] is True and "unreachable" in episode["fallback_reason"]
    assert episode["voice_sample_rate"] == (16000 if voice == "mb-ar1" else 22050)
    assert manifest["voice"]["engine"] == engine and manifest["voice"]["fallback"] is True
    printed = result.output + result.stderr
    assert f"offline fallback voice {engine} {voice}" in printed
    assert ("apt-get install" in printed) is (not with_mbrola)
