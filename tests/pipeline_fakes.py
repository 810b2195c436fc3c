"""Fast stand-ins for the stage libraries, with the same signatures, for pipeline tests.

They write real, checkable files (JSON that parses, PNGs that decode, an "MP3" whose bytes
depend on the text) through the atomic writers, like the real stages. ``FAKE_STAGE_DELAY``
(seconds) slows every file write so a test can kill a run mid-way. Module-level functions
only: worker processes receive them pickled.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import sys
import time
import zlib
from pathlib import Path

from repackage.atomic import write_bytes, write_if_changed, write_json
from repackage.errors import InputError
from repackage.model import Article, InputInfo, Photo, Quote


def _pause() -> None:
    delay = float(os.environ.get("FAKE_STAGE_DELAY", "0") or 0)
    if delay:
        time.sleep(delay)


def tiny_png(seed: str) -> bytes:
    """A valid 2x2 RGB PNG whose colour depends on ``seed``."""
    r, g, b = hashlib.sha256(seed.encode()).digest()[:3]
    raw = b"".join(b"\x00" + bytes([r, g, b]) * 2 for _ in range(2))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def load_article(path, slug=None) -> Article:
    """First line is the title, the other non-empty lines are paragraphs; a .jpg beside the
    file is its photo."""
    path = Path(path)
    data = path.read_bytes()
    if b"\x00" in data:
        raise InputError(f"{path}: binary file, not an article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    photo = path.with_suffix(".jpg")
    if len(lines) < 2:
        raise InputError(f"{path}: no article text found")
    quotes = tuple(Quote(text=line.strip('"'), speaker="قائل", paragraph=i)
                   for i, line in enumerate(lines[1:]) if line.startswith('"'))
    return Article(
        slug=slug or path.stem, title=lines[0], paragraphs=tuple(lines[1:]),
        input=InputInfo(path=str(path), sha256=hashlib.sha256(data).hexdigest(),
                        encoding="utf-8"),
        photo=Photo(file=str(photo.resolve())) if photo.is_file() else Photo(), quotes=quotes,
    )


def store(article: Article, out_dir) -> Path:
    """Write OUT/<slug>/article.json."""
    return write_json(Path(out_dir) / article.slug / "article.json", article.to_dict())


def build_episode(article, slug_dir, *, engine="auto", force=False, progress=None) -> dict:
    """The episode and its chapters, plus episode.json holding the result; like the real
    stage, files whose content is unchanged are left untouched unless ``force`` (and
    episode.json is not named in the result)."""
    used = "espeak" if engine == "auto" else engine
    audio = Path(slug_dir) / "audio"
    write = write_bytes if force else write_if_changed
    total = len(article.paragraphs) + 1
    for i in range(len(article.paragraphs)):
        _pause()
        if progress:
            progress(i + 1, total, f"segment {i + 1}")
    _pause()
    body = "\n".join(article.paragraphs).encode("utf-8")
    write(audio / "episode.mp3", b"ID3" + used.encode() + hashlib.sha256(body).digest())
    chapters = [{"startTime": i, "title": p[:20]} for i, p in enumerate(article.paragraphs)]
    write(audio / "chapters.json", _json_bytes({"version": "1.2.0", "chapters": chapters}))
    result = {"engine": used, "files": ["audio/episode.mp3", "audio/chapters.json"]}
    write(audio / "episode.json", _json_bytes(result))
    if progress:
        progress(total, total, "episode")
    return result


def _json_bytes(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False, indent=2).encode("utf-8")


def render_cards(article, slug_dir, *, sizes=("square",), template=None, photo=None,
                 progress=None) -> dict:
    """A PNG per quote and size, and cards.json listing them."""
    cards_dir = Path(slug_dir) / "cards"
    quotes = article.card_quotes or (Quote(text=article.title),)
    cards = []
    total = len(quotes) * len(sizes)
    for i, quote in enumerate(quotes):
        for size in sizes:
            _pause()
            name = f"quote-{i + 1:02d}-{size}.png"
            write_bytes(cards_dir / name, tiny_png(quote.text + size))
            cards.append({"file": f"cards/{name}", "size": size, "quote": quote.text})
            if progress:
                progress(len(cards), total, name)
    content = {"cards": cards}
    write_json(cards_dir / "cards.json", content)
    return content


def build_threads(article, slug_dir, *, platforms=None, cards=None, links=None) -> dict:
    """thread.json naming the card files, one text file per platform."""
    slug_dir = Path(slug_dir)
    if cards is None and (slug_dir / "cards" / "cards.json").is_file():
        cards = json.loads((slug_dir / "cards" / "cards.json").read_text("utf-8"))
    images = [c["file"] for c in (cards or {}).get("cards", [])]
    threads = {}
    for platform in platforms or ("x", "bluesky"):
        _pause()
        posts = [article.title, *article.paragraphs[:2]]
        write_bytes(slug_dir / "thread" / f"{platform}.txt", "\n\n".join(posts).encode())
        threads[platform] = {"posts": posts, "images": images}
    content = {"threads": threads}
    write_json(slug_dir / "thread" / "thread.json", content)
    return content


FAKES = {"load_article": load_article, "store": store, "audio": build_episode,
         "cards": render_cards, "thread": build_threads}
# The review page is cheap and reads whatever the stages wrote: the real one runs.
TARGETS = {**{name: f"pipeline_fakes:{fn.__name__}" for name, fn in FAKES.items()},
           "preview": "repackage.preview:write_page"}


def main() -> None:
    """Run the real command line with every stage replaced by these fakes."""
    from repackage.cli import main as cli_main
    from repackage.pipeline import stages

    stages.DEFAULT_TARGETS = TARGETS
    sys.argv[0] = "repackage"
    cli_main()


if __name__ == "__main__":
    main()
