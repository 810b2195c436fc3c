"""Episode script planning (pure) and the rule for keeping a producer's edits."""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter

import pytest

from repackage.audio.episode import settle_script
from repackage.audio.script import (
    plan_script,
    quote_text,
    read_script,
    script_from_dict,
    script_markdown,
)
from repackage.audio.show import load_show
from repackage.errors import ConfigError, InputError
from repackage.text.arabic import normalize


@pytest.fixture(scope="module")
def show():
    return load_show()


def test_seed_script_shape(seed_article, show):
    script = plan_script(seed_article, show)
    kinds = [s.kind for s in script.segments]
    assert kinds[0] == "intro" and kinds[1] == "headline"
    assert kinds[-2:] == ["credits", "outro"]
    body = kinds[2:-2]
    assert len(body) == len(seed_article.paragraphs) == 14
    assert body.count("quote") == 4
    ids = [s.id for s in script.segments]
    assert len(set(ids)) == len(ids)
    assert show.name in script.segments[0].text
    assert seed_article.title.replace('"', "") in script.segments[1].text.replace('"', "")
    assert all(s.pause_ms >= 0 and s.text for s in script.segments)


def test_quotes_are_introduced_with_their_speaker(seed_article, show):
    script = plan_script(seed_article, show)
    quotes = [s for s in script.segments if s.kind == "quote"]
    # the quote whose attribution follows it in print is voiced speaker first, as printed
    first = quotes[0].text
    assert first.startswith("قال شي لنظيره الطاجيكي")
    assert first.index("قال شي") < first.index("ستواصل الصين")
    for seg in quotes:
        assert "قال" in seg.text.split(":")[0]
        assert seg.title.startswith("شي جين بينغ")


def _words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text))


def test_reported_speech_keeps_its_grammar():
    from repackage.model import Quote

    para = 'قال الرئيس إن البلاد "بدون شركائها ستكون في خطر" في كلمة أمس.'
    quote = Quote(text="بدون شركائها ستكون في خطر", speaker="الرئيس", paragraph=0)
    spoken = quote_text(para, quote, load_show(), first_mention=True)
    assert ":" not in spoken and spoken.startswith("قال الرئيس إن البلاد")
    direct = 'وقال الرئيس "سنعمل معا" أمام البرلمان.'
    quote = Quote(text="سنعمل معا", speaker="الرئيس", paragraph=0)
    assert quote_text(direct, quote, load_show(), first_mention=True) == (
        'وقال الرئيس: سنعمل معا" أمام البرلمان.')


def test_every_segment_says_its_paragraphs_words_on_the_corpus(shared_dir, show):
    from repackage.ingest import load_article

    pages = sorted((shared_dir / "corpus" / "real").glob("*.txt"))
    assert len(pages) >= 20
    quotes = 0
    for page in pages:
        article = load_article(page)
        paragraphs = [normalize(p) for p in article.paragraphs]
        for seg in plan_script(article, show).segments:
            if seg.kind not in ("paragraph", "quote"):
                continue
            para = paragraphs[int(seg.id[1:]) - 1]
            quotes += seg.kind == "quote"
            assert _words(seg.text) == _words(para), f"{page.name} {seg.id}: {seg.text[:80]}"
    assert quotes >= 10


def test_credits_name_the_publisher(seed_article, show):
    script = plan_script(seed_article, show)
    credits = next(s for s in script.segments if s.kind == "credits")
    assert seed_article.publisher and seed_article.publisher in credits.text


def test_article_without_body_is_a_clear_error(seed_article, show):
    empty = dataclasses.replace(seed_article, paragraphs=("  ",))
    with pytest.raises(InputError, match="no body"):
        plan_script(empty, show)


def test_round_trip_and_markdown(seed_article, show):
    script = plan_script(seed_article, show)
    again = script_from_dict(json.loads(json.dumps(script.to_dict())))
    assert again.segments == script.segments
    assert not again.edited
    md = script_markdown(script)
    assert md.count("\n## ") == len(script.segments)


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["segments"][2].update(kind="song"), "kind"),
    (lambda d: d["segments"][2].update(text="  "), "text"),
    (lambda d: d["segments"][2].update(pause_ms=-5), "pause_ms"),
    (lambda d: d["segments"][3].update(id=d["segments"][2]["id"]), "duplicate"),
    (lambda d: d.update(segments=[]), "no segments"),
])
def test_bad_edits_name_the_segment(seed_article, show, mutate, message):
    d = plan_script(seed_article, show).to_dict()
    mutate(d)
    with pytest.raises(ConfigError, match=message):
        script_from_dict(d, "script.json")


def test_invalid_json_names_the_file(tmp_path):
    p = tmp_path / "script.json"
    p.write_text("{nope", "utf-8")
    with pytest.raises(ConfigError, match="script.json"):
        read_script(p)


def test_script_saved_in_another_encoding_names_the_file(seed_article, show, tmp_path):
    p = tmp_path / "script.json"
    text = json.dumps(plan_script(seed_article, show).to_dict(), ensure_ascii=False)
    p.write_bytes(text.encode("cp1256", "replace"))
    with pytest.raises(ConfigError, match="script.json: not UTF-8"):
        read_script(p)


def test_source_that_is_not_an_object_is_ignored(seed_article, show):
    d = plan_script(seed_article, show).to_dict()
    d["source"] = "x"
    assert script_from_dict(d).segments


def test_edited_script_is_kept_while_the_article_is_unchanged(seed_article, show, tmp_path):
    path = tmp_path / "script.json"
    planned = plan_script(seed_article, show)
    d = planned.to_dict()
    d["segments"][3]["text"] = "نص عدّله المنتج."
    path.write_text(json.dumps(d, ensure_ascii=False), "utf-8")
    script, status = settle_script(plan_script(seed_article, show), path)
    assert status == "edited"
    assert script.segments[3].text == "نص عدّله المنتج."

    changed = dataclasses.replace(seed_article, title="عنوان جديد تماما")
    script, status = settle_script(plan_script(changed, show), path)
    assert status.startswith("replanned")
    assert "عنوان جديد" in script.segments[1].text
    kept = json.loads((tmp_path / "script.prev.json").read_text("utf-8"))
    assert kept["segments"][3]["text"] == "نص عدّله المنتج."


def test_unedited_script_follows_the_planner(seed_article, show, tmp_path):
    path = tmp_path / "script.json"
    stale = dataclasses.replace(plan_script(seed_article, show), planned_sha256="")
    d = stale.to_dict()
    path.write_text(json.dumps(d, ensure_ascii=False), "utf-8")
    script, status = settle_script(plan_script(seed_article, show), path)
    assert status == "planned" and not (tmp_path / "script.prev.json").exists()
