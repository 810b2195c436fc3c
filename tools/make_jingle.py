"""Generate assets/jingle.flac, the show's intro/outro bed, from synthesized tones.

Run: python tools/make_jingle.py  (needs numpy and imageio-ffmpeg, both project deps).
A soft pad chord in D major under a bell arpeggio, 7 seconds, 44.1 kHz mono.
The output is deterministic: same script, same file.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np

RATE = 44100
LENGTH = 7.0
HERE = Path(__file__).resolve().parent.parent / "assets"


def hz(midi: int) -> float:
    """Equal-tempered frequency of a MIDI note number."""
    return 440.0 * 2 ** ((midi - 69) / 12)


def bell(t: np.ndarray, f: float, start: float, decay: float) -> np.ndarray:
    """A struck tone: a few inharmonic-ish partials, fast attack, exponential decay."""
    tt = t - start
    on = tt >= 0
    tt = np.where(on, tt, 0.0)
    env = np.where(on, (1 - np.exp(-tt / 0.004)) * np.exp(-tt / decay), 0.0)
    partials = [(1.0, 1.0), (2.0, 0.35), (3.01, 0.12), (4.2, 0.05)]
    tone = sum(a * np.sin(2 * np.pi * f * m * tt) for m, a in partials)
    return env * tone


def pad(t: np.ndarray, freqs: list[float], attack: float, release_at: float) -> np.ndarray:
    """A warm sustained chord with slow attack and release and a gentle vibrato."""
    env = np.clip(t / attack, 0, 1) * np.clip((LENGTH - t) / (LENGTH - release_at), 0, 1)
    vib = 1 + 0.002 * np.sin(2 * np.pi * 5.0 * t)
    sig = np.zeros_like(t)
    for f in freqs:
        phase = 2 * np.pi * f * np.cumsum(vib) / RATE
        sig += np.sin(phase) + 0.25 * np.sin(2 * phase) + 0.08 * np.sin(3 * phase)
    return env * sig / len(freqs)


def render() -> np.ndarray:
    """The jingle as float samples in -1..1."""
    t = np.arange(int(RATE * LENGTH)) / RATE
    d = 62  # D4
    arpeggio = [d + 12, d + 16, d + 19, d + 24, d + 19, d + 24 + 4]
    sig = np.zeros_like(t)
    for i, note in enumerate(arpeggio):
        sig += 0.5 * bell(t, hz(note), 0.15 + i * 0.22, 0.9)
    sig += 0.6 * bell(t, hz(d + 24), 1.75, 2.2) + 0.4 * bell(t, hz(d + 12), 1.75, 2.5)
    sig += 0.55 * pad(t, [hz(d - 12), hz(d - 5), hz(d + 4), hz(d + 7)], 0.8, 4.5)
    # a short fade at both ends so no click survives an edit
    fade = np.clip(np.minimum(t / 0.01, (LENGTH - t) / 0.3), 0, 1)
    sig *= fade
    return sig / np.max(np.abs(sig)) * 0.5  # peak at about -6 dBFS


def main() -> None:
    """Write assets/jingle.flac."""
    import imageio_ffmpeg

    pcm = (render() * 32767).astype("<i2").tobytes()
    out = HERE / "jingle.flac"
    subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-y", "-f", "s16le", "-ar", str(RATE),
         "-ac", "1", "-i", "pipe:0", "-c:a", "flac", "-compression_level", "8",
         "-fflags", "+bitexact", "-map_metadata", "-1", str(out)],
        input=pcm, check=True,
    )
    print(f"wrote {out} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
