"""Plain-text summaries of runs for people (the commands print these; scripts use --json)."""

from __future__ import annotations

from typing import Any


def _seconds(value: float) -> str:
    return f"{value:.1f}s"


def failure_line(row: dict[str, Any]) -> str:
    """A failed article as one line naming its input (once: most reasons name it already)."""
    reason = row["reason"] or "failed"
    return reason if reason.startswith(row["input"]) else f"{row['input']}: {reason}"


def article_lines(row: dict[str, Any]) -> list[str]:
    """What one article's run did, stage by stage, and where its results are."""
    if row["status"] == "failed":
        return [f"failed: {failure_line(row)}"]
    result = row["result"]
    head = "up to date" if result["status"] == "up-to-date" else "done"
    engine = f", engine {result['engine']}" if result.get("engine") else ""
    voice = result.get("voice") or {}
    if voice.get("voice"):
        engine += f" ({voice['voice']})"
    lines = [f"{result['slug']}: {head} in {_seconds(result['seconds'])}{engine}"]
    if voice.get("fallback"):
        lines.append(f"  offline fallback voice {voice.get('engine')} {voice.get('voice')}: "
                     f"{voice.get('fallback_reason') or 'online voice unavailable'}")
        if voice.get("hint"):
            lines.append(f"  {voice['hint']}")
    for step in result["stages"]:
        note = "  up to date" if step["skipped"] else ""
        lines.append(f"  {step['stage']:<7} {_seconds(step['seconds']):>7}{note}")
    lines.append(f"  {result['outputs']} files, listed in {result['manifest']}")
    if any(step["stage"] == "preview" for step in result["stages"]):
        lines.append(f"  review page: {result['slug_dir']}/index.html")
    return lines


def batch_table(summary: dict[str, Any]) -> list[str]:
    """One row per article (status, slug, seconds, input or reason), then the totals."""
    rows = [("STATUS", "SLUG", "SECONDS", "INPUT / REASON")]
    for row in summary["articles"]:
        detail = row["input"] if row["status"] != "failed" else failure_line(row)
        rows.append((row["status"], row["slug"] or "-", f"{row['seconds']:.1f}", detail))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = [f"{r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:>{widths[2]}}  {r[3]}"
             for r in rows]
    ok = summary["total"] - summary["failed"]
    lines.append(f"{ok} of {summary['total']} articles ok, {summary['failed']} failed, "
                 f"{_seconds(summary['seconds'])} with {summary['jobs']} worker(s)")
    return lines


def feed_line(feed: dict[str, Any]) -> str:
    """What a run did to the podcast feed, in one line."""
    if not feed.get("ok"):
        return f"feed not written: {feed.get('reason')}"
    state = "written" if feed["written"] else "unchanged"
    return (f"feed: {feed['feed']} ({feed['items']} episodes, {feed['new_items']} new, "
            f"{state}) at {feed['url']}")


def doctor_lines(report: dict[str, Any]) -> list[str]:
    """One line per check, with the fix under each missing piece, then the verdict."""
    lines = []
    for check in report["checks"]:
        if check["ok"]:
            state = "ok"
        else:
            state = "MISSING" if check["required"] else "warning"
        lines.append(f"{state:<8} {check['name']:<16} {check['detail']}  ({check['purpose']})")
        if check["fix"]:
            lines.append(f"{'':<8} {'':<16} fix: {check['fix']}")
    missing = [c["name"] for c in report["checks"] if c["required"] and not c["ok"]]
    if missing:
        lines.append("Missing required: " + ", ".join(missing) + ".")
    else:
        lines.append("Everything required is in place.")
    return lines
