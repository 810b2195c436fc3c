"""What a planned thread is made of: posts, their images, the cards they carry. Pure.

Also the two finishing touches every post gets: its counter (``3/8``) and right-to-left lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from repackage.thread import counting, rtl
from repackage.thread.platforms import Platform

NUMBERINGS = ("none", "western", "arabic")
_DIGITS = {"western": "0123456789", "arabic": "٠١٢٣٤٥٦٧٨٩"}
PLACEHOLDERS = {"article": "[رابط المقال]", "episode": "[رابط الحلقة]"}
CREDIT_LABEL = "الصورة:"
ARTICLE_LABEL = "اقرأ الخبر كاملًا:"
EPISODE_LABEL = "استمع إلى الحلقة:"
KINDS = ("hook", "story", "fact", "quote", "links")


@dataclass(frozen=True)
class Media:
    """An image attached to a post: path relative to the thread folder, and its alt text."""

    file: str
    alt: str

    def to_dict(self) -> dict[str, str]:
        """The ``{"file", "alt"}`` form of thread.json."""
        return {"file": self.file, "alt": self.alt}


@dataclass(frozen=True)
class CardRef:
    """A rendered quote card.

    ``quote`` is the text it shows, ``file`` its path relative to the thread folder, ``alt``
    its alt text, ``index`` its 1-based place among the card-worthy quotes (used when the card
    had to shorten the quote), ``shows_photo`` whether the lead photo is its background,
    ``credit_drawn`` whether the photo credit is printed on it and ``size`` its pixel size
    (width, height) when known.
    """

    quote: str
    file: str
    alt: str
    index: int | None = None
    shows_photo: bool = False
    credit_drawn: bool = False
    size: tuple[int, int] | None = None


@dataclass(frozen=True)
class Post:
    """One post: final text (marks and numbering included), images, and its role.

    ``kind`` is ``"hook"``, ``"story"`` (whole-article threads), ``"fact"`` (a sentence kept
    by the condensed thread), ``"quote"`` or ``"links"``.
    """

    text: str
    media: tuple[Media, ...] = ()
    kind: str = "story"


@dataclass(frozen=True)
class ThreadPlan:
    """A platform's posts plus the placeholders an editor still has to fill in.

    ``links`` holds the article and episode URLs the thread carries (None when a placeholder
    stands in for one).
    """

    platform: Platform
    posts: tuple[Post, ...]
    placeholders: tuple[str, ...] = ()
    lang: str | None = None
    links: tuple[tuple[str, str | None], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The thread.json entry for this platform."""
        posts = []
        for post in self.posts:
            m = counting.measure(post.text, self.platform)
            posts.append({
                "text": post.text, "length": m.length, "limit": m.limit, "ok": m.ok,
                "problems": list(m.problems), "kind": post.kind,
                "media": [media.to_dict() for media in post.media],
            })
        result: dict[str, Any] = {"posts": posts}
        if self.platform.declares_langs and self.lang:
            result["langs"] = [self.lang]
        return result


@dataclass
class Draft:
    """A post before numbering: its body, images and kind."""

    body: str
    media: tuple[Media, ...] = ()
    kind: str = "story"


def counter(n: int, total: int, numbering: str) -> str:
    """The post counter ``n/total`` in the chosen digits ("" when numbering is "none")."""
    if numbering == "none":
        return ""
    digits = _DIGITS[numbering]
    table = str.maketrans("0123456789", digits)
    return f"{n}/{total}".translate(table)


def finalize(body: str, count: str = "") -> str:
    """The text as posted: every line starting right-to-left, then the counter at the end."""
    return rtl.append_counter(rtl.rtl_lines(body), count)
