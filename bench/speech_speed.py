"""Offline speech speed: seconds of speech the espeak engine makes per second of synthesis.

The seed's episode script is planned and voiced through the project's own path
(``plan_script`` -> ``plan_segment`` -> ``voice_segments``) into an empty cache, with a new
engine each run (so the diacritizer model load is paid, as in a user's run; the espeak
library itself is initialised once per process). Speech seconds are the summed durations of
the synthesized chunk WAVs, pauses excluded. Median over runs.
"""

from __future__ import annotations

import io
import time
import wave

from measure import Context, Outcome, Unavailable, attempt, log, median, seed_plan

KEYS = ("offline_tts_realtime_factor",)


def wav_seconds(data: bytes) -> float:
    with wave.open(io.BytesIO(data)) as w:
        return w.getnframes() / w.getframerate()


def measure(ctx: Context) -> Outcome:
    out = Outcome()

    def speech() -> None:
        try:
            from repackage.audio.cache import AudioCache
            from repackage.audio.voice import voice_segments
        except ImportError as exc:
            raise Unavailable(f"the audio stage's voicing path is not available: {exc}") from None
        n = ctx.runs(3, 1)
        factors, synth_s, speech_s = [], [], []
        chunks = 0
        for r in range(n):
            _, engine, planned, script = seed_plan()  # a new engine each run
            cache = AudioCache(ctx.scratch(f"cache-{r}"))
            t0 = time.perf_counter()
            _, stats = voice_segments(planned, engine, cache)
            seconds = time.perf_counter() - t0
            keys = {c.key for p in planned for c in p.chunks}
            spoken = sum(wav_seconds(cache.get_chunk(k, engine.audio_format) or b"")
                         for k in keys)
            chunks = stats.get("synthesized", len(keys))
            factors.append(spoken / seconds)
            synth_s.append(seconds)
            speech_s.append(spoken)
            log(f"espeak: {spoken:.1f} s of speech in {seconds:.2f} s "
                f"({spoken / seconds:.1f}x real time)")
        out.put("offline_tts_realtime_factor", round(median(factors), 1), n)
        out.detail.update(synthesis_s=[round(x, 2) for x in synth_s],
                          speech_s=round(median(speech_s), 1), chunks=chunks,
                          segments=len(script.segments))

    attempt(out, KEYS, speech)
    return out
