"""The review page of the seed article, read back as parsed HTML: sections, links, counts,
escaping; and the batch index."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from preview_helpers import load_json, parse_page, short_episode, textarea_value

from repackage.cli import cli
from repackage.ingest import load_article, store
from repackage.model import Quote
from repackage.preview import write_index, write_page
from repackage.thread.counting import measure
from repackage.thread.platforms import get_platform


@pytest.fixture(scope="module")
def seed_dir(tmp_path_factory, seed_article) -> Path:
    """The seed's results with the real cards and threads and a short stand-in episode."""
    from repackage.cards import render_cards
    from repackage.thread import build_threads

    out = tmp_path_factory.mktemp("preview") / "out"
    store(seed_article, out)
    slug_dir = out / seed_article.slug
    short_episode(seed_article, slug_dir, fallback=True)
    render_cards(seed_article, slug_dir, sizes=("square", "story"))
    build_threads(seed_article, slug_dir)
    write_page(seed_article, slug_dir)
    return slug_dir


@pytest.fixture(scope="module")
def seed_page(seed_dir):
    return parse_page(seed_dir / "index.html")


def test_page_is_arabic_right_to_left_and_fits_a_phone(seed_page):
    html = seed_page.find("html")
    assert html.attrs["lang"] == "ar" and html.attrs["dir"] == "rtl"
    viewport = seed_page.find("meta", name="viewport")
    assert "width=device-width" in viewport.attrs["content"]


def test_every_reference_stays_inside_the_folder_and_exists(seed_page, seed_dir):
    refs = [(n.tag, n.attrs.get("src") or n.attrs.get("href"))
            for n in seed_page.iter() if n.attrs.get("src") or n.attrs.get("href")]
    assert len(refs) > 10
    for _tag, ref in refs:
        if ref.startswith("#") or ref.startswith("data:"):
            continue
        if ref == "../index.html":
            continue
        assert "://" not in ref and not ref.startswith("/"), ref
        assert (seed_dir / ref).resolve().is_relative_to(seed_dir.resolve()), ref
        assert (seed_dir / ref).is_file(), ref
    assert not seed_page.find_all("link")  # styles are inline, no stylesheet to fetch
    assert all(not s.attrs.get("src") for s in seed_page.find_all("script"))


def test_article_section_shows_the_article_as_ingested(seed_page, seed_article):
    section = seed_page.find("section", id="article")
    assert section.find("h1").text == seed_article.title
    body = section.find("div", id="body")
    paragraphs = [p for p in body.find_all("p") if "unplaced" not in (p.attrs.get("class") or "")]
    assert len(paragraphs) == len(seed_article.paragraphs)
    for node, text in zip(paragraphs, seed_article.paragraphs, strict=True):
        badges = node.find_all("span", class_="speaker")
        shown = "".join(p if isinstance(p, str) else "" if p in badges else p.text
                        for p in node.parts)
        assert shown == text
    marks = body.find_all("mark", class_="quote")
    placed = [m.text for m in marks]
    assert len(marks) >= len(seed_article.quotes) - 2
    assert set(placed) <= {q.text for q in seed_article.quotes}
    speakers = {s.text for s in body.find_all("span", class_="speaker")}
    assert speakers and speakers <= {q.speaker for q in seed_article.quotes}
    caption = section.find("figcaption")
    assert seed_article.photo.caption in caption.text
    assert seed_article.photo.credit in caption.text
    assert section.find("img").attrs["src"] == "thread/photo.jpg"


def test_episode_section_has_player_chapters_transcript_and_the_fallback_warning(
        seed_page, seed_dir):
    episode = load_json(seed_dir / "audio" / "episode.json")
    chapters = load_json(seed_dir / "audio" / "chapters.json")["chapters"]
    section = seed_page.find("section", id="episode")
    audio = section.find("audio")
    assert audio.attrs["src"] == "audio/episode.mp3"
    assert float(audio.attrs["data-duration"]) == episode["duration_s"]
    track = audio.find("track")
    assert track.attrs["kind"] == "captions" and track.attrs["src"].startswith("data:text/vtt")
    buttons = section.find("ol", id="chapters").find_all("button")
    assert [float(b.attrs["data-seek"]) for b in buttons] == [c["startTime"] for c in chapters]
    assert len(section.find("ol", id="transcript").find_all("li")) == len(chapters)
    warning = section.find("p", id="fallback-warning")
    assert warning is not None and episode["fallback_reason"] in warning.text
    assert "espeak" in section.find("dd", class_="engine").text
    assert "LUFS" in section.text


