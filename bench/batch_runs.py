"""`repackage batch` over 10 copies of the seed: `--jobs 1` against `--jobs 2`.

Ten copies with distinct names (each with the photo beside it) in one folder; each run writes
to a fresh output folder, so each starts with an empty cache. ``batch_speedup_2_jobs`` is the
median wall time with one job divided by the median with two.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from measure import SEED, SEED_PHOTO, Context, Outcome, attempt, log, median, run_cmd
from pipeline_runs import run_measured

KEYS = ("batch_speedup_2_jobs",)
COPIES = 10


def make_copies(folder: Path) -> Path:
    articles = folder / "articles"
    articles.mkdir(parents=True)
    for i in range(1, COPIES + 1):
        shutil.copyfile(SEED, articles / f"article-{i:02d}.txt")
        if SEED_PHOTO.exists():
            shutil.copyfile(SEED_PHOTO, articles / f"article-{i:02d}.jpg")
    return articles


def stage_seconds(out_dir: Path) -> dict[str, list[float]]:
    """Each stage's time per article, from the manifests a run wrote."""
    found: dict[str, list[float]] = {}
    for manifest in out_dir.glob("*/manifest.json"):
        stages = json.loads(manifest.read_text("utf-8")).get("stages", {})
        for name, info in stages.items():
            if isinstance(info, dict) and "seconds" in info:
                found.setdefault(name, []).append(float(info["seconds"]))
    return found


def measure(ctx: Context) -> Outcome:
    out = Outcome()
    os.environ.pop("REPACKAGE_CACHE", None)

    def batch() -> None:
        articles = make_copies(ctx.scratch("input"))
        help_text = run_cmd([ctx.repackage_exe, "batch", "--help"]).stdout
        extra = ["--engine", "espeak"] if "--engine" in help_text else []
        n = ctx.runs(2, 1)
        times: dict[int, list[float]] = {1: [], 2: []}
        cpu: dict[int, list[float]] = {1: [], 2: []}
        load: list[float] = []
        stages: dict[int, dict[str, list[float]]] = {1: {}, 2: {}}
        for r in range(n):
            for jobs in (1, 2):
                out_dir = ctx.scratch(f"out-{jobs}-{r}")
                cmd = [ctx.repackage_exe, "batch", str(articles), "--jobs", str(jobs),
                       "--out", str(out_dir), *extra]
                load.append(os.getloadavg()[0])
                run = run_measured(ctx, cmd, f"batch-{jobs}-{r}")
                seconds = run["seconds"]
                cpu[jobs].append(run["cpu_s"])
                done = len(list(out_dir.glob("*/manifest.json")))
                if done != COPIES:
                    raise RuntimeError(f"--jobs {jobs} finished {done} of {COPIES} articles")
                times[jobs].append(seconds)
                for name, secs in stage_seconds(out_dir).items():
                    stages[jobs].setdefault(name, []).extend(secs)
                log(f"batch --jobs {jobs}: {seconds:.1f} s (cpu {run['cpu_s']:.1f} s, "
                    f"load average {load[-1]:.1f})")
        one, two = median(times[1]), median(times[2])
        out.put("batch_speedup_2_jobs", round(one / two, 2), n)
        out.detail.update(jobs_1_s=[round(t, 1) for t in times[1]],
                          jobs_2_s=[round(t, 1) for t in times[2]], copies=COPIES,
                          jobs_1_cpu_s=[round(t, 1) for t in cpu[1]],
                          jobs_2_cpu_s=[round(t, 1) for t in cpu[2]],
                          load_average_at_start=[round(x, 1) for x in load],
                          # per-article stage times: if they grow with two jobs, the two
                          # workers are fighting over the cores, not waiting on each other
                          stage_median_s={jobs: {k: round(median(v), 2) for k, v in st.items()}
                                          for jobs, st in stages.items()},
                          engine_option=bool(extra))

    attempt(out, KEYS, batch)
    return out
