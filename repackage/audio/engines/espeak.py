"""Offline engine: libespeak-ng (from the ``espeakng-loader`` wheel) through ctypes.

Arabic news text carries no short vowels, and espeak-ng reads unvowelled words badly, so
the text is vowelled first by the ``text2tashkeel`` ONNX diacritizer (one sentence a call).
Output is 16-bit mono PCM at the library's rate (22050 Hz), returned as a WAV file.
"""

from __future__ import annotations

import ctypes
import threading
from typing import Any

from repackage.errors import DependencyError

from ..codec import wav_bytes
from .base import SynthesisError
from .vowels import DEFAULT_MODEL, Vowelizer, package_version

_AUDIO_OUTPUT_SYNCHRONOUS = 0x02
_POS_CHARACTER = 1
_ESPEAK_CHARS_UTF8 = 1
_ESPEAK_RATE = 1
_SYNTH_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)
# libespeak-ng keeps global state: one initialisation per process, one synthesis at a time.
_LOCK = threading.Lock()
_LIB: dict[str, Any] = {}


def _library() -> dict[str, Any]:
    if _LIB:
        return _LIB
    try:
        import espeakng_loader
    except ImportError:
        raise DependencyError("espeak engine needs the 'espeakng-loader' package") from None
    try:
        lib = ctypes.CDLL(espeakng_loader.get_library_path())
        data = espeakng_loader.get_data_path()
    except (OSError, RuntimeError) as exc:
        raise DependencyError(f"cannot load libespeak-ng: {exc}") from None
    lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    lib.espeak_Initialize.restype = ctypes.c_int
    lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
    lib.espeak_SetVoiceByName.restype = ctypes.c_int
    lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
    lib.espeak_SetSynthCallback.argtypes = [_SYNTH_CALLBACK]
    lib.espeak_Synth.argtypes = [
        ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint,
        ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p,
    ]
    lib.espeak_Synth.restype = ctypes.c_int
    rate = lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, data.encode(), 0)
    if rate <= 0:
        raise DependencyError(f"libespeak-ng failed to initialise with data at {data}")
    buffer: list[bytes] = []

    def on_audio(wav: Any, numsamples: int, events: Any) -> int:
        if numsamples > 0 and wav:
            buffer.append(ctypes.string_at(wav, numsamples * 2))
        return 0

    callback = _SYNTH_CALLBACK(on_audio)  # kept referenced in _LIB so it is never collected
    lib.espeak_SetSynthCallback(callback)
    _LIB.update(lib=lib, rate=rate, buffer=buffer, callback=callback, voice=None)
    return _LIB


class EspeakEngine:
    """espeak-ng voicing diacritized Arabic; deterministic and fully offline."""

    name = "espeak"
    audio_format = "wav"
    max_chars = 400
    concurrency = 1

    def __init__(self, voice: str = "ar", rate_wpm: int = 150,
                 diacritizer: str = DEFAULT_MODEL) -> None:
        self.voice = voice
        self.rate_wpm = rate_wpm
        self.diacritizer_model = diacritizer
        self._vowelizer = Vowelizer(diacritizer)
        # versions from package metadata: importing the diacritizer (onnxruntime) is left
        # to the first sentence that needs it, so a fully cached run never pays for it
        t2t = package_version("text2tashkeel", "espeak")
        esp = package_version("espeakng-loader", "espeak")
        self.version = f"espeakng-loader {esp}; text2tashkeel {t2t} {diacritizer}; {rate_wpm}wpm"

    @property
    def sample_rate(self) -> int:
        """Output sample rate of libespeak-ng (loads the library)."""
        return int(_library()["rate"])

    @property
    def native_rate(self) -> int:
        """Same as ``sample_rate``: the rate the voice speaks at before mixing."""
        return self.sample_rate

    def vowel(self, text: str) -> str:
        """Add harakat to ``text`` unless a producer already vowelled it."""
        return self._vowelizer(text)

    def pcm(self, text: str) -> bytes:
        """Voice ``text`` as raw 16-bit mono PCM at ``sample_rate``."""
        vowelled = self.vowel(text)
        state = _library()
        lib = state["lib"]
        data = vowelled.encode("utf-8") + b"\0"
        with _LOCK:
            if state["voice"] != (self.voice, self.rate_wpm):
                if lib.espeak_SetVoiceByName(self.voice.encode()) != 0:
                    raise SynthesisError(f"espeak-ng has no voice {self.voice!r}")
                lib.espeak_SetParameter(_ESPEAK_RATE, self.rate_wpm, 0)
                state["voice"] = (self.voice, self.rate_wpm)
            state["buffer"].clear()
            rc = lib.espeak_Synth(data, len(data), 0, _POS_CHARACTER, 0, _ESPEAK_CHARS_UTF8,
                                  None, None)
            pcm = b"".join(state["buffer"])
            state["buffer"].clear()
        if rc != 0:
            raise SynthesisError(f"espeak-ng failed (code {rc}) on {text[:40]!r}")
        return pcm

    def synthesize(self, text: str) -> bytes:
        """Voice ``text`` and return a mono 16-bit WAV file."""
        pcm = self.pcm(text)
        if not pcm:
            raise SynthesisError(f"espeak-ng produced no audio for {text[:40]!r}")
        return wav_bytes(pcm, self.sample_rate)