def test_no_warning_when_the_episode_used_the_voice_asked_for(tmp_path, seed_article):
    slug_dir = tmp_path / seed_article.slug
    short_episode(seed_article, slug_dir, fallback=False)
    write_page(seed_article, slug_dir)
    page = parse_page(slug_dir / "index.html")
    assert page.find("audio") is not None
    assert page.find("p", id="fallback-warning") is None


def test_cards_section_lists_every_card_and_size(seed_page, seed_dir):
    cards = load_json(seed_dir / "cards" / "cards.json")["cards"]
    figures = seed_page.find("section", id="cards").find_all("figure", class_="card")
    assert len(figures) == len(cards) >= 4
    assert {f.attrs["data-size"] for f in figures} == {"square", "story"}
    for figure, card in zip(figures, cards, strict=True):
        img = figure.find("img")
        assert img.attrs["src"] == f"cards/{card['file']}"
        assert img.attrs["alt"] == card["alt_text"]
        assert card["speaker"] in figure.text
        link = figure.find("a", class_="action")
        assert link.attrs["href"] == img.attrs["src"] and "download" in link.attrs


def test_threads_show_every_post_with_the_count_of_repackage_count(seed_page, seed_dir):
    thread = load_json(seed_dir / "thread" / "thread.json")["platforms"]
    section = seed_page.find("section", id="threads")
    tabs = section.find_all("button", role="tab")
    assert [t.attrs["id"] for t in tabs] == [f"tab-{name}" for name in thread]
    for name, entry in thread.items():
        panel = section.find("div", id=f"panel-{name}")
        posts = panel.find_all("article", class_="post")
        assert len(posts) == len(entry["posts"])
        for node, post in zip(posts, entry["posts"], strict=True):
            assert textarea_value(node.find("textarea")) == post["text"]
            expected = measure(post["text"], get_platform(name))
            assert int(node.find("span", class_="count").attrs["data-length"]) == expected.length
            assert len(node.find_all("img")) == len(post["media"])
        assert panel.find("button", class_="copy-thread") and panel.find(
            "button", class_="download-thread")
    data = json.loads(seed_page.find("script", id="preview-data").text)
    assert set(data["platforms"]) == set(thread)
    assert data["twitter_config"]["version"] == 3


def test_dropped_lines_are_folded_below_the_body(tmp_path, seed_article):
    @dataclasses.dataclass(frozen=True)
    class Dropped:
        text: str
        why: str
        line: int | None = None

    class WithDropped:
        dropped = (Dropped("اشترك في النشرة البريدية", "chrome", 3),
                   Dropped("تابعونا على", "menu", 5))

        def __getattr__(self, name):
            return getattr(seed_article, name)

    write_page(WithDropped(), tmp_path)
    details = parse_page(tmp_path / "index.html").find("details", id="dropped")
    items = details.find_all("li")
    assert [i.text for i in items] == ["اشترك في النشرة البريدية" + "chrome", "تابعونا على" + "menu"]
    assert "(2)" in details.find("summary").text and "open" not in details.attrs


def test_article_text_is_escaped_everywhere(tmp_path, seed_article):
    evil = "<script>alert('x')</script><img src=x onerror=alert(1)>"
    article = dataclasses.replace(
        seed_article, title=f"عنوان {evil}", byline=evil,
        paragraphs=(f"فقرة {evil} وقال: «{evil}»", *seed_article.paragraphs[1:]),
        quotes=(Quote(text=evil, speaker=evil, paragraph=0),),
    )
    slug_dir = tmp_path / article.slug
    short_episode(article, slug_dir)
    write_page(article, slug_dir)
    html = (slug_dir / "index.html").read_text("utf-8")
    page = parse_page(html)
    scripts = page.find_all("script")
    assert len(scripts) == 3 - 1  # the data and the page's script (no posts: no twitter-text)
    assert all("alert" not in s.text for s in scripts if s.attrs.get("id") != "preview-data")
    assert not [n for n in page.iter() if "onerror" in n.attrs]
    assert page.find("h1").text == f"عنوان {evil}"
    assert page.find("mark", class_="quote").text == evil
    assert "&lt;script&gt;alert" in html


