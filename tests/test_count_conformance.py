"""`repackage count --platform x` against twitter-text's own conformance suite (v3 rules)."""

from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner
from conftest import CONFORMANCE

from repackage.cli import cli
from repackage.thread.counting import measure
from repackage.thread.platforms import TWITTER_V3, get_platform

SUITE = CONFORMANCE / "twitter-text-validate.yml"
SECTIONS = ("WeightedTweetsWithDiscountedEmojiCounterTest", "UnicodeDirectionalMarkerCounterTest")


def _cases() -> list[dict]:
    tests = yaml.safe_load(SUITE.read_text("utf-8"))["tests"]
    return [dict(case, section=section) for section in SECTIONS for case in tests[section]]


CASES = _cases()


def test_suite_has_the_v3_sections():
    assert len(CASES) >= 20
    assert {c["section"] for c in CASES} == set(SECTIONS)


@pytest.mark.parametrize("case", CASES, ids=[c["description"][:60] for c in CASES])
def test_weighted_length_agrees_with_conformance(case):
    m = measure(case["text"], get_platform("x"))
    assert m.length == case["expected"]["weightedLength"]
    assert m.ok == case["expected"]["valid"]


def test_platform_data_matches_the_v3_config(conformance_dir):
    config = json.loads((conformance_dir / "twitter-text-config-v3.json").read_text("utf-8"))
    assert TWITTER_V3["max_weighted_tweet_length"] == config["maxWeightedTweetLength"]
    assert TWITTER_V3["scale"] == config["scale"]
    assert TWITTER_V3["default_weight"] == config["defaultWeight"]
    assert TWITTER_V3["transformed_url_length"] == config["transformedURLLength"]
    assert TWITTER_V3["emoji_parsing_enabled"] == config["emojiParsingEnabled"]
    assert [dict(r) for r in TWITTER_V3["ranges"]] == config["ranges"]
    assert get_platform("x").limit == config["maxWeightedTweetLength"]


def test_cli_json_agrees_with_conformance_in_order():
    picked = CASES[:6] + CASES[-2:]
    result = CliRunner().invoke(
        cli, ["count", "--platform", "x", "--json", *[c["text"] for c in picked]]
    )
    out = json.loads(result.stdout)
    assert [o["length"] for o in out] == [c["expected"]["weightedLength"] for c in picked]
    assert [o["ok"] for o in out] == [c["expected"]["valid"] for c in picked]
    assert all(o["limit"] == 280 for o in out)
    assert result.exit_code == (0 if all(c["expected"]["valid"] for c in picked) else 1)


@pytest.mark.parametrize("case", [c for c in CASES if "\n" not in c["text"]][:4],
                         ids=lambda c: c["description"][:40])
def test_cli_reads_stdin(case):
    result = CliRunner().invoke(cli, ["count", "-p", "x", "--json", "-"], input=case["text"])
    assert json.loads(result.stdout)[0]["length"] == case["expected"]["weightedLength"]
