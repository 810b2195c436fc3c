"""What the review page adds to `repackage all` on the seed.

- ``preview_in_all_ms``: the preview stage's own time inside `repackage all SEED --engine
  espeak` (from the manifest), in a fresh process where everything else is up to date, so
  it includes importing Jinja2 and compiling the templates: what a run pays. Median.
- ``preview_all_extra_ms``: wall time of that `all` run minus an `all` run where everything,
  page included, is up to date (the same process start, lock and checks). Median.
- ``preview_render_ms``: one more page in a process that has made one already (templates
  compiled). Median of many.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from measure import SEED, Context, Outcome, Unavailable, attempt, log, median, timed_cmd

KEYS = ("preview_in_all_ms", "preview_all_extra_ms", "preview_render_ms")


def measure(ctx: Context) -> Outcome:
    out = Outcome()

    def in_all() -> None:
        out_dir = ctx.scratch("seed") / "out"
        cmd = [ctx.repackage_exe, "all", str(SEED), "--engine", "espeak", "--out", str(out_dir),
               "-q"]
        timed_cmd([*cmd, "--no-preview"], timeout=1800)
        slugs = [p for p in out_dir.iterdir() if (p / "manifest.json").is_file()]
        if not slugs:
            raise Unavailable("`repackage all` wrote no manifest.json")
        slug_dir = slugs[0]
        stage, extra = [], []
        for _ in range(ctx.runs(5, 2)):
            (slug_dir / "index.html").unlink(missing_ok=True)
            with_page = timed_cmd(cmd)
            manifest = json.loads((slug_dir / "manifest.json").read_text("utf-8"))
            ran = [s for s, r in manifest["stages"].items() if not r["skipped"]]
            if ran != ["preview"]:
                raise Unavailable(f"expected only the preview stage to run, ran {ran}")
            stage.append(manifest["stages"]["preview"]["seconds"] * 1000)
            up_to_date = timed_cmd(cmd)
            extra.append((with_page - up_to_date) * 1000)
            log(f"preview stage {stage[-1]:.0f} ms, all +{extra[-1]:.0f} ms")
        out.put("preview_in_all_ms", round(median(stage), 1), len(stage))
        out.put("preview_all_extra_ms", round(median(extra), 1), len(extra))
        out.detail.update(stage_ms=[round(x, 1) for x in stage],
                          extra_ms=[round(x, 1) for x in extra],
                          page_bytes=(slug_dir / "index.html").stat().st_size)
        ctx.work.joinpath("slug_dir.txt").write_text(str(slug_dir), "utf-8")

    def render() -> None:
        from repackage.ingest import load_article
        from repackage.preview import write_page

        slug_dir = Path(ctx.work.joinpath("slug_dir.txt").read_text("utf-8"))
        article = load_article(slug_dir / "article.json")
        write_page(article, slug_dir, force=True)  # compile the templates once
        times = []
        for _ in range(ctx.runs(30, 10)):
            t0 = time.perf_counter()
            write_page(article, slug_dir, force=True)
            times.append((time.perf_counter() - t0) * 1000)
        out.put("preview_render_ms", round(median(times), 1), len(times))

    attempt(out, ["preview_in_all_ms", "preview_all_extra_ms"], in_all)
    attempt(out, ["preview_render_ms"], render)
    return out
