"""Audio files and PCM: the one working format, WAV I/O, MP3 sanity checks, ffmpeg decoding.

Everything is decoded to 16-bit mono PCM at 44.1 kHz before mixing. The ffmpeg binary
comes from the ``imageio-ffmpeg`` wheel, so no system ffmpeg is needed.
"""

from __future__ import annotations

import functools
import io
import subprocess
import wave

from repackage.errors import DependencyError, RepackageError

RATE = 44100
WIDTH = 2  # bytes per sample
CHANNELS = 1


class AudioDataError(RepackageError):
    """Audio bytes that do not decode (empty, truncated, not audio)."""


@functools.lru_cache(maxsize=1)
def ffmpeg_exe() -> str:
    """Path of the ffmpeg binary shipped by imageio-ffmpeg."""
    try:
        import imageio_ffmpeg
        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except Exception as exc:  # noqa: BLE001 - any failure means the same thing to the user
        raise DependencyError(f"ffmpeg binary not available from imageio-ffmpeg: {exc}") from None


def run_ffmpeg(args: list[str], what: str) -> str:
    """Run the bundled ffmpeg and return its stderr (meters print their summaries there).

    Raises RepackageError naming ``what`` and ffmpeg's last message when it fails.
    """
    proc = subprocess.run([ffmpeg_exe(), "-hide_banner", "-nostdin", "-nostats", *args],
                          capture_output=True, check=False)
    err = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        last = [ln for ln in err.strip().splitlines() if ln.strip()][-1:] or ["no message"]
        raise RepackageError(f"{what}: ffmpeg failed ({last[0]})")
    return err


# MPEG audio frame header tables (layer III only, which is what TTS services send).
_BITRATES = {
    3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],  # MPEG-1
    2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],  # MPEG-2 / 2.5
}
_RATES = {3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000]}


def mp3_duration(data: bytes) -> float:
    """Walk the MP3 frames of ``data`` and return the duration in seconds.

    Raises AudioDataError for empty data, data that is not MP3, or a last frame cut short
    (a transfer that stopped early), which a decoder would otherwise swallow silently.
    """
    if not data:
        raise AudioDataError("empty audio (0 bytes)")
    pos = 0
    if data[:3] == b"ID3" and len(data) >= 10:
        size = (data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9]
        pos = 10 + size
    frames = 0
    seconds = 0.0
    n = len(data)
    while pos + 4 <= n:
        b1, b2, b3 = data[pos + 1], data[pos + 2], data[pos + 3]
        if data[pos] != 0xFF or (b1 & 0xE0) != 0xE0:
            if frames and data[pos:pos + 3] == b"TAG":
                break  # ID3v1 trailer
            raise AudioDataError(f"not MP3 data at byte {pos}")
        version = (b1 >> 3) & 0x03  # 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
        layer = (b1 >> 1) & 0x03
        bidx, ridx, padding = b2 >> 4, (b2 >> 2) & 0x03, (b2 >> 1) & 0x01
        if version == 1 or layer != 1 or bidx in (0, 15) or ridx == 3:
            raise AudioDataError(f"unsupported or corrupt MP3 frame header at byte {pos}")
        table = 3 if version == 3 else 2
        rate = _RATES[version][ridx]
        samples = 1152 if version == 3 else 576
        size = samples // 8 * _BITRATES[table][bidx] * 1000 // rate + padding
        if pos + size > n:
            raise AudioDataError(f"MP3 data truncated inside frame {frames + 1}")
        frames += 1
        seconds += samples / rate
        pos += size
        del b3
    if frames == 0:
        raise AudioDataError("no MP3 frames found")
    return seconds


def read_wav(data: bytes) -> tuple[int, bytes]:
    """(sample rate, PCM) of a 16-bit mono WAV; AudioDataError if it is anything else."""
    try:
        with wave.open(io.BytesIO(data), "rb") as w:
            if w.getnchannels() != 1 or w.getsampwidth() != 2:
                raise AudioDataError("WAV must be 16-bit mono")
            return w.getframerate(), w.readframes(w.getnframes())
    except (wave.Error, EOFError) as exc:
        raise AudioDataError(f"not a readable WAV file ({exc})") from None


def wav_bytes(pcm: bytes, rate: int = RATE) -> bytes:
    """A 16-bit mono WAV file holding ``pcm``."""
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm)
    return out.getvalue()


def upsample_2x(pcm: bytes) -> bytes:
    """Double the sample rate of 16-bit PCM (22050 -> 44100 Hz) with a windowed-sinc filter."""
    import numpy as np

    x = np.frombuffer(pcm, dtype="<i2").astype(np.float32)
    if x.size == 0:
        return b""
    taps = 31
    n = np.arange(taps) - (taps - 1) / 2
    # half-band low-pass at the old Nyquist; the gain of 2 restores the level lost to zero-stuffing
    h = np.sinc(n / 2) * np.blackman(taps)
    h *= 2 / h.sum()
    up = np.zeros(x.size * 2, dtype=np.float32)
    up[::2] = x
    y = np.convolve(up, h, mode="same")
    return np.clip(np.rint(y), -32768, 32767).astype("<i2").tobytes()


def to_pcm(data: bytes, fmt: str) -> bytes:
    """Decode an engine's audio file (``wav`` or ``mp3``) to the working PCM format."""
    if fmt == "wav":
        rate, pcm = read_wav(data)
        if rate == RATE:
            return pcm
        if rate * 2 == RATE:
            return upsample_2x(pcm)
    elif fmt == "mp3":
        mp3_duration(data)
    else:
        raise AudioDataError(f"unknown audio format {fmt!r}")
    # pydub decodes through the ffmpeg binary; naming the codec keeps it from calling ffprobe,
    # which imageio-ffmpeg does not ship.
    try:
        segment = pydub_segment().from_file(
            io.BytesIO(data), format=fmt, codec="mp3" if fmt == "mp3" else None,
            parameters=["-ac", str(CHANNELS), "-ar", str(RATE)],
        )
    except Exception as exc:  # noqa: BLE001 - pydub raises bare exceptions for decoder failures
        raise AudioDataError(f"audio does not decode ({str(exc).strip().splitlines()[-1][:120]})") from None
    segment = segment.set_sample_width(WIDTH).set_channels(CHANNELS).set_frame_rate(RATE)
    if not segment.raw_data:
        raise AudioDataError("audio decoded to nothing")
    return segment.raw_data


@functools.lru_cache(maxsize=1)
def pydub_segment():
    """pydub's AudioSegment class, pointed at imageio-ffmpeg's binary."""
    import warnings

    with warnings.catch_warnings():
        # pydub warns at import time when no ffmpeg is on PATH (we give it one just below)
        # and, on 3.12, that audioop is deprecated (audioop-lts replaces it from 3.13).
        warnings.simplefilter("ignore", RuntimeWarning)
        warnings.simplefilter("ignore", DeprecationWarning)  # audioop, on Python 3.12
        from pydub import AudioSegment
    AudioSegment.converter = ffmpeg_exe()
    return AudioSegment


def silence(ms: int) -> bytes:
    """``ms`` milliseconds of silence in the working PCM format."""
    return b"\0\0" * (RATE * ms // 1000)
