"""Re-validate a thread draft an editor has edited: which posts are over their limit."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from repackage.errors import ConfigError, InputError
from repackage.thread import counting, markdown, rtl
from repackage.thread.platforms import PLATFORMS, Platform, get_platform


@dataclass(frozen=True)
class PostCheck:
    """One post's verdict: its length, the limit, and what is wrong (empty when it fits)."""

    number: int
    line: int
    length: int
    limit: int
    problems: tuple[str, ...]
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when nothing is wrong with this post."""
        return not self.problems


@dataclass(frozen=True)
class DraftCheck:
    """The verdict on a whole draft."""

    file: str
    platform: str
    limit: int
    posts: tuple[PostCheck, ...]

    @property
    def ok(self) -> bool:
        """True when every post fits."""
        return all(p.ok for p in self.posts)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form for scripts."""
        return {
            "file": self.file, "platform": self.platform, "limit": self.limit, "ok": self.ok,
            "posts": [{"number": p.number, "line": p.line, "length": p.length, "limit": p.limit,
                       "ok": p.ok, "problems": list(p.problems), "warnings": list(p.warnings)}
                      for p in self.posts],
        }

    def messages(self) -> list[str]:
        """One line per problem (then per warning), naming the file, the post and its line."""
        lines = [f"{self.file}:{p.line}: post {p.number}: {problem}"
                 for p in self.posts for problem in p.problems]
        return lines + [f"{self.file}:{p.line}: post {p.number}: warning: {warning}"
                        for p in self.posts for warning in p.warnings]


def check_post(number: int, text: str, media: tuple[tuple[str, str], ...],
               platform: Platform, line: int = 0) -> PostCheck:
    """Check one post's text and images against ``platform``."""
    m = counting.measure(text, platform)
    problems = (["is empty"] if not text.strip() else []) + list(m.problems)
    if len(media) > platform.max_images:
        problems.append(f"has {len(media)} images, at most {platform.max_images} allowed")
    for file, alt in media:
        if len(alt) > platform.alt_limit:
            problems.append(f"alt text of {file} is {len(alt)}/{platform.alt_limit} characters")
    warnings = [
        f"line {i} would lay out left-to-right: start it with a right-to-left mark (U+200F)"
        for i, text_line in enumerate(text.split("\n"), start=1) if rtl.needs_rlm(text_line)
    ]
    return PostCheck(number, line, m.length, m.limit, tuple(problems), tuple(warnings))


def check_draft(path: str | Path, *, platform: str | None = None,
                mastodon_limit: int | None = None) -> DraftCheck:
    """Parse the draft at ``path`` and check every post.

    The platform comes from ``platform``, else the draft's header, else the file name
    (``x.md``). A Mastodon draft keeps the limit its header names unless ``mastodon_limit``
    is given.
    """
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: file not found") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    draft = markdown.parse(text, name=str(path))
    name = platform or draft.platform or (path.stem if path.stem.lower() in PLATFORMS else None)
    if name is None:
        raise ConfigError(f"{path}: cannot tell the platform; pass --platform")
    if mastodon_limit is None and draft.limit is not None and name.lower() == "mastodon":
        mastodon_limit = draft.limit
    rules = get_platform(name, mastodon_limit=mastodon_limit)
    posts = tuple(check_post(p.number, p.text, p.media, rules, p.line) for p in draft.posts)
    return DraftCheck(file=str(path), platform=rules.name, limit=rules.limit, posts=posts)
