"""`repackage audio`: a podcast episode from one article."""

from __future__ import annotations

from pathlib import Path

import click

from repackage.cli.common import (
    article_argument,
    echo_json,
    engine_option,
    json_option,
    library_errors,
    out_option,
    quiet_option,
    show_progress,
)


@click.command(
    "audio",
    epilog=(
        "Edit OUT/<slug>/audio/script.json and run again: only what changed is re-voiced.\n\n"
        "Examples:\n\n\b\n"
        "  repackage audio out/my-slug/article.json --json\n"
        "  repackage audio article.txt --engine espeak     # offline voice\n"
    ),
)
@article_argument
@engine_option
@out_option
@json_option
@click.option("--force", is_flag=True, help="Re-voice and re-mix even when nothing changed.")
@quiet_option
@library_errors
def command(article: str, engine: str, out_dir: str, as_json: bool, force: bool,
            quiet: bool) -> None:
    """Turn ARTICLE into a podcast episode with chapters, captions and an editable script.

    Writes OUT/<slug>/audio/: episode.mp3 (-16 LUFS, ID3 tags and chapters), episode.vtt and
    episode.srt, chapters.json, segments/NN-<kind>.mp3, and script.json / script.md. Edit
    script.json and run again to voice your edits; unchanged runs reuse everything.
    """
    from repackage.audio import build_episode
    from repackage.cli.progress import CountBar
    from repackage.ingest import load_article

    art = load_article(article)
    bar = CountBar("audio") if show_progress(quiet) else None
    try:
        summary = build_episode(art, Path(out_dir) / art.slug, engine=engine, force=force,
                                progress=bar)
    finally:
        if bar:
            bar.close()
    if not quiet:
        click.echo(f"engine: {summary['engine_reason']}", err=True)
        if summary.get("voice_hint"):
            click.echo(f"voice: {summary['voice_hint']}", err=True)
    if as_json:
        echo_json(summary)
        return
    if quiet:
        return
    loud = summary.get("loudness") or {}
    state = "unchanged, reused" if summary.get("reused") else (
        f"{summary['synthesized_chunks']} chunks voiced, {summary['cached_chunks']} from cache")
    click.echo(
        f"{Path(out_dir) / art.slug / summary['files']['episode']}  "
        f"{summary['duration_s']:.1f} s, {loud.get('integrated_lufs')} LUFS, "
        f"true peak {loud.get('true_peak_dbtp')} dBTP, {len(summary['segments'])} segments "
        f"({state})"
    )
