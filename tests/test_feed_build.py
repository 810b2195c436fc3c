"""The podcast feed from episode folders: two independent readers, the namespaces' required
elements, stable guids, nothing rewritten when nothing changed, and refusals."""

from __future__ import annotations

import io
import uuid
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from feed_helpers import PODCAST_NS, make_episode, read_feedparser, read_podcastparser
from lxml import etree
from PIL import Image, ImageOps

from repackage.errors import ConfigError, InputError
from repackage.feed import write_feed
from repackage.feed.show import PODCAST_NAMESPACE, podcast_guid

BASE = "https://example.org/podcast/"
ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
NS = {"itunes": ITUNES, "podcast": PODCAST_NS, "atom": "http://www.w3.org/2005/Atom"}

EPISODES = [
    # slug, title, lead, published
    ("older", "افتتاح محطة لتحلية المياه", "افتتحت البلدية محطة جديدة لتحلية مياه البحر.",
     "2026-03-10"),
    ("newer", "وزير المالية: الميزانية <المعدلة> & الضرائب", "قال وزير المالية إن الميزانية "
     "المعدلة تخفض العجز بنسبة 3% هذا العام (تقرير IMF).", "2026-03-12"),
    ("middle", "مهرجان الكتاب يعود إلى العاصمة", "يعود مهرجان الكتاب بعد غياب عامين.",
     "2026-03-11T09:30:00+03:00"),
]


@pytest.fixture
def out(tmp_path: Path) -> Path:
    root = tmp_path / "out"
    for i, (slug, title, lead, published) in enumerate(EPISODES):
        make_episode(root, slug, title, lead, published=published, duration=60.4 + 100 * i)
    return root


def _local(out: Path, url: str) -> Path:
    assert url.startswith(BASE), url
    return out / url[len(BASE):]


def test_both_readers_see_every_episode_with_true_links(out: Path):
    result = write_feed(out, BASE)
    data = (out / "feed.xml").read_bytes()
    assert result["items"] == 3 and result["written"]

    expected = ["newer", "middle", "older"]  # newest first
    titles = {slug: title for slug, title, _, _ in EPISODES}
    durations = {"older": 60, "newer": 160, "middle": 260}
    guids = {e["slug"]: e["guid"] for e in result["episodes"]}

    fp = read_feedparser(data)
    assert not fp.bozo, fp.get("bozo_exception")
    assert [e.title for e in fp.entries] == [titles[s] for s in expected]
    pp = read_podcastparser(data, BASE + "feed.xml")
    assert [e["title"] for e in pp["episodes"]] == [titles[s] for s in expected]

    for slug, f_entry, p_entry in zip(expected, fp.entries, pp["episodes"], strict=True):
        mp3 = out / slug / "audio" / "episode.mp3"
        (enc,) = [link for link in f_entry.links if link.rel == "enclosure"]
        assert enc.href == f"{BASE}{slug}/audio/episode.mp3"
        assert int(enc.length) == mp3.stat().st_size and enc.type == "audio/mpeg"
        (penc,) = p_entry["enclosures"]
        assert penc == {"url": enc.href, "file_size": mp3.stat().st_size,
                        "mime_type": "audio/mpeg"}
        assert _local(out, penc["url"]).read_bytes() == mp3.read_bytes()

        assert f_entry.id == p_entry["guid"] == guids[slug]
        assert f_entry.guidislink is False
        assert p_entry["total_time"] == durations[slug]
        h, m, s = map(int, f_entry.itunes_duration.split(":"))
        assert h * 3600 + m * 60 + s == durations[slug]

        chapters = f"{BASE}{slug}/audio/chapters.json"
        assert f_entry.podcast_chapters["url"] == p_entry["chapters_json_url"] == chapters
        assert f_entry.podcast_chapters["type"] == "application/json+chapters"
        # both readers keep one transcript per item: the WebVTT, written last
        vtt = f"{BASE}{slug}/audio/episode.vtt"
        assert f_entry.podcast_transcript["url"] == p_entry["transcript_url"] == vtt
        assert f_entry.podcast_transcript["type"] == "text/vtt"
        for url in (chapters, vtt, vtt.replace(".vtt", ".srt")):
            assert _local(out, url).is_file()

    assert pp["title"] == fp.feed.title == "الخبر المسموع"
    assert pp["language"] == "ar" and pp["itunes_categories"] == [["News", "Daily News"]]
    assert pp["explicit"] is False and pp["import_prohibited"] is True
    assert pp["itunes_owner"]["email"] == "podcast@example.org"
    assert pp["cover_url"] == BASE + "cover.jpg"


