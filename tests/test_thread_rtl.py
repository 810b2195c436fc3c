"""Right-to-left safety and hashtags."""

from __future__ import annotations

import unicodedata

from repackage.model import Article, InputInfo, Quote
from repackage.thread.hashtags import article_hashtags, hashtag
from repackage.thread.rtl import (
    ALM,
    FSI,
    PDI,
    RLM,
    append_counter,
    first_strong,
    isolate_latin,
    needs_rlm,
    rtl_lines,
    start_rtl,
    tidy_commas,
)


def test_a_line_starting_with_latin_or_a_digit_gets_rlm():
    assert start_rtl("CAP تقول") == RLM + "CAP تقول"
    assert start_rtl("2024 عام") == RLM + "2024 عام"
    assert start_rtl("«Hello» قال") == RLM + "«Hello» قال"
    assert start_rtl("قال CAP") == "قال CAP"
    assert start_rtl(RLM + "CAP") == RLM + "CAP"
    assert first_strong(start_rtl("Putin قال")) == "R"


def test_an_isolated_latin_start_still_gets_rlm_for_older_renderers():
    line = f"{FSI}Putin{PDI} قال"
    assert first_strong(line) == "AL"  # the bidi algorithm skips the isolate
    assert needs_rlm(line)
    assert start_rtl(line).startswith(RLM)


def test_rlm_is_never_glued_to_a_leading_url_or_tag():
    assert start_rtl("https://example.org اقرأ") == f"{RLM} https://example.org اقرأ"
    assert start_rtl("#Tajikistan طاجيكستان") == f"{RLM} #Tajikistan طاجيكستان"


def test_every_line_is_its_own_paragraph():
    text = rtl_lines("عنوان\nCAP news\n\n2024")
    for line in filter(None, text.split("\n")):
        assert unicodedata.bidirectional(line[0]) in ("R", "AL")


def test_latin_runs_are_isolated_but_urls_and_tags_are_not():
    text = isolate_latin("قال Vladimir Putin إن https://example.org/Path و #Tag مهمة")
    assert f"{FSI}Vladimir Putin{PDI}" in text
    assert "https://example.org/Path" in text and f"{FSI}Path" not in text
    assert "#Tag" in text and f"{FSI}Tag" not in text
    assert isolate_latin("نص عربي فقط 2024") == "نص عربي فقط 2024"


def test_without_alm_a_counter_would_stick_to_the_url():
    from bidi.algorithm import get_display

    line = "اقرأ https://example.org"
    assert get_display(f"{line} 3/5", base_dir="R").startswith("https://example.org 3/5")
    assert get_display(append_counter(line, "3/5"), base_dir="R").startswith("3/5")


def test_counter_follows_url_space_alm():
    assert append_counter("اقرأ https://example.org", "٣/٥") == f"اقرأ https://example.org {ALM}٣/٥"
    assert append_counter("نص", "") == "نص"


def test_commas_are_tidied_but_never_glued_to_links():
    assert tidy_commas("رحمان ، وفقا") == "رحمان، وفقا"
    assert tidy_commas("https://example.org ، ثم") == "https://example.org ، ثم"
    assert tidy_commas("https://example.org، ثم") == "https://example.org ، ثم"
    assert tidy_commas("#وسم، ثم") == "#وسم ، ثم"


def test_hashtag_words_joined_without_harakat_or_tatweel():
    assert hashtag("شي جين بينغ") == "#شي_جين_بينغ"
    assert hashtag("مُحَمَّـد علي") == "#محمد_علي"
    assert hashtag("منظمة شانغهاي، للتعاون") == "#منظمة_شانغهاي_للتعاون"
    assert hashtag("2024") is None
    assert hashtag("…") is None


def _article(title: str, paragraphs: list[str], quotes=()) -> Article:
    return Article(slug="t", title=title, paragraphs=tuple(paragraphs),
                   input=InputInfo(path="t.txt", sha256="0", encoding="utf-8"),
                   quotes=tuple(quotes))


def test_article_hashtags_pick_speakers_and_recurring_headline_places():
    art = _article(
        "الرئيس يزور لطاجيكستان",
        ["وصل الرئيس إلى طاجيكستان.", "قال إن طاجيكستان شريك.", "وفي طاجيكستان رحب به."],
        [Quote(text="نص", speaker="شي جين بينغ", as_written="شي")],
    )
    tags = article_hashtags(art)
    assert tags[0] == "#شي_جين_بينغ"
    assert "#طاجيكستان" in tags
    assert all(" " not in t and t.startswith("#") for t in tags)


def test_a_particle_with_a_conjunction_glued_on_is_no_hashtag():
    art = _article(
        "لا حاجة لاستيراد شيء ولا خوف على السودان",
        ["ولا أحد يعرف ما يجري في السودان.", "ولا يريد السودان شيئا.", "ولا حل في السودان بلا حوار."],
    )
    tags = article_hashtags(art)
    assert "#ولا" not in tags and "#لا" not in tags
    assert "#السودان" in tags
