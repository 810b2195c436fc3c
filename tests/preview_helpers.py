"""Helpers for the review-page tests: a short real episode, and reading a page back.

``short_episode`` stands in for the audio stage where a test needs a page quickly: a real
MP3 (a few seconds of tone encoded by the bundled ffmpeg), chapters, a WebVTT transcript and
an episode.json in the audio stage's schema, with the duration measured from the MP3.
"""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

from repackage.atomic import write_json, write_text
from repackage.audio.codec import mp3_duration, run_ffmpeg

_TONE_CACHE: dict[float, bytes] = {}


def _tone(seconds: float) -> bytes:
    if seconds not in _TONE_CACHE:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "tone.mp3"
            run_ffmpeg(["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
                        "-ac", "1", "-ar", "44100", "-b:a", "96k", "-y", str(out)], "tone")
            _TONE_CACHE[seconds] = out.read_bytes()
    return _TONE_CACHE[seconds]


def _stamp(t: float) -> str:
    m, s = divmod(t, 60)
    return f"00:{int(m):02d}:{s:06.3f}"


def short_episode(article, slug_dir, *, engine="auto", force=False, progress=None,
                  seconds: float = 6.0, fallback: bool = False) -> dict:
    """Write a short episode for ``article`` into ``slug_dir/audio`` (the audio stage's
    signature, so it can stand in for it) and return episode.json's content."""
    audio = Path(slug_dir) / "audio"
    audio.mkdir(parents=True, exist_ok=True)
    data = _tone(seconds)
    (audio / "episode.mp3").write_bytes(data)
    duration = round(mp3_duration(data), 3)
    titles = [article.title, *article.paragraphs[:2]]
    step = duration / len(titles)
    chapters = [{"startTime": round(i * step, 3), "endTime": round((i + 1) * step, 3),
                 "title": t[:40]} for i, t in enumerate(titles)]
    write_json(audio / "chapters.json", {"version": "1.2.0", "title": article.title,
                                        "chapters": chapters})
    cues = ["WEBVTT", "Kind: captions", "Language: ar", ""]
    for i, c in enumerate(chapters, 1):
        cues += [str(i), f"{_stamp(c['startTime'])} --> {_stamp(c['endTime'])}",
                 "\u200f" + titles[i - 1][:60], ""]
    write_text(audio / "episode.vtt", "\n".join(cues))
    episode = {
        "slug": article.slug, "title": article.title, "engine": "espeak", "voice": "ar",
        "fallback": fallback,
        "fallback_reason": "the online voice could not be reached" if fallback else None,
        "duration_s": duration, "sample_rate": 44100,
        "loudness": {"integrated_lufs": -16.2, "true_peak_dbtp": -1.5, "lra_lu": 1.0},
        "files": {"episode": "audio/episode.mp3", "vtt": "audio/episode.vtt",
                  "chapters": "audio/chapters.json"},
    }
    write_json(audio / "episode.json", episode)
    return episode


def copy_episode(source: Path, slug_dir: Path) -> None:
    """Copy the audio folder of one slug folder into another."""
    shutil.copytree(Path(source) / "audio", Path(slug_dir) / "audio", dirs_exist_ok=True)


class Node:
    """One element of a parsed page: tag, attributes, children and its own text pieces."""

    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node] = []
        self.parts: list[str | Node] = []

    @property
    def text(self) -> str:
        """All text inside, in document order."""
        return "".join(p if isinstance(p, str) else p.text for p in self.parts)

    def iter(self):
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        """Descendants (and self) with ``tag`` whose attributes hold ``attrs``; ``class_``
        matches one class among several."""
        found = []
        for node in self.iter():
            if tag and node.tag != tag:
                continue
            ok = True
            for key, value in attrs.items():
                if key == "class_":
                    ok = ok and value in (node.attrs.get("class") or "").split()
                else:
                    ok = ok and node.attrs.get(key.replace("_", "-")) == value
            if ok:
                found.append(node)
        return found

    def find(self, tag: str | None = None, **attrs: str) -> Node | None:
        found = self.find_all(tag, **attrs)
        return found[0] if found else None


_VOID = {"meta", "link", "img", "br", "hr", "input", "source", "track", "wbr", "area", "base",
         "col", "embed", "param"}


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        self.current.parts.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        self.current.parts.append(node)

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.parts.append(data)


def parse_page(path_or_html) -> Node:
    """Parse a page (a path or its HTML) into a Node tree."""
    html = Path(path_or_html).read_text("utf-8") if isinstance(path_or_html, Path) else path_or_html
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def textarea_value(node: Node) -> str:
    """A textarea's value as a browser sees it (the newline right after the tag is dropped)."""
    text = node.text
    return text[1:] if text.startswith("\n") else text


def load_json(path: Path) -> dict:
    """Read a JSON file."""
    return json.loads(Path(path).read_text("utf-8"))