def test_feed_has_every_required_element_of_its_namespaces(out: Path):
    write_feed(out, BASE)
    root = etree.fromstring((out / "feed.xml").read_bytes())
    assert root.tag == "rss" and root.get("version") == "2.0"
    assert root.nsmap["itunes"] == ITUNES and root.nsmap["podcast"] == PODCAST_NS
    (channel,) = root.findall("channel")

    def one(parent, path: str):
        found = parent.findall(path, NS)
        assert len(found) == 1, f"{path}: {len(found)} found"
        return found[0]

    for tag in ("title", "link", "description", "language"):  # RSS 2.0 (+ Apple: language)
        assert one(channel, tag).text.strip()
    assert one(channel, "language").text == "ar"
    assert one(channel, "atom:link").get("href") == BASE + "feed.xml"
    # Apple: show art, category, explicit, author, owner e-mail
    art = one(channel, "itunes:image").get("href")
    assert art == BASE + "cover.jpg"
    with Image.open(_local(out, art)) as img:
        assert img.format == "JPEG" and img.size == (3000, 3000)
    assert _local(out, art).stat().st_size <= 512 * 1024
    category = one(channel, "itunes:category")
    assert category.get("text") == "News"
    assert one(category, "itunes:category").get("text") == "Daily News"
    assert one(channel, "itunes:explicit").text in ("true", "false")
    assert one(channel, "itunes:author").text
    assert "@" in one(channel, "itunes:owner/itunes:email").text
    # Podcasting 2.0: guid is UUIDv5 of the feed URL without its scheme; locked yes/no
    guid = one(channel, "podcast:guid").text
    assert uuid.UUID(guid).version == 5
    assert guid == str(uuid.uuid5(PODCAST_NAMESPACE, "example.org/podcast/feed.xml"))
    locked = one(channel, "podcast:locked")
    assert locked.text in ("yes", "no") and locked.get("owner") == "podcast@example.org"

    items = channel.findall("item")
    assert len(items) == 3
    for item in items:
        assert one(item, "title").text and one(item, "description").text
        assert one(item, "guid").get("isPermaLink") == "false"
        assert parsedate_to_datetime(one(item, "pubDate").text).tzinfo is not None
        enc = one(item, "enclosure")
        assert enc.get("type") == "audio/mpeg" and int(enc.get("length")) > 0
        assert _local(out, enc.get("url")).stat().st_size == int(enc.get("length"))
        assert one(item, "itunes:duration").text.count(":") == 2
        transcripts = {t.get("type"): t for t in item.findall("podcast:transcript", NS)}
        assert set(transcripts) == {"text/vtt", "application/x-subrip"}
        for t in transcripts.values():
            assert t.get("language") == "ar" and _local(out, t.get("url")).is_file()
        assert one(item, "podcast:chapters").get("type") == "application/json+chapters"


def test_podcast_guid_matches_the_specification_example():
    # the example of the Podcasting 2.0 namespace document
    assert podcast_guid("https://mp3s.nashownotes.com/pc20rss.xml") == \
        "917393e3-1b1e-5cef-ace4-edaa54e1f810"


def test_arabic_is_escaped_and_kept_in_logical_order(out: Path):
    write_feed(out, BASE)
    raw = (out / "feed.xml").read_bytes()
    text = raw.decode("utf-8")
    assert "&lt;المعدلة&gt; &amp; الضرائب" in text
    assert EPISODES[1][2].encode("utf-8") in raw  # the lead as stored, character for character
    assert not any(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF for c in text)
    assert "\u202e" not in text and "\u200f" not in text


def test_dates_are_rfc2822_from_the_article_else_the_episode(out: Path):
    make_episode(out, "undated", "خبر بلا تاريخ", "خبر لم يذكر تاريخ نشره.", published=None)
    mp3 = out / "undated" / "audio" / "episode.mp3"
    write_feed(out, BASE)
    fp = read_feedparser((out / "feed.xml").read_bytes())
    dates = {e.links[0].href.split("/")[-3]: e.published for e in fp.entries}
    assert dates["older"] == "Tue, 10 Mar 2026 00:00:00 +0000"
    assert dates["middle"] == "Wed, 11 Mar 2026 09:30:00 +0300"
    made = parsedate_to_datetime(dates["undated"]).timestamp()
    assert abs(made - mp3.stat().st_mtime) < 1
    # the undated episode was made now: it is the newest
    assert fp.entries[0].title == "خبر بلا تاريخ"


@pytest.mark.parametrize("published", ["1970-01-01", "2999-05-01"])
def test_impossible_publication_dates_give_way_to_the_episodes(out: Path, published: str):
    make_episode(out, "odd", "خبر بتاريخ غير معقول", "مقدمة.", published=published)
    mp3 = out / "odd" / "audio" / "episode.mp3"
    (entry,) = [e for e in write_feed(out, BASE)["episodes"] if e["slug"] == "odd"]
    fp = read_feedparser((out / "feed.xml").read_bytes())
    (item,) = [e for e in fp.entries if e.id == entry["guid"]]
    assert abs(parsedate_to_datetime(item.published).timestamp() - mp3.stat().st_mtime) < 1


