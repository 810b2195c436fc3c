"""`repackage all` on the seed, cold and warm, and the peak memory of it and of a 10x article.

- ``all_cold_s``: `repackage all SEED --engine espeak --out FRESH` with a fresh output folder,
  which also means an empty cache (REPACKAGE_CACHE is unset). Median over runs.
- ``all_warm_s``: the same command again on the same folder, everything up to date. Median.
- ``peak_rss_mb``: the largest process of the cold runs (the maximum over runs).
- ``peak_rss_mb_10x``: the same for one cold run on the seed with its body repeated ten times.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from measure import (
    BENCH_DIR,
    SEED,
    SEED_PHOTO,
    Context,
    Outcome,
    Unavailable,
    attempt,
    log,
    median,
    run_cmd,
)

KEYS = ("all_cold_s", "all_warm_s", "peak_rss_mb", "peak_rss_mb_10x")
FIRST_BODY = "وعد الرئيس الصيني شي جين بينغ يوم الجمعة"


def run_measured(ctx: Context, cmd: list[str], tag: str) -> dict[str, Any]:
    """Run ``cmd`` under the rusage wrapper; return seconds, maxrss_mb and output tails."""
    result = ctx.work / f"{tag}.rusage.json"
    proc = run_cmd([ctx.python, str(BENCH_DIR / "rusage_run.py"), str(result), "--", *cmd],
                   timeout=1800, check=False)
    if not result.exists():
        raise Unavailable(f"measuring `{' '.join(cmd[1:3])}` failed: {proc.stderr.strip()[-200:]}")
    data = json.loads(result.read_text("utf-8"))
    if data["returncode"] != 0:
        tail = (data["stderr"].strip().splitlines() or ["(no stderr)"])[-1]
        raise Unavailable(f"`repackage {' '.join(cmd[1:2])}` exited {data['returncode']}: "
                          f"{tail[:200]}")
    return data


def all_cmd(ctx: Context, article: Path, out_dir: Path) -> list[str]:
    return [ctx.repackage_exe, "all", str(article), "--engine", "espeak", "--out", str(out_dir)]


def outputs_of(out_dir: Path) -> dict[str, Any]:
    """What a run wrote, from its manifest (for the record and as a sanity check)."""
    manifests = sorted(out_dir.glob("*/manifest.json"))
    if not manifests:
        raise Unavailable(f"`repackage all` wrote no manifest.json under {out_dir}")
    manifest = json.loads(manifests[0].read_text("utf-8"))
    files = manifest.get("outputs") or manifest.get("files") or []
    return {"manifest": str(manifests[0].relative_to(out_dir)), "files": len(files)}


def ten_times_article(folder: Path) -> Path:
    """The seed with its body paragraphs repeated ten times, its photo beside it."""
    text = SEED.read_text("utf-8")
    blocks = [b for b in text.split("\n\n")]
    start = next(i for i, b in enumerate(blocks) if b.strip().startswith(FIRST_BODY))
    head, body = blocks[:start], blocks[start:]
    path = folder / "cap-xi-tajikistan-10x.txt"
    path.write_text("\n\n".join(head + body * 10), encoding="utf-8")
    if SEED_PHOTO.exists():
        shutil.copyfile(SEED_PHOTO, folder / "cap-xi-tajikistan-10x.jpg")
    return path


def measure(ctx: Context) -> Outcome:
    out = Outcome()
    # a cache override would make "cold" runs warm: runs get the default OUT/.cache
    os.environ.pop("REPACKAGE_CACHE", None)

    def seed_runs() -> None:
        n = ctx.runs(3, 1)
        cold, warm, rss, warm_rss = [], [], [], []
        for r in range(n):
            out_dir = ctx.scratch(f"seed-{r}") / "out"
            load = os.getloadavg()[0]
            c = run_measured(ctx, all_cmd(ctx, SEED, out_dir), f"cold-{r}")
            out.detail.setdefault("outputs", outputs_of(out_dir))
            w = run_measured(ctx, all_cmd(ctx, SEED, out_dir), f"warm-{r}")
            cold.append(c["seconds"])
            out.detail.setdefault("cold_cpu_s", []).append(round(c["cpu_s"], 1))
            out.detail.setdefault("load_average_at_start", []).append(round(load, 1))
            warm.append(w["seconds"])
            rss.append(c["maxrss_mb"])
            warm_rss.append(w["maxrss_mb"])
            log(f"all cold {c['seconds']:.1f} s ({c['maxrss_mb']:.0f} MB), "
                f"warm {w['seconds']:.2f} s")
        out.put("all_cold_s", round(median(cold), 2), n)
        out.put("all_warm_s", round(median(warm), 3), n)
        out.put("peak_rss_mb", round(max(rss), 1), n)
        out.detail.update(cold_s=[round(x, 2) for x in cold], warm_s=[round(x, 3) for x in warm],
                          cold_rss_mb=[round(x, 1) for x in rss],
                          warm_rss_mb=[round(x, 1) for x in warm_rss])

    def ten_x() -> None:
        folder = ctx.scratch("ten-x")
        article = ten_times_article(folder)
        out_dir = folder / "out"
        c = run_measured(ctx, all_cmd(ctx, article, out_dir), "cold-10x")
        outputs_of(out_dir)
        out.put("peak_rss_mb_10x", round(c["maxrss_mb"], 1), 1)
        stored = sorted(out_dir.glob("*/article.json"))
        if stored:
            paragraphs = len(json.loads(stored[0].read_text("utf-8"))["paragraphs"])
            out.detail["paragraphs_10x"] = paragraphs
        out.detail["cold_10x_s"] = round(c["seconds"], 1)
        log(f"all 10x {c['seconds']:.1f} s, {c['maxrss_mb']:.0f} MB")

    attempt(out, ["all_cold_s", "all_warm_s", "peak_rss_mb"], seed_runs)
    attempt(out, ["peak_rss_mb_10x"], ten_x)
    return out
