"""The review pages in a real browser: Debian's Chromium, headless, driven by Playwright.

`repackage all` on the seed (offline voice) and on every page of corpus/real (a short
stand-in episode, so the test stays quick); each page is loaded from disk and checked:
no console error, no request outside its folder, the player's duration, chapters that seek,
counts equal to `repackage count` while typing, over-limit marking, the clipboard, the
right-to-left layout of the body, and screenshots at phone and desktop widths.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import CONFORMANCE, CORPUS
from PIL import Image, ImageChops, ImageStat
from preview_helpers import load_json, short_episode

from repackage.cli import cli
from repackage.pipeline.batch import run_articles
from repackage.pipeline.stages import StageFunctions
from repackage.thread import markdown

CHROMIUM = os.environ.get("REPACKAGE_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SECTIONS = ("WeightedTweetsWithDiscountedEmojiCounterTest", "UnicodeDirectionalMarkerCounterTest")


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is not installed (pip install '.[test]')")
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (make test does)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory, seed_path) -> Path:
    out = tmp_path_factory.mktemp("browser") / "out"
    result = CliRunner(mix_stderr=False).invoke(
        cli, ["all", str(seed_path), "--engine", "espeak", "--out", str(out), "-q"])
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("corpus") / "out"
    pages = sorted((CORPUS / "real").glob("*.txt"))
    assert len(pages) >= 20
    summary = run_articles(pages, out, jobs=2, engine="espeak",
                           functions=StageFunctions({"audio": short_episode}))
    return out, summary


class Watch:
    """Console errors, page errors and every request a page makes."""

    def __init__(self, page, folder: Path):
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.folder = folder.resolve().as_uri() + "/"
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", self._request)

    def _request(self, request):
        url = request.url
        if url.startswith(("data:", "blob:")) or url.startswith(self.folder):
            return
        self.outside.append(url)


def open_page(browser, slug_dir: Path, viewport=DESKTOP, **context):
    ctx = browser.new_context(viewport=viewport, **context)
    page = ctx.new_page()
    watch = Watch(page, slug_dir)
    page.goto((slug_dir / "index.html").resolve().as_uri())
    page.wait_for_load_state("load")
    return ctx, page, watch


def count_cli(platform: str, texts: list[str]) -> list[dict]:
    result = CliRunner(mix_stderr=False).invoke(
        cli, ["count", "--platform", platform, "--json", "--", *texts])
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def shown_posts(page) -> list[dict]:
    return page.evaluate("""() => Array.from(document.querySelectorAll('.post'), p => ({
        platform: p.dataset.platform, text: p.querySelector('textarea').value,
        length: Number(p.querySelector('.count').dataset.length),
        shown: p.querySelector('.count').textContent, over: p.classList.contains('over')}))""")


def check_counts_match_the_command(page) -> int:
    posts = shown_posts(page)
    by_platform: dict[str, list[dict]] = {}
    for post in posts:
        by_platform.setdefault(post["platform"], []).append(post)
    for platform, items in by_platform.items():
        expected = count_cli(platform, [p["text"] for p in items])
        for post, want in zip(items, expected, strict=True):
            assert post["length"] == want["length"], (platform, post["text"])
            assert post["shown"] == f"{want['length']}/{want['limit']}"
            assert post["over"] == (not want["ok"]), (platform, post["text"])
    return len(posts)


def check_player(page, slug_dir: Path) -> None:
    episode = load_json(slug_dir / "audio" / "episode.json")
    page.wait_for_function("() => document.getElementById('episode-audio').readyState >= 1")
    duration = page.evaluate("document.getElementById('episode-audio').duration")
    assert abs(duration - episode["duration_s"]) < 0.1, (duration, episode["duration_s"])
    chapters = load_json(slug_dir / "audio" / "chapters.json")["chapters"]
    target = chapters[min(2, len(chapters) - 1)]
    # the click seeks and plays: read the position when the seek lands, not after playing on
    page.evaluate("""() => { const a = document.getElementById('episode-audio'); window.seekedAt = null;
        a.addEventListener('seeked', () => { if (window.seekedAt === null) window.seekedAt = a.currentTime; }); }""")
    page.locator("#chapters button").nth(min(2, len(chapters) - 1)).click()
    page.wait_for_function("() => window.seekedAt !== null")
    now = page.evaluate("window.seekedAt")
    assert target["startTime"] - 0.01 <= now < target["startTime"] + 0.5, (now, target)
    page.evaluate("document.getElementById('episode-audio').pause()")


def check_body_is_right_to_left(page) -> None:
    layout = page.evaluate("""() => {
        const p = document.querySelector('#body p');
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        let node, i = -1;
        while ((node = walker.nextNode())) {
            i = node.data.search(/[\\p{L}]/u);
            if (i >= 0) break;
        }
        const rect = k => { const r = document.createRange(); r.setStart(node, k);
                            r.setEnd(node, k + 1); return r.getBoundingClientRect(); };
        const first = rect(i), next = rect(i + 1);
        return {direction: getComputedStyle(p).direction, char: node.data[i],
                firstLeft: first.left, nextRight: next.right, pRight: p.getBoundingClientRect().right};
    }""")
    assert layout["direction"] == "rtl"
    assert "\u0600" <= layout["char"] <= "\u06ff", layout
    # the first letter sits at the right edge, and the text runs leftwards from it
    assert layout["nextRight"] <= layout["firstLeft"] + 1, layout
    assert layout["pRight"] - layout["firstLeft"] < 40, layout


def test_seed_page_in_the_browser(browser, seed_out: Path, tmp_path: Path):
    slug_dir = seed_out / "cap-xi-tajikistan"
    ctx, page, watch = open_page(browser, slug_dir,
                                 permissions=["clipboard-read", "clipboard-write"])
    check_player(page, slug_dir)
    # the transcript follows playback
    cue = page.evaluate("""() => { const a = document.getElementById('episode-audio');
        const li = document.querySelectorAll('#transcript li')[3];
        a.currentTime = Number(li.dataset.start) + 0.05; return li.dataset.start; }""")
    page.wait_for_function(
        f"() => document.querySelector('#transcript li.current')?.dataset.start === '{cue}'")
    assert check_counts_match_the_command(page) >= 12
    check_body_is_right_to_left(page)

    # the unedited X thread downloads as exactly the draft the thread stage wrote
    assert page.evaluate("repackageDraft('x')") == (slug_dir / "thread" / "x.md").read_text()

    # the conformance file's cases typed into a post count as `repackage count` does
    cases = yaml.safe_load((CONFORMANCE / "twitter-text-validate.yml").read_text("utf-8"))
    texts = [c["text"] for s in SECTIONS for c in cases["tests"][s]]
    assert any("\u0600" <= ch <= "\u06ff" for t in texts for ch in t)  # Arabic is among them
    for platform in ("x", "bluesky", "mastodon", "threads"):
        page.click(f"#tab-{platform}")
        box = page.locator(f"#panel-{platform} .post textarea").first
        expected = count_cli(platform, texts)
        for text, want in zip(texts, expected, strict=True):
            box.fill(text)
            got = page.evaluate(f"""() => {{ const p = document.querySelector(
                '#panel-{platform} .post'); return [Number(p.querySelector('.count')
                .dataset.length), p.classList.contains('over')]; }}""")
            assert got == [want["length"], not want["ok"]], (platform, text)
        # past the limit the post is marked over, and the tab's summary says so
        box.fill("ب" * (want["limit"] + 1))
        post = page.locator(f"#panel-{platform} .post").first
        assert "over" in post.get_attribute("class")
        assert post.locator(".count").text_content() == f"{want['limit'] + 1}/{want['limit']}"
        assert page.locator(f"#panel-{platform} .over-count").get_attribute("data-over") == "1"
        box.fill("خبر قصير")
        assert "over" not in post.get_attribute("class")

    # copy buttons put the exact text on the clipboard
    page.click("#tab-x")
    second = json.loads((slug_dir / "thread" / "thread.json").read_text())["platforms"]["x"][
        "posts"][1]["text"]
    page.locator("#panel-x .post").nth(1).locator(".copy-post").click()
    page.wait_for_function("() => document.querySelectorAll('#panel-x .copy-post')[1]"
                           ".textContent"
                           ".includes('✓')")
    assert page.evaluate("navigator.clipboard.readText()") == second

    # the edited thread downloads as a draft `thread --check` reads
    with page.expect_download() as download:
        page.click("#panel-x .download-thread")
    saved = tmp_path / "x.md"
    download.value.save_as(saved)
    draft = markdown.parse(saved.read_text("utf-8"))
    assert draft.platform == "x" and draft.posts[0].text == "خبر قصير"
    assert draft.posts[1].text == second
    (saved.parent / "x.md").rename(slug_dir / "thread" / "edited-x.md")
    check = CliRunner(mix_stderr=False).invoke(
        cli, ["thread", "--check", str(slug_dir / "thread" / "edited-x.md")])
    assert check.exit_code == 0, check.output
    (slug_dir / "thread" / "edited-x.md").unlink()

    assert watch.errors == [] and watch.outside == []
    ctx.close()
    check_screenshots(browser, slug_dir, tmp_path)


def check_screenshots(browser, slug_dir: Path, tmp_path: Path) -> None:
    cards = load_json(slug_dir / "cards" / "cards.json")["cards"]
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        ctx, page, watch = open_page(browser, slug_dir, viewport=viewport)
        page.evaluate("document.querySelectorAll('img').forEach(i => i.loading = 'eager')")
        page.wait_for_function("() => Array.from(document.images).every(i => i.complete)")
        shot = tmp_path / f"preview-{name}.png"
        page.screenshot(path=str(shot), full_page=True)
        boxes = page.evaluate("""() => Array.from(document.querySelectorAll('#cards img'), i => {
            const r = i.getBoundingClientRect();
            return {x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height,
                    natural: i.naturalWidth}; })""")
        assert len(boxes) == len(cards)
        assert max(b["x"] + b["w"] for b in boxes) <= viewport["width"] + 1  # no overflow
        image = Image.open(shot).convert("RGB")
        for box, card in zip(boxes, cards, strict=True):
            assert box["natural"] == card["width"] and box["w"] > 100
            region = image.crop((round(box["x"]), round(box["y"]),
                                 round(box["x"] + box["w"]), round(box["y"] + box["h"])))
            source = Image.open(slug_dir / "cards" / card["file"]).convert("RGB").resize(
                region.size)
            diff = ImageStat.Stat(ImageChops.difference(region, source)).mean
            assert sum(diff) / 3 < 20, (name, card["file"], diff)
        assert watch.errors == []
        ctx.close()


def test_every_corpus_page_passes_in_the_browser(browser, corpus_out):
    out, summary = corpus_out
    failed = [r for r in summary["articles"] if r["status"] == "failed"]
    assert not failed, failed
    slugs = [r["slug"] for r in summary["articles"]]
    ctx = browser.new_context(viewport=PHONE)
    for slug in slugs:
        slug_dir = out / slug
        page = ctx.new_page()
        watch = Watch(page, slug_dir)
        page.goto((slug_dir / "index.html").resolve().as_uri())
        page.wait_for_load_state("load")
        check_player(page, slug_dir)
        check_counts_match_the_command(page)
        check_body_is_right_to_left(page)
        cards = page.evaluate("Array.from(document.querySelectorAll('#cards img'), i => "
                              "i.getAttribute('src'))")
        assert len(cards) == len(load_json(slug_dir / "cards" / "cards.json")["cards"])
        assert watch.errors == [] and watch.outside == [], slug
        page.close()
    ctx.close()
    # the batch index links every article
    index = (out / "index.html").read_text("utf-8")
    assert all(f'href="{slug}/index.html"' in index for slug in slugs)


def test_batch_index_in_the_browser(browser, corpus_out):
    out, _ = corpus_out
    shutil.copy(out / "index.html", out / "index-copy.html")
    ctx = browser.new_context(viewport=PHONE)
    page = ctx.new_page()
    watch = Watch(page, out)
    page.goto((out / "index.html").resolve().as_uri())
    links = page.locator("table.batch a")
    assert links.count() == len([p for p in out.iterdir() if (p / "index.html").is_file()])
    links.first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/index.html") and "#" not in page.url
    assert page.locator("h1").count() == 1
    assert watch.errors == []
    ctx.close()
