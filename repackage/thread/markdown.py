"""The ``<platform>.md`` draft people read and edit, and reading it back. Pure text.

Layout::

    <!-- repackage thread: platform=x limit=280 -->
    # X thread: <headline>

    ## 1 · 126/280

    <post text, verbatim, any number of lines>

    ![alt text](../cards/quote-1.png)

Each post starts at a ``## N`` heading; its text runs until the next heading, minus the image
lines at its end. Invisible direction marks are kept as they are, so the text an editor copies
is the text that was counted. Image paths are relative to the draft's folder.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from repackage.errors import InputError

_HEADER = regex.compile(r"<!--\s*repackage thread:(?P<attrs>[^>]*)-->")
_HEADING = regex.compile(r"^## (?P<n>\d+)\b.*$")
_IMAGE = regex.compile(r"^!\[(?P<alt>(?:\\.|[^\]\\])*)\]\((?P<file>[^)]*)\)\s*$")


@dataclass(frozen=True)
class DraftPost:
    """A post read back from a draft: its number as written, text, and images (file, alt)."""

    number: int
    text: str
    media: tuple[tuple[str, str], ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Draft:
    """A parsed draft: the platform and limit its header names (None when absent), and posts."""

    platform: str | None
    limit: int | None
    posts: tuple[DraftPost, ...]


def _escape_alt(alt: str) -> str:
    return " ".join(alt.split()).replace("\\", "\\\\").replace("]", "\\]")


def _unescape_alt(alt: str) -> str:
    return regex.sub(r"\\(.)", r"\1", alt)


def render(platform: str, label: str, limit: int, title: str,
           posts: list[dict], placeholders: tuple[str, ...] = ()) -> str:
    """The draft for one platform; ``posts`` are thread.json post dicts."""
    lines = [f"<!-- repackage thread: platform={platform} limit={limit} -->",
             f"# {label} thread: {' '.join(title.split())}", ""]
    if placeholders:
        lines += [f"> Fill in before posting: {', '.join(placeholders)} link "
                  "(marked with square brackets).", ""]
    for n, post in enumerate(posts, start=1):
        lines += [f"## {n} · {post['length']}/{post['limit']}", "", post["text"], ""]
        for media in post.get("media", ()):
            lines += [f"![{_escape_alt(media['alt'])}]({media['file']})", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def parse(text: str, *, name: str = "draft") -> Draft:
    """Read a draft back. Raises InputError naming ``name`` when it holds no posts."""
    platform = limit = None
    header = _HEADER.search(text)
    if header:
        attrs = dict(regex.findall(r"(\w+)=(\S+)", header.group("attrs")))
        platform = attrs.get("platform")
        if attrs.get("limit", "").isdigit():
            limit = int(attrs["limit"])
    posts: list[DraftPost] = []
    number: int | None = None
    start_line = 0
    body: list[str] = []

    def close() -> None:
        if number is None:
            return
        lines = list(body)
        media: list[tuple[str, str]] = []
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and (m := _IMAGE.match(lines[-1])):
            media.insert(0, (m.group("file"), _unescape_alt(m.group("alt"))))
            lines.pop()
            while lines and not lines[-1].strip():
                lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        posts.append(DraftPost(number, "\n".join(lines), tuple(media), start_line))

    for i, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        m = _HEADING.match(line)
        if m:
            close()
            number, start_line, body = int(m.group("n")), i, []
        elif number is not None:
            body.append(line)
    close()
    if not posts:
        raise InputError(f"{name}: no posts found (each post starts with a '## N' heading)")
    return Draft(platform=platform, limit=limit, posts=tuple(posts))
