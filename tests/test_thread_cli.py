"""`repackage thread` and `repackage thread --check` from the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from repackage.cli import cli


def run(*args: str):
    return CliRunner(mix_stderr=False).invoke(cli, ["thread", *args])


@pytest.fixture(scope="module")
def drafted(tmp_path_factory, seed_path):
    out = tmp_path_factory.mktemp("out")
    result = run(str(seed_path), "--out", str(out), "--numbering", "western", "--json")
    assert result.exit_code == 0, result.stderr
    return out, json.loads(result.stdout)


def test_json_summary_and_files(drafted):
    out, summary = drafted
    thread_dir = Path(summary["dir"])
    assert thread_dir.parent.parent == out
    assert set(summary["platforms"]) == {"x", "bluesky", "mastodon", "threads"}
    assert json.loads((thread_dir / "thread.json").read_text("utf-8"))["platforms"] == \
        summary["platforms"]


def test_plain_summary_names_each_platform(tmp_path, seed_path):
    result = run(str(seed_path), "--out", str(tmp_path), "-p", "x", "-p", "bluesky",
                 "--no-hashtags", "--article-url", "https://example.org/a")
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert [line.split()[0] for line in lines] == ["x", "bluesky"]
    assert re.search(r"longest \d+/280", lines[0])
    assert "episode" in result.stderr  # the one placeholder left is named
    data = json.loads(next(tmp_path.glob("*/thread/thread.json")).read_text("utf-8"))
    assert "#" not in data["platforms"]["x"]["posts"][0]["text"]
    assert "https://example.org/a" in data["platforms"]["x"]["posts"][-1]["text"]


def test_check_passes_an_untouched_draft(drafted):
    thread_dir = Path(drafted[1]["dir"])
    for name in ("x", "bluesky", "mastodon", "threads"):
        result = run("--check", str(thread_dir / f"{name}.md"))
        assert result.exit_code == 0, result.stdout
        assert "all within" in result.stdout


def test_check_points_at_the_post_over_its_limit(drafted, tmp_path):
    thread_dir = Path(drafted[1]["dir"])
    text = (thread_dir / "x.md").read_text("utf-8")
    # an editor lengthens post 3
    edited = re.sub(r"(## 3 [^\n]*\n\n)", r"\1" + "وأضاف المحرر جملة طويلة جدا. " * 10 + "\n",
                    text, count=1)
    target = tmp_path / "x.md"
    target.write_text(edited, "utf-8")
    result = run("--check", str(target))
    assert result.exit_code == 1
    problems = result.stdout.strip().splitlines()
    assert len(problems) == 1
    assert re.search(r"x\.md:\d+: post 3: is (\d+)/280 characters, over by \d+", problems[0])
    verdict = json.loads(run("--check", str(target), "--json").stdout)
    assert [p["number"] for p in verdict["posts"] if not p["ok"]] == [3]
    assert verdict["ok"] is False


def test_check_uses_the_platform_given(drafted, tmp_path):
    thread_dir = Path(drafted[1]["dir"])
    renamed = tmp_path / "draft.md"
    # strip the header so only --platform tells which rules apply
    text = (thread_dir / "mastodon.md").read_text("utf-8").split("\n", 1)[1]
    renamed.write_text(text, "utf-8")
    assert run("--check", str(renamed)).exit_code == 1  # cannot tell the platform
    assert run("--check", str(renamed), "-p", "mastodon").exit_code == 0
    assert run("--check", str(renamed), "-p", "x").exit_code == 1  # 500-limit posts on X


@pytest.mark.parametrize("args, code, needle", [
    (["missing.txt"], 1, "missing.txt"),
    (["--check", "missing.md"], 1, "missing.md"),
    ([], 2, "missing ARTICLE"),
    (["-p", "myspace", "a.txt"], 2, "myspace"),
    (["--numbering", "roman", "a.txt"], 2, "roman"),
    (["--mastodon-limit", "0", "a.txt"], 2, "0"),
])
def test_bad_inputs_are_one_line_errors(tmp_path, args, code, needle):
    result = CliRunner(mix_stderr=False).invoke(cli, ["thread", *args],
                                                catch_exceptions=False)
    assert result.exit_code == code
    assert needle in result.stderr
    if code == 1:
        assert len(result.stderr.strip().splitlines()) == 1


def test_check_and_article_together_is_a_usage_error(tmp_path, seed_path):
    result = run(str(seed_path), "--check", str(tmp_path / "x.md"))
    assert result.exit_code == 2


def test_check_a_file_without_posts(tmp_path):
    empty = tmp_path / "x.md"
    empty.write_text("# just a title\n", "utf-8")
    result = run("--check", str(empty))
    assert result.exit_code == 1
    assert "no posts found" in result.stderr


def test_help_ends_with_examples():
    result = CliRunner().invoke(cli, ["thread", "--help"])
    assert "repackage thread --check" in result.output
    result = CliRunner().invoke(cli, ["count", "--help"])
    assert "repackage count --platform x" in result.output


def test_check_warns_about_a_line_that_would_flip_left_to_right(drafted, tmp_path):
    thread_dir = Path(drafted[1]["dir"])
    text = (thread_dir / "bluesky.md").read_text("utf-8")
    edited = re.sub(r"(## 2 [^\n]*\n\n)", r"\1CNN: ", text, count=1)
    target = tmp_path / "bluesky.md"
    target.write_text(edited, "utf-8")
    result = run("--check", str(target))
    assert result.exit_code == 0  # a warning, not a failure
    assert re.search(r"post 2: warning: line 1 would lay out left-to-right", result.stdout)


def test_a_bad_url_option_is_a_one_line_error(tmp_path, seed_path):
    result = run(str(seed_path), "--out", str(tmp_path), "--episode-url", "ftp://x")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "Error: episode link 'ftp://x' is not an http(s) URL"]
    assert not list(tmp_path.glob("*/thread/*"))


def test_a_custom_mastodon_limit_is_kept_in_the_draft(tmp_path, seed_path):
    result = run(str(seed_path), "--out", str(tmp_path), "-p", "mastodon",
                 "--mastodon-limit", "200", "--json")
    assert result.exit_code == 0
    posts = json.loads(result.stdout)["platforms"]["mastodon"]["posts"]
    assert all(p["limit"] == 200 and p["length"] <= 200 for p in posts)
    draft = next(tmp_path.glob("*/thread/mastodon.md"))
    assert "limit=200" in draft.read_text("utf-8").split("\n", 1)[0]
    assert run("--check", str(draft)).exit_code == 0
    # an explicit limit overrides the one the header names
    assert run("--check", str(draft), "--mastodon-limit", "100").exit_code == 1
