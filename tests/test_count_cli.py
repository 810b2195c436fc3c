"""`repackage count` on every platform's rules, and its errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from repackage.cli import cli
from repackage.thread.counting import (
    grapheme_count,
    mastodon_length,
    measure,
    threads_length,
    utf8_length,
)
from repackage.thread.platforms import get_platform

LONG_URL = "https://example.org/" + "a" * 80


def count(*args: str, input: str | None = None):
    return CliRunner(mix_stderr=False).invoke(cli, ["count", *args], input=input)


def test_x_counts_arabic_as_one_and_urls_as_23():
    text = "مرحبا " + LONG_URL
    assert measure(text, get_platform("x")).length == 6 + 23


def test_x_counts_harakat_and_marks():
    # a harakah weighs 1; RLM (U+200F, just past the U+2000-200D range) weighs 2; ALM 1
    assert measure("مَرحبا", get_platform("x")).length == 6
    assert measure("\u200fمرحبا", get_platform("x")).length == 5 + 2
    assert measure("\u061cمرحبا", get_platform("x")).length == 5 + 1


def test_bluesky_counts_graphemes_and_bytes():
    family = "\U0001F468\u200d\U0001F469\u200d\U0001F467"
    assert grapheme_count(family) == 1
    assert grapheme_count("مَرحبا") == 5  # a harakah joins its letter
    assert utf8_length("مرحبا") == 10
    m = measure("ب" * 300, get_platform("bluesky"))
    assert (m.length, m.ok) == (300, True)
    assert not measure("ب" * 301, get_platform("bluesky")).ok
    # 300 graphemes of 11 bytes each: within the grapheme limit, over the byte limit
    heavy = "ب" + "\u064e" * 10
    m = measure(heavy * 300, get_platform("bluesky"))
    assert m.length == 300 and m.bytes > 3000 and not m.ok


def test_mastodon_counts_urls_as_23_and_limit_is_configurable():
    text = "اقرأ " + LONG_URL
    assert mastodon_length(text) == 5 + 23
    assert measure("ب" * 500, get_platform("mastodon")).ok
    assert not measure("ب" * 501, get_platform("mastodon")).ok
    assert measure("ب" * 501, get_platform("mastodon", mastodon_limit=1000)).ok
    assert measure("ب" * 501, get_platform("mastodon", mastodon_limit=1000)).limit == 1000


def test_threads_counts_emoji_as_their_bytes():
    assert threads_length("مرحبا") == 5
    assert threads_length("👍") == 4
    assert threads_length("👍🏽") == 8
    assert threads_length("🇸🇦") == 8


def test_plain_output_and_exit_codes():
    ok = count("-p", "threads", "مرحبا")
    assert ok.exit_code == 0 and ok.stdout.strip() == "5/500 ok"
    over = count("-p", "x", "ب" * 281)
    assert over.exit_code == 1 and "281/280 OVER" in over.stdout
    bsky = count("-p", "bluesky", "ab")
    assert "2/300, 2/3000 bytes ok" in bsky.stdout


def test_json_is_one_entry_per_text_in_order():
    result = count("-p", "mastodon", "--json", "ب" * 10, "ب" * 600, "ب")
    out = json.loads(result.stdout)
    assert out == [
        {"length": 10, "limit": 500, "ok": True},
        {"length": 600, "limit": 500, "ok": False},
        {"length": 1, "limit": 500, "ok": True},
    ]
    assert result.exit_code == 1


@pytest.mark.parametrize("args, needle", [
    (["-p", "myspace", "x"], "unknown platform 'myspace'"),
])
def test_bad_platform_is_a_one_line_error(args, needle):
    result = count(*args)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0]


def test_usage_errors_exit_2():
    assert count("-p", "x").exit_code == 2  # no TEXT
    assert count("hello").exit_code == 2  # no --platform
    assert count("-p", "mastodon", "--mastodon-limit", "0", "x").exit_code == 2


def test_threads_allows_at_most_five_links():
    links = " ".join(f"https://example.org/{i}" for i in range(5))
    assert measure(links, get_platform("threads")).ok
    m = measure(links + " https://example.org/6", get_platform("threads"))
    assert (m.links, m.ok) == (6, False)
    assert measure(links + " https://example.org/6", get_platform("mastodon")).ok
