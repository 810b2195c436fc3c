"""The gTTS engine against a local fake endpoint: retries, backoff, bad answers, no 0-byte files.

Nothing here touches the real network: the engine is pointed at a server on 127.0.0.1.
"""

from __future__ import annotations

import base64
import http.server
import queue
import threading
import time
from pathlib import Path

import pytest

from repackage.audio.cache import AudioCache
from repackage.audio.codec import AudioDataError, ffmpeg_exe, mp3_duration, to_pcm
from repackage.audio.engines import choose_engine
from repackage.audio.engines.gtts import GTTSEngine, extract_audio, retry_after_seconds
from repackage.audio.script import Segment
from repackage.audio.voice import plan_segment, voice_segments
from repackage.errors import NetworkError


@pytest.fixture(scope="module")
def mp3_bytes() -> bytes:
    import subprocess

    return subprocess.run(
        [ffmpeg_exe(), "-v", "error", "-f", "lavfi", "-i", "sine=frequency=300:duration=0.6",
         "-ar", "24000", "-ac", "1", "-c:a", "libmp3lame", "-b:a", "32k", "-f", "mp3", "-"],
        capture_output=True, check=True).stdout


def answer(mp3: bytes) -> bytes:
    """A body shaped like Google's batchexecute reply carrying ``mp3``."""
    b64 = base64.b64encode(mp3)
    return (b")]}'\n\n123\n" + b'[["wrb.fr","jQ1olc","[\\"' + b64
            + b'\\"]",null,null,null,"generic"]]\n')


class FakeTTS:
    """Serves scripted answers: (status, headers, body, delay seconds), then 404 when empty."""

    def __init__(self) -> None:
        self.script: queue.Queue[tuple[int, dict[str, str], bytes, float]] = queue.Queue()
        self.requests: list[bytes] = []
        self.default: tuple[int, dict[str, str], bytes, float] = (404, {}, b"", 0.0)
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                n = int(self.headers.get("Content-Length") or 0)
                fake.requests.append(self.rfile.read(n))
                try:
                    status, headers, body, delay = fake.script.get_nowait()
                except queue.Empty:
                    status, headers, body, delay = fake.default
                if delay:
                    time.sleep(delay)
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/batchexecute"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,),
                                       daemon=True)
        self.thread.start()

    def add(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None,
            delay: float = 0.0) -> None:
        self.script.put((status, headers or {}, body, delay))

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake():
    f = FakeTTS()
    yield f
    f.close()


@pytest.fixture
def sleeps():
    return []


def engine(fake: FakeTTS, sleeps: list[float], **kw: object) -> GTTSEngine:
    opts = {"url": fake.url, "timeout": (2.0, 5.0), "retries": 3, "sleep": sleeps.append,
            "rng": lambda: 0.5, "concurrency": 2}
    opts.update(kw)
    return GTTSEngine(**opts)  # type: ignore[arg-type]


def test_success_returns_whole_mp3_and_sends_gtts_request(fake, sleeps, mp3_bytes):
    fake.add(200, answer(mp3_bytes))
    data = engine(fake, sleeps).synthesize("مرحبا بكم")
    assert data == mp3_bytes
    assert b"jQ1olc" in fake.requests[0] and b"ar" in fake.requests[0]
    assert sleeps == []


def test_429_honours_retry_after_then_succeeds(fake, sleeps, mp3_bytes):
    fake.add(429, b"slow down", {"Retry-After": "7"})
    fake.add(200, answer(mp3_bytes))
    assert engine(fake, sleeps).synthesize("نص") == mp3_bytes
    assert sleeps == [7.0]


def test_500s_back_off_exponentially_then_fail_naming_the_cause(fake, sleeps):
    for _ in range(4):
        fake.add(500, b"oops")
    with pytest.raises(NetworkError, match="HTTP 500"):
        engine(fake, sleeps).synthesize("نص")
    assert len(fake.requests) == 4
    # equal jitter with rng 0.5: 3/4 of 0.5 * 2**n
    assert sleeps == pytest.approx([0.375, 0.75, 1.5])


def test_timeouts_are_retried(fake, sleeps, mp3_bytes):
    fake.add(200, answer(mp3_bytes), delay=3.0)
    fake.default = (200, {}, answer(mp3_bytes), 0.0)
    assert engine(fake, sleeps, timeout=(2.0, 0.5)).synthesize("نص") == mp3_bytes
    assert len(fake.requests) >= 2 and len(sleeps) == len(fake.requests) - 1


