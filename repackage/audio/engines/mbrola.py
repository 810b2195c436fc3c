"""Offline engine: Debian's espeak-ng program driving an MBROLA Arabic diphone voice.

Diphones recorded from a human speaker are far easier to follow than espeak-ng's own formant
Arabic. Needs the Debian packages ``espeak-ng``, ``mbrola`` and ``mbrola-ar1`` (or ``-ar2``),
from Debian's contrib/non-free components; the voices may not be bundled or sold, so they are
never shipped with this package. The espeakng-loader wheel's library is built without MBROLA
(it would fall back silently), hence the system program. Text is vowelled first, like for
espeak, then put in pausal form (no case endings: judged clearer by the recogniser, CER 0.21
against 0.26 on the seed), at 125 words a minute. The sample rate is the voice's own (16 kHz
for ar1), read from the WAV espeak-ng writes, not the 22050 Hz its initialisation reports.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import threading
from pathlib import Path

from repackage.errors import DependencyError

from ..codec import wav_bytes
from . import mbrola_data
from .base import SynthesisError
from .vowels import DEFAULT_MODEL, Vowelizer, package_version, pausal

VOICES = ("ar2", "ar1")  # best first, by the recogniser (bench/voice.py)
_PREPARE_LOCK = threading.Lock()


def mbrola_binary() -> str:
    """Path of the ``mbrola`` program, which espeak-ng runs for MBROLA voices."""
    exe = shutil.which("mbrola")
    if not exe:
        raise DependencyError("the mbrola engine needs the mbrola program (Debian: mbrola)")
    return exe


def installed_voices() -> list[str]:
    """The Arabic MBROLA voices present on this machine, best first (empty when none)."""
    if not shutil.which("mbrola") or not shutil.which("espeak-ng"):
        return []
    return [v for v in VOICES if mbrola_data.voice_file(v) is not None]


def read_espeak_wav(data: bytes) -> tuple[int, bytes]:
    """(rate, PCM) of the WAV espeak-ng writes to stdout, whose size fields are left unset."""
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise SynthesisError("espeak-ng wrote no WAV data")
    pos, rate = 12, 0
    while pos + 8 <= len(data):
        tag, size = data[pos:pos + 4], struct.unpack_from("<I", data, pos + 4)[0]
        if tag == b"fmt ":
            channels, rate, width = (struct.unpack_from("<H", data, pos + 10)[0],
                                     struct.unpack_from("<I", data, pos + 12)[0],
                                     struct.unpack_from("<H", data, pos + 22)[0])
            if channels != 1 or width != 16:
                raise SynthesisError("espeak-ng wrote audio that is not 16-bit mono")
        elif tag == b"data":
            pcm = data[pos + 8:]
            if size < len(pcm):
                pcm = pcm[:size]
            if not rate:
                raise SynthesisError("espeak-ng's WAV has no format chunk")
            return rate, pcm[: len(pcm) // 2 * 2]
        pos += 8 + size + (size & 1)
    raise SynthesisError("espeak-ng's WAV has no audio")


class MbrolaEngine:
    """espeak-ng + MBROLA ``ar1``/``ar2`` voicing diacritized Arabic; offline, deterministic."""

    name = "mbrola"
    audio_format = "wav"
    max_chars = 400
    concurrency = 2  # one espeak-ng process per chunk, so chunks can be voiced side by side

    def __init__(self, voice: str = "", rate_wpm: int = 125,
                 diacritizer: str = DEFAULT_MODEL, data_base: Path | None = None,
                 pausal_form: bool = True) -> None:
        present = installed_voices()
        if voice and voice.startswith("mb-"):
            voice = voice[3:]
        if voice and voice not in VOICES:
            raise DependencyError(f"unknown MBROLA voice {voice!r} (choose from "
                                  f"{', '.join(VOICES)})")
        self.exe = mbrola_data.espeak_binary()
        mbrola_binary()
        voice = voice or (present[0] if present else VOICES[0])
        if voice not in present:
            raise DependencyError(f"MBROLA voice {voice} is not installed "
                                  f"(Debian: mbrola-{voice}, in contrib/non-free)")
        self.mbrola_voice = voice
        self.voice = f"mb-{voice}"
        self.rate_wpm = rate_wpm
        self.vowel = Vowelizer(diacritizer)
        self.diacritizer_model = diacritizer
        self.data_base = data_base
        self.pausal_form = pausal_form
        self._data: Path | None = None
        self._rate: int | None = None
        t2t = package_version("text2tashkeel", "mbrola")
        esp = subprocess.run([self.exe, "--version"], capture_output=True, text=True,
                             check=False).stdout.split("Data at")[0].strip()
        self.version = (f"{esp}; phtrans v{mbrola_data.TABLE_VERSION}; text2tashkeel {t2t} "
                        f"{diacritizer}; {rate_wpm}wpm" + ("; pausal" if pausal_form else ""))

    def data_dir(self) -> Path:
        """The prepared espeak-ng data directory (compiled on first use)."""
        with _PREPARE_LOCK:
            if self._data is None:
                self._data = mbrola_data.prepare(self.mbrola_voice, exe=self.exe,
                                                 base=self.data_base)
            return self._data

    @property
    def native_rate(self) -> int:
        """The voice's own sample rate, as espeak-ng's WAV header gives it (16000 for ar1)."""
        if self._rate is None:
            self.pcm("نَعَم")
        return int(self._rate or 0)

    def pcm(self, text: str) -> tuple[int, bytes]:
        """Voice ``text``: (sample rate, 16-bit mono PCM)."""
        vowelled = self.vowel(text)
        if self.pausal_form:
            vowelled = pausal(vowelled)
        proc = subprocess.run(
            [self.exe, f"--path={self.data_dir()}", "-v", self.voice, "-s", str(self.rate_wpm),
             "-b", "1", "--stdout"],
            input=vowelled.encode("utf-8"), capture_output=True, check=False, timeout=120)
        if proc.returncode != 0:
            err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            raise SynthesisError(f"espeak-ng (mb-{self.mbrola_voice}) failed on {text[:40]!r}: "
                                 f"{err[-1] if err else proc.returncode}")
        rate, pcm = read_espeak_wav(proc.stdout)
        self._rate = rate
        return rate, pcm

    def synthesize(self, text: str) -> bytes:
        """Voice ``text`` and return a mono 16-bit WAV file at the voice's own rate."""
        rate, pcm = self.pcm(text)
        if not pcm.strip(b"\0"):
            raise SynthesisError(f"espeak-ng (mb-{self.mbrola_voice}) produced no audio for "
                                 f"{text[:40]!r}")
        return wav_bytes(pcm, rate)
