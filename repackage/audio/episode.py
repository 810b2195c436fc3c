"""``build_episode``: article in, podcast episode and its parts out (``OUT/<slug>/audio/``).

Order of work: plan or reload the script, pick the engine, compute every cache key (pure);
if nothing changed since the last run, stop there. Otherwise voice what the cache lacks,
encode the per-segment files, mix and normalise, tag, and write captions and chapters.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from repackage import atomic
from repackage.digest import file_sha256, input_sha256
from repackage.errors import ConfigError, NetworkError
from repackage.model import Article
from repackage.resources import asset

from . import codec, loudness, mix, publish
from .cache import AudioCache, cache_root
from .engines import choose_engine, offline_engine
from .engines.base import Engine
from .script import Script, plan_script, read_script, script_markdown
from .show import Show, load_show
from .voice import Progress, plan_segment, voice_segments

log = logging.getLogger("repackage.audio")
MIX_VERSION = 1


# ID3 TLAN wants ISO 639-2 codes; show templates use the two-letter form.
_ISO_639_2 = {"ar": "ara", "en": "eng", "fr": "fra"}

def settle_script(planned: Script, script_path: Path) -> tuple[Script, str]:
    """Choose the script to voice and say why.

    The rule: an edited script.json is voiced as edited for as long as the article and the
    show template it was planned from are unchanged. When either changes, the script is
    planned afresh and an edited one is kept beside it as script.prev.json. An unedited
    script always follows the planner. ``planned`` is what the planner makes of them now.
    """
    existing = read_script(script_path)
    if existing is None:
        return planned, "planned"
    same_source = (existing.article_sha256 == planned.article_sha256
                   and existing.show_sha256 == planned.show_sha256)
    if existing.edited and same_source:
        return existing, "edited"
    if existing.edited:
        atomic.write_bytes(script_path.with_name("script.prev.json"), script_path.read_bytes())
        return planned, "replanned (article or show changed; edited script kept as script.prev.json)"
    return planned, "planned"


def _resolve_engine(engine: str | Engine) -> tuple[Engine, str]:
    if isinstance(engine, str):
        return choose_engine(engine)
    return engine, f"{engine.name} (given)"


def voice_facts(eng: Engine, reason: str) -> dict[str, Any]:
    """What episode.json says of the voice beside its name: fallback or not, and why."""
    fallback = "(fallback:" in reason
    why = reason.split("(fallback:", 1)[1].rstrip(")").strip() if fallback else None
    hint = ""
    if eng.name == "espeak":
        from .engines import MBROLA_HINT
        hint = MBROLA_HINT
    return {"fallback": fallback, "fallback_reason": why,
            "voice_sample_rate": getattr(eng, "native_rate", None), "voice_hint": hint or None}


def _mix_key(engine: Engine, planned: list[Any], show: Show, jingle: Path,
             meta: dict[str, Any]) -> str:
    blob = json.dumps([MIX_VERSION, engine.name, engine.voice, engine.version,
                       [(p.key, p.segment.id, p.segment.kind, p.segment.title,
                         p.segment.pause_ms) for p in planned],
                       show.sha256, input_sha256(jingle), meta], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _previous_summary(audio_dir: Path) -> dict[str, Any]:
    """The last run's episode.json ({} when there is none or it is unreadable)."""
    try:
        prev = json.loads((audio_dir / "episode.json").read_text("utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    return prev if isinstance(prev, dict) else {}


def _reusable(prev: dict[str, Any], audio_dir: Path, mix_key: str) -> dict[str, Any] | None:
    if prev.get("mix_key") != mix_key:
        return None
    slug_dir = audio_dir.parent
    files = list(prev.get("files", {}).values()) + [s["file"] for s in prev.get("segments", [])]
    if not all((slug_dir / f).is_file() and (slug_dir / f).stat().st_size > 0 for f in files):
        return None
    return prev


def _tag_meta(article: Article, show: Show) -> dict[str, Any]:
    date = article.published[:10] if article.published and re.match(
        r"\d{4}-\d{2}-\d{2}", article.published) else None
    cover = Path(article.photo.file) if article.photo.file else None
    cover_id = None
    if cover is not None and cover.is_file():
        st = cover.stat()
        cover_id = [str(cover), st.st_size, st.st_mtime_ns]
    return {"title": article.title, "artist": show.author or show.name, "album": show.name,
            "date": date, "language": _ISO_639_2.get(show.language, show.language),
            "genre": show.genre, "cover": cover_id,
            "source": article.publisher or article.source, "url": article.url}


def lay_out(voiced: list[Any], gaps: list[int], show: Show,
            jingle: Path) -> tuple[list[publish.Placed], mix.Bed]:
    """Where each voiced segment sits in the episode, and the jingle bed laid under them.

    The bed plays ``lead_in`` seconds alone, fades under the first segment, and returns under
    the last one when that is the outro.
    """
    lead_in = float(show.mix.get("lead_in", 2.5))
    fade_in = float(show.mix.get("outro_fade_in", 1.5))
    body_items = [(v.planned.segment.id, v.planned.segment.kind, v.planned.segment.title,
                   v.samples, list(v.spans)) for v in voiced]
    placed = publish.place_segments(body_items, gaps, offset=lead_in, rate=codec.RATE)
    last = placed[-1]
    outro_start = max(0.0, last.end - lead_in - fade_in) if last.kind == "outro" else None
    bed = mix.Bed(jingle, lead_in=lead_in, intro_fade=float(show.mix.get("intro_fade", 2.0)),
                  outro_start=outro_start, outro_fade_in=fade_in,
                  gain_db=float(show.mix.get("jingle_gain_db", -6.0)))
    return placed, bed


def build_episode(article: Article, slug_dir: Path, *, engine: str | Engine = "auto",
                  force: bool = False, progress: Progress | None = None,
                  show: Show | None = None, cache_dir: Path | None = None) -> dict[str, Any]:
    """Write the episode and its parts to ``slug_dir/audio``; return the JSON-able summary.

    ``engine`` is "auto", "gtts", "espeak" or a ready engine object. ``auto`` uses gTTS
    when Google answers and espeak otherwise (also when gTTS fails part-way: one voice per
    episode). ``force`` re-voices every chunk and re-mixes even when nothing changed (an
    edited script is still kept). The cache lives in ``cache_dir`` (default
    ``$REPACKAGE_CACHE`` or ``OUT/.cache``). The summary's ``engine`` and
    ``engine_reason`` say which voice was used and why; ``fallback`` is true when ``auto``
    had to use an offline voice (``fallback_reason`` says why, ``voice_hint`` how to get a
    clearer one).
    """
    slug_dir = Path(slug_dir)
    show = show or load_show()
    # plan first: an article with no body fails here, before any engine is touched
    planned = plan_script(article, show)
    eng, reason = _resolve_engine(engine)
    log.info("speech engine: %s", reason)
    cache = AudioCache(Path(cache_dir) if cache_dir else cache_root(slug_dir.parent))
    try:
        return _build(article, planned, slug_dir, eng, reason, force, progress, show, cache)
    except NetworkError as exc:
        if engine != "auto" or eng.name != "gtts":
            raise
        offline, _hint = offline_engine()
        reason = (f"{offline.name} {offline.voice} (fallback: Google TTS failed part-way: "
                  f"{exc})")
        log.warning("speech engine: %s", reason)
        return _build(article, planned, slug_dir, offline, reason, force, progress, show, cache)


def _build(article: Article, planned_script: Script, slug_dir: Path, eng: Engine, reason: str,
           force: bool, progress: Progress | None, show: Show,
           cache: AudioCache) -> dict[str, Any]:
    audio_dir = slug_dir / "audio"
    script, script_status = settle_script(planned_script, audio_dir / "script.json")
    previous = _previous_summary(audio_dir)
    jingle = asset(str(show.mix.get("jingle", "jingle.flac")))
    if not jingle.is_file():
        raise ConfigError(f"{jingle}: jingle asset missing")

    planned = [plan_segment(s, eng, show.pauses) for s in script.segments]
    meta = _tag_meta(article, show)
    bitrate = str(show.mix.get("bitrate", "128k"))
    mix_key = _mix_key(eng, planned, show, jingle, {**meta, "bitrate": bitrate,
                                                    "bed": show.mix})
    atomic.write_if_changed(audio_dir / "script.json", (json.dumps(
        script.to_dict(), ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    atomic.write_if_changed(audio_dir / "script.md", script_markdown(script).encode("utf-8"))
    if not force:
        prev = _reusable(previous, audio_dir, mix_key)
        if prev is not None:
            return {**prev, "engine_reason": reason, **voice_facts(eng, reason),
                    "script_status": script_status, "reused": True, "synthesized_chunks": 0}

    voiced, stats = voice_segments(planned, eng, cache, force=force, progress=progress)

    gaps = [v.planned.segment.pause_ms for v in voiced]
    placed, bed = lay_out(voiced, gaps, show, jingle)

    # per-segment MP3s: only changed ones are re-encoded, in parallel with the mix
    prev_segments = {Path(s["file"]).name: s.get("key", "")
                     for s in previous.get("segments", [])}
    seg_dir = audio_dir / "segments"
    seg_files = [f"{n:02d}-{v.planned.segment.kind}.mp3" for n, v in enumerate(voiced, 1)]
    jobs = [(v.wav, seg_dir / name) for v, name in zip(voiced, seg_files, strict=True)
            if force or prev_segments.get(name) != v.planned.key or not (seg_dir / name).is_file()]
    seg_error: list[BaseException] = []

    def encode() -> None:
        try:
            mix.encode_segments(jobs, bitrate=bitrate)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the calling thread
            seg_error.append(exc)

    worker = threading.Thread(target=encode, daemon=True)
    worker.start()
    if progress:
        progress(0, 1, "mixing")
    episode = audio_dir / "episode.mp3"
    try:
        with atomic.atomic_path(episode) as tmp:
            report = mix.assemble([v.wav for v in voiced], tmp, gaps_ms=gaps, bed=bed,
                                  bitrate=bitrate)
            total = publish.mp3_length(tmp)
            chaps = publish.chapters(placed, total)
            publish.tag_mp3(tmp, title=meta["title"], artist=meta["artist"],
                            album=meta["album"], language=meta["language"],
                            date=meta["date"] or datetime.now(UTC).date().isoformat(),
                            genre=meta["genre"], chaps=chaps,
                            cover=Path(meta["cover"][0]) if meta["cover"] else None,
                            comment=meta["source"])
            worker.join()
            if seg_error:
                raise seg_error[0]
    finally:
        # never return (or exit) while the encoder still has temporary files open
        worker.join()
    for stale in seg_dir.glob("*.mp3"):
        if stale.name not in seg_files:
            stale.unlink()
    if progress:
        progress(1, 1, "mixing")

    cue_list = publish.cues(placed)
    atomic.write_text(audio_dir / "episode.vtt", publish.webvtt(cue_list))
    atomic.write_text(audio_dir / "episode.srt", publish.srt(cue_list))
    atomic.write_json(audio_dir / "chapters.json", publish.chapters_json(chaps, article.title))
    rel = "audio/"
    summary: dict[str, Any] = {
        "slug": article.slug,
        "title": article.title,
        "show": show.name,
        "engine": eng.name,
        "engine_reason": reason,
        "voice": eng.voice,
        "engine_version": eng.version,
        **voice_facts(eng, reason),
        "script_status": script_status,
        "duration_s": round(total, 3),
        "sample_rate": codec.RATE,
        "bitrate": bitrate,
        "loudness": report["result"],
        "loudness_target": {"integrated_lufs": loudness.TARGET_I,
                            "true_peak_dbtp": loudness.TARGET_TP},
        "loudness_pass1": report["measured"],
        "gain_db": report["gain_db"],
        "files": {"episode": rel + "episode.mp3", "vtt": rel + "episode.vtt",
                  "srt": rel + "episode.srt", "chapters": rel + "chapters.json",
                  "script": rel + "script.json", "script_md": rel + "script.md"},
        "segments": [
            {"id": p.id, "kind": p.kind, "title": c["title"], "file": rel + "segments/" + name,
             "start": round(p.start, 3), "end": round(p.end, 3),
             "chapter_start": c["start"], "chapter_end": c["end"], "key": v.planned.key}
            for p, c, v, name in zip(placed, chaps, voiced, seg_files, strict=True)
        ],
        "synthesized_chunks": stats["synthesized"],
        "cached_chunks": stats["cached"],
        "segments_encoded": len(jobs),
        "mix_key": mix_key,
        "reused": False,
    }
    # what the episode's files were when this summary was written; a feed states the
    # enclosure's length from them and refuses files that changed since
    summary["file_digests"] = {rel: {"size": (slug_dir / rel).stat().st_size,
                                     "sha256": file_sha256(slug_dir / rel)}
                               for rel in (summary["files"]["episode"], summary["files"]["vtt"],
                                           summary["files"]["srt"], summary["files"]["chapters"])}
    atomic.write_json(audio_dir / "episode.json", summary)
    return summary
