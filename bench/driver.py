"""Run every benchmark group, print a table and write bench/results.json.

Each group runs in its own interpreter (the project's venv) so that imports, thread pools and
memory of one measurement do not colour the next, and a crash in one leaves the others standing.

    python bench/driver.py [--quick] [--only GROUP ...]
    python bench/driver.py --group GROUP --result FILE [--quick]   (one group; used internally)
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from measure import BENCH_DIR, SEED, Context, Outcome, write_json

# Cheap and independent groups first, so a partial run still says something useful.
GROUPS = ("extraction", "startup_time", "card_speed", "chromium_cards", "gtts_traffic", "speech_speed",
          "mix_speed", "pipeline_runs", "batch_runs", "voice",
          "preview_page")
# groups that run only when named with --only (long, or installing extra packages)
OPT_IN = ("diacritizers",)

KEY_ORDER = (
    "cards_ms_per_card", "cards_chromium_ms_per_card", "cards_speedup_vs_chromium",
    "png_encode_ms", "cards_vs_png_encode",
    "assembly_s", "ffmpeg_only_s", "assembly_vs_ffmpeg",
    "offline_tts_realtime_factor",
    "gtts_requests", "gtts_tokenizer_requests", "gtts_concurrent_speedup",
    "cli_help_ms", "python_bare_ms",
    "all_cold_s", "all_warm_s",
    "batch_speedup_2_jobs",
    "peak_rss_mb", "peak_rss_mb_10x",
    "extract_headline_accuracy", "extract_paragraph_f1", "extract_body_exact",
    "extract_quote_recall", "extract_quote_precision", "extract_speaker_accuracy",
    "extract_credit_accuracy",
    "voice_cer_offline", "voice_arabic_share", "voice_cer_espeak", "voice_arabic_share_espeak",
    "voice_cer_mbrola_ar1", "voice_cer_mbrola_ar2", "voice_cer_reversed", "voice_cer_shuffled",
    "preview_in_all_ms", "preview_all_extra_ms", "preview_render_ms",
    "diac_cer_default", "diac_cer_none", "diac_cer_best", "diac_best_diff_high",
)

# ratio key -> (numerator, denominator)
RATIOS = {
    "cards_speedup_vs_chromium": ("cards_chromium_ms_per_card", "cards_ms_per_card"),
    "cards_vs_png_encode": ("cards_ms_per_card", "png_encode_ms"),
    "assembly_vs_ffmpeg": ("assembly_s", "ffmpeg_only_s"),
}

# goal name -> (text, test over the results); a test returns None when a figure is missing
GOALS: dict[str, tuple[str, Any]] = {
    "cards_speedup_vs_chromium": (">= 10x", lambda r: _ge(r["cards_speedup_vs_chromium"], 10)),
    "cards_vs_png_encode": ("<= 3x", lambda r: _le(r["cards_vs_png_encode"], 3)),
    "assembly_vs_ffmpeg": ("<= 1.5x", lambda r: _le(r["assembly_vs_ffmpeg"], 1.5)),
    "offline_tts_realtime_factor": (">= 20x", lambda r: _ge(r["offline_tts_realtime_factor"], 20)),
    "gtts_requests": ("<= tokenizer",
                      lambda r: _le(r["gtts_requests"], r["gtts_tokenizer_requests"])),
    "gtts_concurrent_speedup": (">= 2.5x", lambda r: _ge(r["gtts_concurrent_speedup"], 2.5)),
    "cli_help_ms": ("<= 400 ms", lambda r: _le(r["cli_help_ms"], 400)),
    "all_warm_s": ("<= 15% of cold",
                   lambda r: _le(r["all_warm_s"], None if r["all_cold_s"] is None
                                 else 0.15 * r["all_cold_s"])),
    "batch_speedup_2_jobs": (">= 1.5x", lambda r: _ge(r["batch_speedup_2_jobs"], 1.5)),
    "peak_rss_mb": ("<= 400 MB", lambda r: _le(r["peak_rss_mb"], 400)),
    "peak_rss_mb_10x": ("<= 400 MB", lambda r: _le(r["peak_rss_mb_10x"], 400)),
    "extract_headline_accuracy": (">= 0.95", lambda r: _ge(r["extract_headline_accuracy"], 0.95)),
    "extract_body_exact": (">= 0.9", lambda r: _ge(r["extract_body_exact"], 0.9)),
    "extract_quote_recall": (">= 0.9", lambda r: _ge(r["extract_quote_recall"], 0.9)),
    "extract_quote_precision": (">= 0.95", lambda r: _ge(r["extract_quote_precision"], 0.95)),
    "extract_speaker_accuracy": (">= 0.9", lambda r: _ge(r["extract_speaker_accuracy"], 0.9)),
    "extract_credit_accuracy": (">= 0.9", lambda r: _ge(r["extract_credit_accuracy"], 0.9)),
    "voice_cer_offline": ("<= 0.35", lambda r: _le(r["voice_cer_offline"], 0.35)),
    "voice_arabic_share": (">= 0.95", lambda r: _ge(r["voice_arabic_share"], 0.95)),
    "voice_cer_reversed": (">= 2x offline",
                           lambda r: _ge(r["voice_cer_reversed"],
                                         None if r["voice_cer_offline"] is None
                                         else 2 * r["voice_cer_offline"])),
    "preview_in_all_ms": ("<= 150 ms", lambda r: _le(r["preview_in_all_ms"], 150)),
    "preview_all_extra_ms": ("<= 150 ms", lambda r: _le(r["preview_all_extra_ms"], 150)),
}


def _ge(a: float | None, b: float | None) -> bool | None:
    return None if a is None or b is None else a >= b


def _le(a: float | None, b: float | None) -> bool | None:
    return None if a is None or b is None else a <= b


def run_one_group(name: str, result: Path, quick: bool, work: Path) -> None:
    """Measure one group in this process and write its Outcome as JSON."""
    module = importlib.import_module(name)
    ctx = Context(python=sys.executable, work=work / name, quick=quick)
    ctx.work.mkdir(parents=True, exist_ok=True)
    out: Outcome = module.measure(ctx)
    for key in module.KEYS:
        if key not in out.values:
            out.miss([key], "not measured")
    write_json(result, out.to_dict())


def spawn_group(name: str, quick: bool, work: Path, timeout: float) -> dict[str, Any]:
    """Run one group in a child interpreter; a crash or timeout becomes reasons, not a stop."""
    module = importlib.import_module(name)
    result = work / f"{name}.result.json"
    result.unlink(missing_ok=True)
    cmd = [sys.executable, str(BENCH_DIR / "driver.py"), "--group", name, "--result", str(result),
           "--work", str(work)] + (["--quick"] if quick else [])
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, timeout=timeout, stdout=subprocess.PIPE, text=True)
        failure = None if proc.returncode == 0 else f"group {name} exited {proc.returncode}"
    except subprocess.TimeoutExpired:
        failure = f"group {name} timed out after {timeout:.0f} s"
    elapsed = time.perf_counter() - t0
    if result.exists() and failure is None:
        data = json.loads(result.read_text("utf-8"))
    else:
        data = {"values": {k: None for k in module.KEYS},
                "reasons": {k: failure or "no result written" for k in module.KEYS},
                "runs": {}, "detail": {}}
    data["elapsed_s"] = round(elapsed, 1)
    return data


def fmt(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"
    return str(value)


def markdown(results: dict[str, Any]) -> str:
    """The results as a Markdown table (key, figure, goal, verdict), for the write-up."""
    goals = results["meta"]["goals"]
    rows = ["| key | figure | goal | result |", "|---|---:|---|---|"]
    for key in KEY_ORDER:
        goal = goals.get(key)
        verdict = "" if goal is None else {True: "pass", False: "**miss**",
                                           None: "n/a"}[goal["met"]]
        rows.append(f"| `{key}` | {fmt(results[key])} | {goal['goal'] if goal else ''} "
                    f"| {verdict} |")
    return "\n".join(rows) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer repeats (about 10 minutes)")
    ap.add_argument("--only", nargs="*", choices=GROUPS + OPT_IN,
                    help=f"run only these groups ({', '.join(OPT_IN)} runs only when named)")
    ap.add_argument("--group", help=argparse.SUPPRESS)
    ap.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--work", type=Path, default=BENCH_DIR / "work", help="scratch folder")
    ap.add_argument("--output", type=Path, default=BENCH_DIR / "results.json")
    ap.add_argument("--markdown", action="store_true",
                    help="print the table of an existing results file as Markdown and exit")
    args = ap.parse_args()
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)

    if args.markdown:
        print(markdown(json.loads(args.output.read_text("utf-8"))), end="")
        return 0
    if args.group:
        run_one_group(args.group, args.result, args.quick, work)
        return 0

    if not SEED.exists():
        print(f"bench: the seed article is not at {SEED}; set REPACKAGE_SHARED to the folder "
              "that holds corpus/cap-xi-tajikistan.txt", file=sys.stderr)
        return 2
    groups = args.only or GROUPS
    started = datetime.now(UTC)
    load_start = os.getloadavg()
    values: dict[str, Any] = {k: None for k in KEY_ORDER}
    reasons: dict[str, str] = {}
    runs: dict[str, int] = {}
    detail: dict[str, Any] = {}
    timings: dict[str, float] = {}
    for name in groups:
        print(f"[bench] {name} ...", file=sys.stderr, flush=True)
        data = spawn_group(name, args.quick, work, timeout=1500 if args.quick else 3600)
        values.update({k: v for k, v in data["values"].items() if k in values})
        reasons.update(data["reasons"])
        runs.update(data["runs"])
        if data["detail"]:
            detail[name] = data["detail"]
        timings[name] = data["elapsed_s"]
        print(f"[bench] {name} done in {data['elapsed_s']} s", file=sys.stderr, flush=True)

    opt_in_keys = {k for g in OPT_IN if g not in groups for k in importlib.import_module(g).KEYS}
    for key in KEY_ORDER:
        if values[key] is None and key not in reasons and key not in RATIOS:
            reasons[key] = ("opt-in group, not named in --only" if key in opt_in_keys
                            else "group not run (--only)")
    for key, (num, den) in RATIOS.items():
        if values[num] is not None and values[den]:
            values[key] = round(values[num] / values[den], 2)
            reasons.pop(key, None)
        else:
            missing = num if values[num] is None else den
            reasons[key] = f"{missing} is null" + (f" ({reasons[missing]})"
                                                   if missing in reasons else "")

    goals = {}
    for key, (text, test) in GOALS.items():
        ok = test(values)
        goals[key] = {"goal": text, "met": ok}

    results = dict(values)
    results["meta"] = {
        "date": started.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "quick": args.quick,
        "load_average": {"start": [round(x, 2) for x in load_start],
                         "end": [round(x, 2) for x in os.getloadavg()]},
        "runs": runs,
        "goals": goals,
        "null_reasons": {k: reasons[k] for k in KEY_ORDER if values[k] is None and k in reasons},
        "group_seconds": timings,
        "detail": detail,
    }
    if args.only:
        results["meta"]["only"] = list(groups)
    write_json(args.output, results)

    print(f"\n{'key':30} {'value':>10}  {'goal':>16}  result")
    print("-" * 72)
    for key in KEY_ORDER:
        goal = goals.get(key)
        verdict = "" if goal is None else {True: "pass", False: "MISS", None: "n/a"}[goal["met"]]
        print(f"{key:30} {fmt(values[key]):>10}  {goal['goal'] if goal else '':>16}  {verdict}")
    for key, why in results["meta"]["null_reasons"].items():
        print(f"  null {key}: {why}")
    print(f"\nwrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(BENCH_DIR))
    sys.exit(main())
