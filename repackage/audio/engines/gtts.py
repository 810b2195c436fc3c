"""Online engine: Google Translate's TTS endpoint, with gTTS building the requests.

gTTS itself has no retries, an unbounded timeout by default, and leaves 0-byte files when
``save()`` fails. This engine sends gTTS's prepared request through its own transport with
explicit timeouts, retries 429, 5xx, timeouts and garbled answers with exponential backoff
and jitter (honouring Retry-After), and returns bytes only once they parse as whole MP3.
"""

from __future__ import annotations

import base64
import email.utils
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from repackage.errors import NetworkError

from ..codec import AudioDataError, mp3_duration
from .base import SynthesisError

_AUDIO = re.compile(rb'jQ1olc","\[\\"(.*?)\\"]')


@dataclass
class Response:
    """What a transport returns: status, headers (lower-case names) and body."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


class TransportTimeout(Exception):
    """The request timed out (connect or read)."""


class TransportFailure(Exception):
    """The request could not be sent or its answer not read (DNS, refused, reset).

    ``permanent`` marks failures a retry within seconds cannot fix (the host name does not
    resolve: no network, or no DNS).
    """

    def __init__(self, message: str, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


_DNS_FAILURE = ("NameResolutionError", "Name or service not known",
                "Temporary failure in name resolution", "nodename nor servname",
                "getaddrinfo failed")


def describe_failure(exc: BaseException, url: str) -> TransportFailure:
    """A short, readable TransportFailure for a low-level connection error."""
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or url
    text = str(exc)
    if any(marker in text for marker in _DNS_FAILURE):
        return TransportFailure(f"cannot resolve {host} (no network?)", permanent=True)
    for marker, reason in (("refused", "connection refused"), ("reset", "connection reset"),
                           ("unreachable", "network unreachable"), ("SSL", "TLS error")):
        if marker in text:
            return TransportFailure(f"{host}: {reason}")
    return TransportFailure(f"{host}: {exc.__class__.__name__}")


Transport = Callable[[str, str, bytes, dict[str, str], tuple[float, float]], Response]


class RequestsTransport:
    """The default transport: a ``requests`` session (injected for tests or proxies)."""

    def __init__(self, session: Any = None) -> None:
        import requests

        self._requests = requests
        self.session = session or requests.Session()

    def __call__(self, method: str, url: str, body: bytes, headers: dict[str, str],
                 timeout: tuple[float, float]) -> Response:
        req = self._requests
        try:
            r = self.session.request(method, url, data=body, headers=headers, timeout=timeout)
            return Response(r.status_code, {k.lower(): v for k, v in r.headers.items()},
                            r.content)
        except (req.Timeout, TimeoutError) as exc:
            raise TransportTimeout(str(exc)) from None
        except req.RequestException as exc:
            raise describe_failure(exc, url) from None


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when - (time.time() if now is None else now))


def extract_audio(body: bytes) -> bytes:
    """The MP3 bytes inside a batchexecute answer; AudioDataError when there are none."""
    if not body.strip():
        raise AudioDataError("empty answer")
    m = _AUDIO.search(body)
    if not m:
        raise AudioDataError("answer holds no audio")
    try:
        return base64.b64decode(m.group(1), validate=True)
    except ValueError:
        raise AudioDataError("answer holds malformed audio data") from None


class GTTSEngine:
    """Google TTS (language ``ar``) with bounded, polite retries.

    At most ``concurrency`` requests are in flight (6, the per-host connection limit
    browsers keep to); every request has a connect and a read timeout.
    """

    name = "gtts"
    audio_format = "mp3"
    max_chars = 100

    def __init__(self, *, lang: str = "ar", tld: str = "com", url: str | None = None,
                 transport: Transport | None = None, timeout: tuple[float, float] = (3.05, 15.0),
                 retries: int = 4, backoff: float = 0.5, max_backoff: float = 8.0,
                 max_retry_after: float = 30.0, concurrency: int = 6,
                 sleep: Callable[[float], None] = time.sleep,
                 rng: Callable[[], float] = random.random) -> None:
        import gtts

        self.voice = f"{lang}@{tld}"
        self.version = f"gTTS {gtts.__version__}"
        self.lang, self.tld, self.url = lang, tld, url
        self.transport = transport or RequestsTransport()
        self.timeout = timeout
        self.retries, self.backoff, self.max_backoff = retries, backoff, max_backoff
        self.max_retry_after = max_retry_after
        self.concurrency = concurrency
        self.sleep, self.rng = sleep, rng

    def request_for(self, text: str) -> tuple[str, bytes, dict[str, str]]:
        """(url, body, headers) of the one request gTTS would send for ``text``."""
        from gtts.tts import gTTS

        if len(text) > self.max_chars:
            raise SynthesisError(f"chunk longer than {self.max_chars} characters: {text[:30]!r}…")
        prepared = gTTS(text, lang=self.lang, tld=self.tld, lang_check=False)._prepare_requests()
        if len(prepared) != 1:
            raise SynthesisError(f"gTTS split {text[:30]!r}… into {len(prepared)} requests")
        pr = prepared[0]
        body = pr.body if isinstance(pr.body, bytes) else str(pr.body or "").encode()
        return self.url or str(pr.url), body, {k: str(v) for k, v in pr.headers.items()}

    def _delay(self, attempt: int) -> float:
        # exponential backoff with "equal jitter": half fixed, half random, so many clients
        # retrying together spread out instead of arriving in waves
        base = min(self.max_backoff, self.backoff * (2 ** attempt))
        return base / 2 + base / 2 * self.rng()

    def synthesize(self, text: str) -> bytes:
        """Voice ``text`` (at most 100 characters); return whole, parseable MP3 bytes."""
        url, body, headers = self.request_for(text)
        problem = ""
        for attempt in range(self.retries + 1):
            wait = None
            try:
                r = self.transport("POST", url, body, headers, self.timeout)
            except TransportTimeout:
                problem = f"timed out after {self.timeout[1]:g} s"
            except TransportFailure as exc:
                if exc.permanent:
                    raise NetworkError(f"Google TTS unreachable: {exc}") from None
                problem = f"connection failed ({exc})"
            else:
                if r.status == 200:
                    try:
                        audio = extract_audio(r.body)
                        mp3_duration(audio)
                        return audio
                    except AudioDataError as exc:
                        problem = f"bad answer: {exc}"
                elif r.status == 429 or 500 <= r.status <= 599:
                    problem = f"HTTP {r.status}" + (" (rate limited)" if r.status == 429 else "")
                    wait = retry_after_seconds(r.headers.get("retry-after"))
                    if wait is not None and wait > self.max_retry_after:
                        raise NetworkError(f"Google TTS asks to wait {wait:.0f} s ({problem})")
                else:
                    raise NetworkError(f"Google TTS refused the request: HTTP {r.status}")
            if attempt < self.retries:
                self.sleep(max(wait or 0.0, self._delay(attempt)))
        raise NetworkError(f"Google TTS failed after {self.retries + 1} attempts: {problem}")

    def reachable(self, timeout: float = 1.5) -> bool:
        """A quick check that the TTS host answers at all (any HTTP status counts)."""
        url = self.url or f"https://translate.google.{self.tld}/"
        try:
            self.transport("GET", url, b"", {}, (timeout, timeout))
        except (TransportTimeout, TransportFailure):
            return False
        return True
