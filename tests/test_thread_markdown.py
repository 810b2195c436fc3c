"""The people-facing draft format reads back exactly."""

from __future__ import annotations

import pytest

from repackage.errors import InputError
from repackage.thread.markdown import parse, render

POSTS = [
    {"text": "\u200fCNN قالت\n\nسطر ثان ١/٢", "length": 20, "limit": 280,
     "media": [{"file": "../cards/q [1].png", "alt": "وصف فيه ] قوس و\\ شرطة"}]},
    {"text": "اقرأ: https://example.org/a_(b) \u061c٢/٢", "length": 30, "limit": 280,
     "media": [{"file": "photo.jpg", "alt": "صورة"}, {"file": "../cards/q2.png", "alt": "ب"}]},
]


def test_round_trip_keeps_text_marks_and_media():
    draft = parse(render("x", "X", 280, "عنوان", POSTS, ("episode",)))
    assert (draft.platform, draft.limit) == ("x", 280)
    assert [p.text for p in draft.posts] == [p["text"] for p in POSTS]
    assert draft.posts[0].media == (("../cards/q [1].png", "وصف فيه ] قوس و\\ شرطة"),)
    assert [m[0] for m in draft.posts[1].media] == ["photo.jpg", "../cards/q2.png"]
    assert [p.number for p in draft.posts] == [1, 2]


def test_windows_line_ends_and_a_missing_header():
    text = render("x", "X", 280, "عنوان", POSTS).replace("\n", "\r\n")
    text = text.split("\r\n", 1)[1]
    draft = parse(text)
    assert draft.platform is None and draft.limit is None
    assert draft.posts[1].text == POSTS[1]["text"]


def test_post_line_numbers_point_at_headings():
    text = render("bluesky", "Bluesky", 300, "عنوان", POSTS)
    lines = text.split("\n")
    for post in parse(text).posts:
        assert lines[post.line - 1].startswith(f"## {post.number} ")


def test_no_posts_is_an_input_error():
    with pytest.raises(InputError, match="draft.md: no posts found"):
        parse("# title only\n\nsome text\n", name="draft.md")