def test_timeouts_to_the_end_fail_naming_the_cause(fake, sleeps):
    fake.default = (200, {}, b"", 2.0)
    with pytest.raises(NetworkError, match="timed out"):
        engine(fake, sleeps, timeout=(2.0, 0.2), retries=1).synthesize("نص")


def test_empty_200_and_truncated_mp3_are_retried_then_rejected(fake, sleeps, mp3_bytes):
    fake.add(200, b"")
    fake.add(200, answer(mp3_bytes[: len(mp3_bytes) - 57]))
    fake.add(200, answer(b""))
    fake.add(200, b")]}'\n\nnothing here")
    with pytest.raises(NetworkError, match="bad answer"):
        engine(fake, sleeps).synthesize("نص")
    assert len(fake.requests) == 4


def test_client_error_is_not_retried(fake, sleeps):
    fake.add(403, b"no")
    with pytest.raises(NetworkError, match="HTTP 403"):
        engine(fake, sleeps).synthesize("نص")
    assert sleeps == []


def test_too_long_retry_after_gives_up_at_once(fake, sleeps):
    fake.add(429, b"", {"Retry-After": "3600"})
    with pytest.raises(NetworkError, match="wait 3600"):
        engine(fake, sleeps).synthesize("نص")
    assert sleeps == []


def test_retry_after_date_form():
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert retry_after_seconds("soon") is None


def test_mp3_checks():
    with pytest.raises(AudioDataError, match="empty"):
        mp3_duration(b"")
    with pytest.raises(AudioDataError):
        mp3_duration(b"<html>error</html>")
    with pytest.raises(AudioDataError):
        extract_audio(b"")


def test_failed_segment_names_itself_and_leaves_no_empty_files(fake, sleeps, mp3_bytes,
                                                              tmp_path):
    eng = engine(fake, sleeps, retries=1, concurrency=1)
    cache = AudioCache(tmp_path / "cache")
    segs = [Segment("p01", "paragraph", "الجملة الأولى.", 500),
            Segment("p02", "paragraph", "الجملة الثانية.", 500)]
    planned = [plan_segment(s, eng, {"sentence": 300}) for s in segs]
    fake.add(200, answer(mp3_bytes))
    fake.add(503, b"")
    fake.add(503, b"")
    with pytest.raises(NetworkError, match="segment p02"):
        voice_segments(planned, eng, cache)
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert files, "the chunk voiced before the failure is cached"
    assert all(p.stat().st_size > 0 for p in files)
    assert not [p for p in files if p.name.endswith(".part")]
    # the next run asks only for what is missing
    fake.add(200, answer(mp3_bytes))
    before = len(fake.requests)
    voiced, stats = voice_segments(planned, eng, cache)
    assert len(fake.requests) - before == 1
    assert stats["synthesized"] == 1 and stats["cached"] == 1
    pcm = to_pcm(mp3_bytes, "mp3")
    assert voiced[0].samples == len(pcm) // 2


def test_auto_picks_the_offline_voice_when_google_is_unreachable(sleeps):
    from repackage.audio.engines import offline_engine

    dead = GTTSEngine(url="http://127.0.0.1:9/", timeout=(0.2, 0.2), sleep=sleeps.append)
    eng, reason = choose_engine("auto", probe=dead)
    assert eng.name == offline_engine()[0].name and "unreachable" in reason


def test_auto_picks_gtts_when_google_answers(fake, sleeps):
    fake.add(200, b"")
    eng, reason = choose_engine("auto", probe=engine(fake, sleeps))
    assert eng.name == "gtts" and "reachable" in reason


def test_chunks_sent_to_google_fit_its_limit(fake, sleeps):
    eng = engine(fake, sleeps)
    text = ("وتعد آسيا الوسطى حلقة حيوية في مبادرة الحزام والطريق الصينية الرئيسية، وهي مشروع "
            "ضخم للبنية التحتية استخدمته بكين لتوسيع نفوذها في الخارج.")
    planned = plan_segment(Segment("p03", "paragraph", text, 500), eng, {})
    assert len(planned.chunks) == 2
    assert all(len(c.text) <= 100 for c in planned.chunks)
    for c in planned.chunks:
        url, body, headers = eng.request_for(c.text)
        assert url == fake.url and body.startswith(b"f.req=")


def test_no_real_network_default_transport_timeouts_are_explicit():
    eng = GTTSEngine()
    assert eng.timeout[0] > 0 and eng.timeout[1] > 0
    assert 1 <= eng.concurrency <= 8


def test_cache_path_layout(tmp_path: Path):
    cache = AudioCache(tmp_path)
    p = cache.chunk_path("ab" + "0" * 62, "mp3")
    assert p.parent.name == "ab" and p.suffix == ".mp3"


