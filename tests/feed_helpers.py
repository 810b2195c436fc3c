"""Episode folders made in milliseconds for feed tests, and the two independent feed readers.

``make_episode`` writes what the audio stage leaves in OUT/<slug>/ (article.json, an MP3,
WebVTT, SRT, chapters JSON and episode.json with the files' digests); the "MP3" is bytes
that depend on the text, which is all a feed states about it (its length).
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

from repackage.digest import file_sha256
from repackage.model import Article, InputInfo

FILES = {"episode": "audio/episode.mp3", "vtt": "audio/episode.vtt",
         "srt": "audio/episode.srt", "chapters": "audio/chapters.json"}
PODCAST_NS = "https://podcastindex.org/namespace/1.0"


def make_episode(out: Path, slug: str, title: str, lead: str, *, published: str | None = None,
                 source: str | None = "وكالة الأنباء", duration: float = 61.4,
                 body: bytes = b"") -> Path:
    """Write one finished episode folder under ``out`` and return it."""
    slug_dir = out / slug
    (slug_dir / "audio").mkdir(parents=True, exist_ok=True)
    text = f"{title}\n{lead}\n".encode()
    article = Article(slug=slug, title=title, paragraphs=(lead, "فقرة ثانية من الخبر."),
                      input=InputInfo(path=f"{slug}.txt", sha256=hashlib.sha256(text).hexdigest(),
                                      encoding="utf-8"),
                      published=published, source=source)
    (slug_dir / "article.json").write_text(article.to_json(), "utf-8")
    mp3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + hashlib.sha256(text + body).digest() * 40 + body
    (slug_dir / FILES["episode"]).write_bytes(mp3)
    (slug_dir / FILES["vtt"]).write_text(
        f"WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\n\u200f{title}\n", "utf-8")
    (slug_dir / FILES["srt"]).write_text(
        f"1\n00:00:00,000 --> 00:00:02,000\n\u200f{title}\n", "utf-8")
    (slug_dir / FILES["chapters"]).write_text(json.dumps(
        {"version": "1.2.0", "chapters": [{"startTime": 0, "title": title}]},
        ensure_ascii=False), "utf-8")
    digests = {rel: {"size": (slug_dir / rel).stat().st_size,
                     "sha256": file_sha256(slug_dir / rel)} for rel in FILES.values()}
    summary = {"slug": slug, "title": title, "engine": "espeak", "voice": "ar",
               "sample_rate": 44100, "fallback": False, "duration_s": duration,
               "files": dict(FILES), "file_digests": digests}
    (slug_dir / "audio" / "episode.json").write_text(json.dumps(summary, ensure_ascii=False),
                                                     "utf-8")
    return slug_dir


def read_feedparser(data: bytes):
    """The feed as feedparser reads it."""
    import feedparser

    return feedparser.parse(data)


def read_podcastparser(data: bytes, url: str) -> dict:
    """The feed as gPodder's podcastparser reads it.

    podcastparser 0.6 maps the ``podcast:`` prefix only for the namespace's first address
    (its GitHub page); the namespace's official URI is registered here so its existing
    transcript and chapters handlers see our elements.
    """
    import podcastparser

    podcastparser.Namespace.NAMESPACES.setdefault(PODCAST_NS, "podcast")
    return podcastparser.parse(url, io.BytesIO(data))
