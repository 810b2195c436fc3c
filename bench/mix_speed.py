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
from measure import Context, Outcome, Unavailable, attempt, log, median, seed_article, timed

KEYS = ("assembly_s", "ffmpeg_only_s")


def voiced_seed(ctx: Context) -> tuple[list[Path], list[int], Any, dict[str, Any]]:
    """Voice the seed once; return segment WAVs, pauses after each, the bed, and the mix
    settings of the show template."""
    try:
        from repackage.audio.cache import AudioCache
        from repackage.audio.engines import make_engine
        from repackage.audio.script import plan_script
        from repackage.audio.show import load_show
        from repackage.audio.voice import plan_segment, voice_segments
    except ImportError as exc:
        raise Unavailable(f"the audio stage is not available: {exc}") from None
    article = seed_article()
    show = load_show()
    script = plan_script(article, show)
    engine = make_engine("espeak")
    planned = [plan_segment(s, engine, show.pauses) for s in script.segments]
    voiced, _ = voice_segments(planned, engine, AudioCache(ctx.scratch("cache")))
    wavs = [v.wav for v in voiced]
    gaps = [int(v.planned.segment.pause_ms) for v in voiced]
    bed = _bed(show, voiced, gaps)
    return wavs, gaps, bed, dict(show.mix)


def _bed(show: Any, voiced: list[Any], gaps: list[int]) -> Any:
    """The jingle bed as the episode lays it: lead-in, fade under the voice, and the outro
    bed fading in under the last segment (same placement rule as the episode builder)."""
    from repackage.audio.codec import RATE
    from repackage.audio.mix import Bed
    from repackage.resources import asset

    mix = show.mix
    jingle = asset(str(mix.get("jingle", "jingle.flac")))
    if not jingle.exists():
        return None
    lead_in = float(mix.get("lead_in", 2.5))
    fade_in = float(mix.get("outro_fade_in", 1.5))
    samples = sum(v.samples for v in voiced) + sum(RATE * g // 1000 for g in gaps[:-1])
    end = lead_in + samples / RATE
    last_kind = voiced[-1].planned.segment.kind
    outro_start = max(0.0, end - lead_in - fade_in) if last_kind == "outro" else None
    return Bed(jingle=jingle, lead_in=lead_in, intro_fade=float(mix.get("intro_fade", 2.0)),
               outro_start=outro_start, outro_fade_in=fade_in)


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
