"""gTTS traffic for the seed, against a local fake endpoint that answers after 150 ms.

- ``gtts_requests``: requests the project's gTTS engine sends to voice the seed's episode
  script into an empty cache (counted at the endpoint).
- ``gtts_tokenizer_requests``: what gTTS's own tokenizer would send for the same texts:
  ``len(gTTS(text=t, lang="ar")._tokenize(t))`` summed over the script's segments, each in the
  spoken form the project voices.
- ``gtts_concurrent_speedup``: wall time of voicing the script one request at a time
  (``concurrency=1``) divided by the time with the engine's own concurrency. Median over runs.
"""

from __future__ import annotations

import time

from fake_gtts import FakeGtts, small_mp3
from measure import Context, Outcome, Unavailable, attempt, log, median, seed_article

KEYS = ("gtts_requests", "gtts_tokenizer_requests", "gtts_concurrent_speedup")


def measure(ctx: Context) -> Outcome:
    out = Outcome()
    try:
        from repackage.audio.cache import AudioCache
        from repackage.audio.engines import make_engine
        from repackage.audio.frontend import spoken_form
        from repackage.audio.script import plan_script
        from repackage.audio.show import load_show
        from repackage.audio.voice import plan_segment, voice_segments
    except ImportError as exc:
        out.miss(KEYS, f"the audio stage's gTTS path is not available: {exc}")
        return out
    article = seed_article()
    show = load_show()
    script = plan_script(article, show)
    mp3 = small_mp3(ctx.work / "fake.mp3")

    with FakeGtts(mp3, delay=0.150) as fake:

        def voice(concurrency: int | None, tag: str) -> tuple[float, int, float]:
            """Voice the script into an empty cache: seconds, requests sent, and seconds
            between the first request and the last answer (the network phase)."""
            engine = make_engine("gtts", url=fake.url)
            if concurrency is not None:
                engine.concurrency = concurrency
            planned = [plan_segment(s, engine, show.pauses) for s in script.segments]
            cache = AudioCache(ctx.scratch(f"cache-{tag}"))
            fake.reset()
            t0 = time.perf_counter()
            voice_segments(planned, engine, cache)
            return time.perf_counter() - t0, fake.requests, fake.request_phase

        def requests() -> None:
            _, sent, _ = voice(None, "count")
            out.put("gtts_requests", sent, 1)
            longest = max((len(t) for t in fake.texts), default=0)
            out.detail.update(longest_request_chars=longest,
                              max_in_flight=fake.max_in_flight,
                              engine_concurrency=make_engine("gtts", url=fake.url).concurrency)
            if sent == 0:
                raise Unavailable("the engine sent no request to the fake endpoint")

        def tokenizer() -> None:
            from gtts import gTTS

            total = 0
            for seg in script.segments:
                text = spoken_form(seg.text, engine="gtts")
                total += len(gTTS(text=text, lang="ar")._tokenize(text))
            out.put("gtts_tokenizer_requests", total, 1)
            out.detail["segments"] = len(script.segments)

        def concurrency() -> None:
            n = ctx.runs(3, 1)
            seq, conc, seq_net, conc_net = [], [], [], []
            for r in range(n):
                seconds, _, net = voice(1, f"seq-{r}")
                seq.append(seconds)
                seq_net.append(net)
                seconds, _, net = voice(None, f"conc-{r}")
                conc.append(seconds)
                conc_net.append(net)
                log(f"gtts sequential {seq[-1]:.2f} s (requests {seq_net[-1]:.2f} s), "
                    f"concurrent {conc[-1]:.2f} s (requests {conc_net[-1]:.2f} s)")
            out.put("gtts_concurrent_speedup", round(median(seq) / median(conc), 2), n)
            out.detail.update(sequential_s=[round(x, 2) for x in seq],
                              concurrent_s=[round(x, 2) for x in conc],
                              sequential_request_phase_s=[round(x, 2) for x in seq_net],
                              concurrent_request_phase_s=[round(x, 2) for x in conc_net],
                              request_phase_speedup=round(median(seq_net) / median(conc_net), 2))

        attempt(out, ["gtts_requests"], requests)
        attempt(out, ["gtts_tokenizer_requests"], tokenizer)
        attempt(out, ["gtts_concurrent_speedup"], concurrency)
    return out