def _stamps(out: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(out)): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted(out.rglob("*")) if p.is_file()}


def test_rerun_with_nothing_changed_rewrites_nothing(out: Path):
    first = write_feed(out, BASE)
    before = _stamps(out)
    again = write_feed(out, BASE)
    assert not again["written"] and not again["image_written"] and again["new_items"] == 0
    assert _stamps(out) == before
    assert [e["guid"] for e in again["episodes"]] == [e["guid"] for e in first["episodes"]]


def test_rerendered_episode_keeps_its_guid_and_states_its_new_length(out: Path):
    first = {e["slug"]: e for e in write_feed(out, BASE)["episodes"]}
    # the article is edited and the episode rendered again: new audio, new input digest
    make_episode(out, "older", "افتتاح محطة لتحلية المياه", "نص معدل للمقدمة بعد التصحيح.",
                 published="2026-03-10", body=b"longer audio" * 100)
    again = {e["slug"]: e for e in write_feed(out, BASE)["episodes"]}
    assert again["older"]["guid"] == first["older"]["guid"]
    assert again["older"]["length"] == (out / "older/audio/episode.mp3").stat().st_size
    assert again["older"]["length"] != first["older"]["length"]


def test_adding_an_article_adds_exactly_one_item(out: Path):
    first = write_feed(out, BASE)
    make_episode(out, "added", "خبر جديد", "خبر أضيف بعد نشر الخلاصة.", published="2026-03-13")
    again = write_feed(out, BASE)
    assert again["items"] == first["items"] + 1 and again["new_items"] == 1
    old = {e["slug"]: e["guid"] for e in first["episodes"]}
    new = {e["slug"]: e["guid"] for e in again["episodes"]}
    assert {s: g for s, g in new.items() if s != "added"} == old
    pp = read_podcastparser((out / "feed.xml").read_bytes(), BASE + "feed.xml")
    assert [e["title"] for e in pp["episodes"]][0] == "خبر جديد"
    assert len({e["guid"] for e in pp["episodes"]}) == 4


@pytest.mark.parametrize("url", ["ftp://example.org/p/", "example.org/p/", "https://",
                                 "file:///srv/podcast/", "https://example.org/p/?x=1"])
def test_base_url_must_be_http(out: Path, url: str):
    with pytest.raises(ConfigError, match="http"):
        write_feed(out, url)
    assert not (out / "feed.xml").exists() and not (out / "cover.jpg").exists()


def test_out_without_episodes_is_refused(tmp_path: Path):
    (tmp_path / "only-cards" / "cards").mkdir(parents=True)
    with pytest.raises(InputError, match="no episodes"):
        write_feed(tmp_path, BASE)
    with pytest.raises(InputError, match="no episodes"):
        write_feed(tmp_path / "missing", BASE)
    assert list(tmp_path.rglob("*.xml")) == []


@pytest.mark.parametrize("damage", ["append", "same-size", "delete"])
def test_episode_changed_since_episode_json_is_refused(out: Path, damage: str):
    write_feed(out, BASE)
    before = _stamps(out)
    make_episode(out, "late", "خبر متأخر", "خبر لم تنشره الخلاصة بعد.")
    mp3 = out / "middle" / "audio" / "episode.mp3"
    if damage == "append":
        mp3.write_bytes(mp3.read_bytes() + b"\x00" * 10)
    elif damage == "same-size":
        data = bytearray(mp3.read_bytes())
        data[-1] ^= 0xFF
        mp3.write_bytes(bytes(data))
    else:
        (out / "middle" / "audio" / "episode.vtt").unlink()
    with pytest.raises(InputError, match="middle") as info:
        write_feed(out, BASE)
    assert "\n" not in str(info.value)
    after = _stamps(out)
    assert after["feed.xml"] == before["feed.xml"]
    assert not (out / "late" / "feed-item.json").exists()  # nothing written


def test_old_episode_json_without_digests_trusts_files_not_modified_after_it(out: Path):
    import json
    import os

    summary_path = out / "older" / "audio" / "episode.json"
    summary = json.loads(summary_path.read_text("utf-8"))
    del summary["file_digests"]
    summary_path.write_text(json.dumps(summary), "utf-8")
    write_feed(out, BASE)
    mp3 = out / "older" / "audio" / "episode.mp3"
    later = summary_path.stat().st_mtime_ns + 5_000_000_000
    os.utime(mp3, ns=(later, later))
    with pytest.raises(InputError, match="modified after episode.json"):
        write_feed(out, BASE)