def test_whole_episode_through_the_gtts_path(fake, sleeps, mp3_bytes, seed_article, tmp_path):
    import dataclasses
    import json

    from mutagen.mp3 import MP3

    from repackage.audio import build_episode

    article = dataclasses.replace(seed_article, paragraphs=seed_article.paragraphs[:2],
                                  quotes=())
    fake.default = (200, {}, answer(mp3_bytes), 0.0)
    fake.add(429, b"", {"Retry-After": "1"})
    fake.add(500, b"")
    summary = build_episode(article, tmp_path / "out" / "s", engine=engine(fake, sleeps),
                            cache_dir=tmp_path / "cache")
    assert summary["engine"] == "gtts"
    chunks = summary["synthesized_chunks"]
    assert len(fake.requests) == chunks + 2
    episode = tmp_path / "out" / "s" / "audio" / "episode.mp3"
    assert MP3(str(episode)).info.length > chunks * 0.5
    meta = json.loads((episode.parent / "episode.json").read_text("utf-8"))
    assert meta["engine"] == "gtts" and meta["voice"] == "ar@com"
    # every chunk sent fits Google's limit
    from urllib.parse import unquote_plus
    for body in fake.requests:
        payload = json.loads(json.loads(unquote_plus(body.decode())[6:].rstrip("&"))[0][0][1])
        assert len(payload[0]) <= 100


def test_unresolvable_host_fails_at_once_without_retries(sleeps):
    from repackage.audio.engines.gtts import describe_failure

    calls = []

    def transport(method, url, body, headers, timeout):
        calls.append(url)
        raise describe_failure(OSError("[Errno -2] Name or service not known"), url)

    eng = GTTSEngine(transport=transport, sleep=sleeps.append)
    with pytest.raises(NetworkError, match="cannot resolve translate.google.com"):
        eng.synthesize("نص")
    assert len(calls) == 1 and sleeps == []
    assert not eng.reachable()


def test_refused_connection_is_retried(sleeps, mp3_bytes):
    from repackage.audio.engines.gtts import Response, describe_failure

    answers = [describe_failure(OSError("Connection refused"), "http://h/"),
               Response(200, {}, answer(mp3_bytes))]

    def transport(method, url, body, headers, timeout):
        item = answers.pop(0)
        if isinstance(item, Exception):
            raise item
        return item

    eng = GTTSEngine(transport=transport, sleep=sleeps.append, rng=lambda: 0.0)
    assert eng.synthesize("نص") == mp3_bytes
    assert sleeps == [0.25]


def test_auto_falls_back_offline_when_gtts_fails_part_way(fake, sleeps, mp3_bytes,
                                                            seed_article, tmp_path, monkeypatch):
    import dataclasses

    from repackage.audio import build_episode, episode

    article = dataclasses.replace(seed_article, paragraphs=seed_article.paragraphs[:1],
                                  quotes=())
    flaky = engine(fake, sleeps, retries=1, concurrency=1)
    fake.add(200, answer(mp3_bytes))
    fake.default = (503, {}, b"", 0.0)
    real = episode.choose_engine
    monkeypatch.setattr(episode, "choose_engine", lambda name: (
        (flaky, "gtts (Google TTS reachable)") if name == "auto" else real(name)))
    summary = build_episode(article, tmp_path / "out" / "s", engine="auto",
                            cache_dir=tmp_path / "cache")
    assert summary["engine"] == episode.offline_engine()[0].name
    assert "part-way" in summary["engine_reason"] and "HTTP 503" in summary["engine_reason"]
    assert summary["fallback"] is True and "HTTP 503" in summary["fallback_reason"]


def test_chunks_voiced_before_a_failure_are_kept(sleeps, mp3_bytes, tmp_path):
    from repackage.audio.engines.gtts import Response

    def transport(method, url, body, headers, timeout):
        if b"FAIL" in body:
            return Response(500, {}, b"")
        return Response(200, {}, answer(mp3_bytes))

    eng = GTTSEngine(transport=transport, sleep=sleeps.append, retries=1, concurrency=3)
    segs = [Segment("p01", "paragraph", "كلمة أولى.", 0), Segment("p02", "paragraph", "FAIL.", 0),
            Segment("p03", "paragraph", "كلمة ثالثة.", 0)]
    planned = [plan_segment(s, eng, {}) for s in segs]
    cache = AudioCache(tmp_path)
    with pytest.raises(NetworkError, match="segment p02"):
        voice_segments(planned, eng, cache)
    kept = {p.segment.id for p in planned if cache.get_chunk(p.chunks[0].key, "wav")}
    assert kept == {"p01", "p03"}