def test_batch_index_links_every_article_with_its_status_and_the_feed(tmp_path, seed_dir):
    out = seed_dir.parent
    (out / "feed.xml").write_text("<rss/>", "utf-8")
    half = out / "half-done"
    half.mkdir(exist_ok=True)
    (half / "manifest.json").write_text(json.dumps({"title": "خبر لم يكتمل", "complete": False}),
                                        "utf-8")
    try:
        result = write_index(out, [{"input": "in/broken.txt", "slug": None,
                                    "reason": "in/broken.txt: not UTF-8 text"}])
        page = parse_page(out / "index.html")
    finally:
        (out / "feed.xml").unlink()
        (half / "manifest.json").unlink()
        half.rmdir()
    assert result["articles"] == 3
    rows = {r.attrs["data-slug"]: r for r in page.find_all("tr") if "data-slug" in r.attrs}
    assert rows[seed_dir.name].find("a").attrs["href"] == f"{seed_dir.name}/index.html"
    assert rows["half-done"].attrs["data-status"] == "incomplete"
    assert rows[""].attrs["data-status"] == "failed" and "not UTF-8" in rows[""].text
    assert page.find("a", href="feed.xml") is not None


def test_preview_command_lists_a_batch_and_writes_its_index(seed_dir):
    out = seed_dir.parent
    result = CliRunner(mix_stderr=False).invoke(cli, ["preview", str(out)])
    assert result.exit_code == 0, result.stderr
    assert str(seed_dir / "index.html") in result.stdout
    assert seed_dir.name in result.stdout and "ready" not in result.stdout.split(seed_dir.name)[0]
    assert (out / "index.html").is_file()
    again = CliRunner(mix_stderr=False).invoke(cli, ["preview", str(seed_dir), "--json"])
    assert again.exit_code == 0, again.stderr
    assert json.loads(again.stdout)["pages"][0]["written"] is False


def test_preview_command_of_an_article_file_writes_into_out(tmp_path, seed_path):
    out = tmp_path / "out"
    result = CliRunner(mix_stderr=False).invoke(cli, ["preview", str(seed_path), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    slug = load_article(seed_path).slug
    page = parse_page(out / slug / "index.html")
    assert page.find("h1").text == load_article(seed_path).title
    assert page.find("section", id="episode") is None  # nothing made yet: article only


def test_preview_command_refuses_a_folder_with_no_results(tmp_path):
    result = CliRunner(mix_stderr=False).invoke(cli, ["preview", str(tmp_path)])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "article.json" in result.stderr
    assert not (tmp_path / "index.html").exists()


def test_an_edited_draft_is_counted_again_and_an_unedited_one_reuses_the_thread_counts(
        tmp_path, seed_dir, seed_article):
    import shutil
    import subprocess
    import sys

    slug_dir = tmp_path / seed_dir.name
    shutil.copytree(seed_dir, slug_dir)
    (slug_dir / "index.html").unlink()
    # a fresh process, as `repackage preview` is: unedited drafts need no twitter-text
    probe = (
        "import sys; from pathlib import Path;"
        "from repackage.ingest import load_article; from repackage.preview import write_page;"
        f"d = Path({str(slug_dir)!r}); write_page(load_article(d / 'article.json'), d);"
        "print('twitter_text' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"
    assert (slug_dir / "index.html").is_file()

    draft = slug_dir / "thread" / "x.md"
    first = load_json(slug_dir / "thread" / "thread.json")["platforms"]["x"]["posts"][0]["text"]
    edited = first + " " + "🇸🇦" * 3 + " https://example.com/" + "ق" * 40
    draft.write_text(draft.read_text("utf-8").replace(first, edited, 1), "utf-8")
    write_page(seed_article, slug_dir)
    post = parse_page(slug_dir / "index.html").find("div", id="panel-x").find(
        "article", class_="post")
    assert textarea_value(post.find("textarea")) == edited
    expected = measure(edited, get_platform("x"))
    assert int(post.find("span", class_="count").attrs["data-length"]) == expected.length
    assert expected.length != len(edited)


def test_a_title_made_from_the_lead_is_flagged_under_the_headline(tmp_path, seed_article):
    for source, flagged in (("lead", True), ("page", False), ("user", False)):
        article = dataclasses.replace(seed_article, title_from=source)
        slug_dir = tmp_path / source / article.slug
        slug_dir.mkdir(parents=True)
        write_page(article, slug_dir)
        page = parse_page((slug_dir / "index.html").read_text("utf-8"))
        assert (page.find(id="title-note") is not None) == flagged, source
