"""The episode mix: the project's assembly against ffmpeg alone on the same segment files.

The seed's script is voiced once (espeak, untimed) into a cache; its segment WAVs are the
input of both sides.

- ``assembly_s``: the project's ``repackage.audio.mix.assemble`` on those WAVs, with the
  show's pauses and jingle bed: meter, gain/limit, encode once (and its verification meter).
  Median over runs.
- ``ffmpeg_only_s``: ffmpeg alone on the same WAVs and the same pauses (as silence files):
  concat demuxer, ``loudnorm`` measuring pass, ``loudnorm`` second pass with the measured
  values plus the MP3 encode (44.1 kHz mono, same bitrate). Median over runs.

The detail also times the project's mix without the jingle bed, the like-for-like figure.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ffmpeg_mix
from measure import Context, Outcome, Unavailable, attempt, log, median, seed_plan, timed

KEYS = ("assembly_s", "ffmpeg_only_s")


def voiced_seed(ctx: Context) -> tuple[list[Path], list[int], Any, dict[str, Any]]:
    """Voice the seed once; return segment WAVs, pauses after each, the episode's own jingle
    bed, and the mix settings of the show template."""
    try:
        from repackage.audio.cache import AudioCache
        from repackage.audio.episode import lay_out
        from repackage.audio.voice import voice_segments
        from repackage.resources import asset
    except ImportError as exc:
        raise Unavailable(f"the audio stage is not available: {exc}") from None
    show, engine, planned, _ = seed_plan()
    voiced, _ = voice_segments(planned, engine, AudioCache(ctx.scratch("cache")))
    wavs = [v.wav for v in voiced]
    gaps = [int(v.planned.segment.pause_ms) for v in voiced]
    jingle = asset(str(show.mix.get("jingle", "jingle.flac")))
    bed = lay_out(voiced, gaps, show, jingle)[1] if jingle.exists() else None
    return wavs, gaps, bed, dict(show.mix)


def silence_files(gaps: list[int], folder: Path) -> dict[int, Path]:
    """One WAV of silence per distinct pause length (44.1 kHz mono 16-bit, like the segments)."""
    import wave

    files = {}
    for gap in sorted({g for g in gaps if g > 0}):
        path = folder / f"silence-{gap}.wav"
        with wave.open(str(path), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(44100)
            w.writeframes(b"\0\0" * (44100 * gap // 1000))
        files[gap] = path
    return files


def measure(ctx: Context) -> Outcome:
    out = Outcome()
    n = ctx.runs(5, 2)
    state: dict[str, Any] = {}

    def prepare() -> None:
        wavs, gaps, bed, mix = voiced_seed(ctx)
        state.update(wavs=wavs, gaps=gaps, bed=bed, bitrate=str(mix.get("bitrate", "128k")))
        out.detail.update(segments=len(wavs), jingle_bed=bed is not None,
                          bitrate=state["bitrate"])

    def project() -> None:
        from repackage.audio.mix import assemble

        folder = ctx.scratch("project")
        w, g, bitrate = state["wavs"], state["gaps"], state["bitrate"]
        times, plain = [], []
        result: Any = None
        for r in range(n):
            dest = folder / f"episode-{r}.mp3"
            seconds, result = timed(lambda d=dest: assemble(w, d, gaps_ms=g, bed=state["bed"],
                                                           bitrate=bitrate))
            times.append(seconds)
            seconds, _ = timed(lambda d=dest: assemble(w, d.with_suffix(".plain.mp3"),
                                                       gaps_ms=g, bed=None, bitrate=bitrate))
            plain.append(seconds)
            log(f"project mix {times[-1]:.2f} s (without bed {plain[-1]:.2f} s)")
        out.put("assembly_s", round(median(times), 2), n)
        out.detail.update(assembly_without_bed_s=round(median(plain), 2),
                          project_loudness=(result or {}).get("result"))

    def ffmpeg_alone() -> None:
        folder = ctx.scratch("ffmpeg")
        silences = silence_files(state["gaps"], folder)
        files: list[Path] = []
        for wav, gap in zip(state["wavs"], state["gaps"], strict=True):
            files.append(wav)
            if gap > 0:
                files.append(silences[gap])
        times = []
        for r in range(n):
            dest = folder / f"episode-{r}.mp3"
            seconds, _ = timed(lambda d=dest: ffmpeg_mix.mix(files, d, bitrate=state["bitrate"]))
            times.append(seconds)
            log(f"ffmpeg alone {times[-1]:.2f} s")
        out.put("ffmpeg_only_s", round(median(times), 2), n)
        out.detail["ffmpeg_loudness"] = ffmpeg_mix.loudness(folder / "episode-0.mp3")

    attempt(out, KEYS, prepare)
    if state:
        attempt(out, ["assembly_s"], project)
        attempt(out, ["ffmpeg_only_s"], ffmpeg_alone)
    return out
