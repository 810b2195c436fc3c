"""A local stand-in for Google's TTS endpoint: answers every POST after a fixed delay.

It speaks the same reply format gTTS parses (a ``batchexecute`` body whose ``jQ1olc`` line
carries base64 MP3), counts requests and records the text of each, so the benchmark can
count what the project sends and time its concurrency without the network.
"""

from __future__ import annotations

import base64
import json
import subprocess
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from measure import ffmpeg_exe


def small_mp3(path: Path) -> bytes:
    """A short, valid mono MP3 (0.4 s tone, 24 kHz, 32 kb/s, like Google's), made once."""
    if not path.exists():
        subprocess.run(
            [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
             "sine=frequency=330:duration=0.4:sample_rate=24000", "-ac", "1", "-c:a",
             "libmp3lame", "-b:a", "32k", str(path)],
            check=True,
        )
    return path.read_bytes()


def _reply_body(mp3: bytes) -> bytes:
    inner = json.dumps([base64.b64encode(mp3).decode("ascii")], separators=(",", ":"))
    row = json.dumps([["wrb.fr", "jQ1olc", inner, None, None, None, "generic"]],
                     separators=(",", ":"))
    return f")]}}'\n\n{len(row)}\n{row}\n".encode("ascii")


class FakeGtts:
    """Threaded HTTP server on 127.0.0.1; ``url`` is its batchexecute address."""

    def __init__(self, mp3: bytes, delay: float = 0.150) -> None:
        self.delay = delay
        self.body = _reply_body(mp3)
        self.lock = threading.Lock()
        self.texts: list[str] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.first_at: float | None = None  # perf_counter of the first request's arrival
        self.last_done: float | None = None  # perf_counter when the last answer was sent
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8", "replace")
                with owner.lock:
                    if owner.first_at is None:
                        owner.first_at = time.perf_counter()
                    owner.in_flight += 1
                    owner.max_in_flight = max(owner.max_in_flight, owner.in_flight)
                    owner.texts.append(_spoken_text(raw))
                time.sleep(owner.delay)
                self.send_response(200)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(owner.body)))
                self.end_headers()
                self.wfile.write(owner.body)
                with owner.lock:
                    owner.in_flight -= 1
                    owner.last_done = time.perf_counter()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/_/TranslateWebserverUi/data/batchexecute"

    @property
    def request_phase(self) -> float:
        """Seconds from the first request's arrival to the last answer (0 if none)."""
        if self.first_at is None or self.last_done is None:
            return 0.0
        return self.last_done - self.first_at

    @property
    def requests(self) -> int:
        return len(self.texts)

    def reset(self) -> None:
        with self.lock:
            self.texts.clear()
            self.max_in_flight = 0
            self.first_at = self.last_done = None

    def __enter__(self) -> FakeGtts:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def _spoken_text(body: str) -> str:
    """The text a gTTS request asks to speak (``f.req`` form field), or "" if unreadable."""
    try:
        freq = urllib.parse.parse_qs(body)["f.req"][0]
        rpc = json.loads(freq)
        return json.loads(rpc[0][0][1])[0]
    except (KeyError, IndexError, ValueError, TypeError):
        return ""


def point_gtts_at(url: str) -> None:
    """Make the gTTS library in this process send its requests to ``url``."""
    import gtts.tts

    gtts.tts._translate_url = lambda tld="com", path="": url