def test_a_show_file_overrides_the_template(out: Path, tmp_path: Path):
    art = tmp_path / "art.png"
    Image.new("RGB", (1400, 1400), "#335577").save(art)
    show = tmp_path / "my-show.toml"
    show.write_text('[show]\nauthor = "غرفة الأخبار"\n[feed]\ntitle = "نشرة الصباح"\n'
                    'explicit = true\nimage = "art.png"\nowner_email = "desk@example.net"\n'
                    'locked = false\ncategory = "News"\nsubcategory = "Politics"\n', "utf-8")
    write_feed(out, BASE, show_file=show)
    pp = read_podcastparser((out / "feed.xml").read_bytes(), BASE + "feed.xml")
    assert pp["title"] == "نشرة الصباح" and pp["itunes_author"] == "غرفة الأخبار"
    assert pp["explicit"] is True and pp["import_prohibited"] is False
    assert pp["cover_url"] == BASE + "cover.png"
    assert (out / "cover.png").read_bytes() == art.read_bytes()
    assert pp["itunes_categories"] == [["News", "Politics"]]
    assert pp["itunes_owner"]["email"] == "desk@example.net"


@pytest.mark.parametrize("body, message", [
    ('[feed]\nimage = "wide.png"\n', "square"),
    ('[feed]\nimage = "print.jpg"\n', "CMYK"),
    ('[feed]\nimage = "missing.jpg"\n', "cannot be read"),
    ('[feed]\nowner_email = "nobody"\n', "e-mail"),
    ('[feed]\nexplicit = "maybe"\n', "true or false"),
    ("[feed\n", "TOML"),
])
def test_bad_show_files_are_refused(out: Path, tmp_path: Path, body: str, message: str):
    Image.new("RGB", (3000, 1500)).save(tmp_path / "wide.png")
    Image.new("CMYK", (1400, 1400)).save(tmp_path / "print.jpg")
    show = tmp_path / "bad.toml"
    show.write_text(body, "utf-8")
    with pytest.raises(ConfigError, match=message):
        write_feed(out, BASE, show_file=show)
    assert not (out / "feed.xml").exists()


def test_drawn_cover_is_square_and_small(out: Path):
    write_feed(out, BASE)
    data = (out / "cover.jpg").read_bytes()
    assert len(data) <= 512 * 1024
    with Image.open(io.BytesIO(data)) as img:
        assert img.size == (3000, 3000) and img.mode == "RGB"


def _ocr(image: Image.Image) -> str:
    import os
    import subprocess

    buf = io.BytesIO()
    image.save(buf, "PNG")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    out = subprocess.run(["tesseract", "stdin", "stdout", "-l", "ara", "--psm", "6"],
                         input=buf.getvalue(), capture_output=True, check=True, env=env)
    return out.stdout.decode("utf-8")


def test_drawn_cover_reads_back_as_the_shows_name():
    import difflib

    from repackage.feed.cover import draw_cover
    from repackage.text.arabic import fold

    name = "نشرة أخبار المساء"
    with Image.open(io.BytesIO(draw_cover(name).data)) as img:
        small = img.convert("L").resize((1000, 1000))
    # the name sits above the rule; Tesseract reads dark text on light

    read = _ocr(ImageOps.invert(small.crop((0, 250, 1000, 520))))
    score = difflib.SequenceMatcher(None, fold(name), fold(read)).ratio()
    assert score >= 0.9, read
    wrong = difflib.SequenceMatcher(None, fold(name[::-1]), fold(read)).ratio()
    assert wrong < 0.5


def test_runs_refresh_the_feed_when_the_show_template_names_a_base_url(out: Path, tmp_path: Path,
                                                                       monkeypatch):
    from repackage.feed import show as show_module
    from repackage.pipeline.batch import refresh_feed
    from repackage.resources import template

    assert refresh_feed(str(out), None) is None  # the shipped template names none
    assert not (out / "feed.xml").exists()
    shipped = template("show.toml").read_text("utf-8")
    mine = tmp_path / "templates" / "show.toml"
    mine.parent.mkdir()
    mine.write_text(shipped.replace('base_url = ""', 'base_url = "https://cdn.example.net/n"'),
                    "utf-8")
    monkeypatch.setattr(show_module, "template", lambda name: mine.parent / name)
    result = refresh_feed(str(out), None)
    assert result["ok"] and result["url"] == "https://cdn.example.net/n/feed.xml"
    pp = read_podcastparser((out / "feed.xml").read_bytes(), result["url"])
    assert pp["episodes"][0]["enclosures"][0]["url"].startswith("https://cdn.example.net/n/")
    # an explicit base URL wins over the template's
    assert refresh_feed(str(out), BASE)["url"] == BASE + "feed.xml"
    failed = refresh_feed(str(tmp_path / "empty"), None)
    assert failed["ok"] is False and "no episodes" in failed["reason"]
