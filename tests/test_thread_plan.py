"""Thread planning on small hand-made articles (pure, no files)."""

from __future__ import annotations

import unicodedata

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from repackage.errors import ConfigError
from repackage.model import Article, InputInfo, Photo, Quote
from repackage.thread.counting import fits, measure
from repackage.thread.plan import CREDIT_LABEL, CardRef, plan_thread
from repackage.thread.platforms import get_platform
from repackage.thread.rtl import FSI, PDI, RLM

MARKS = "\u200e\u200f\u061c\u2066\u2067\u2068\u2069"


def article(paragraphs, *, quotes=(), photo=None, url=None, title="عنوان الخبر") -> Article:
    return Article(slug="t", title=title, paragraphs=tuple(paragraphs),
                   input=InputInfo(path="t.txt", sha256="0", encoding="utf-8"),
                   quotes=tuple(quotes), photo=photo or Photo(), url=url)


def words(text: str) -> list[str]:
    return "".join(c for c in text if c not in MARKS).split()


SENTENCE = "وقالت الوزارة في بيان رسمي إن المحادثات تناولت التعاون الاقتصادي والأمني بين البلدين."


def test_a_paragraph_opening_in_latin_starts_with_rlm_and_names_are_isolated():
    art = article(["CNN قالت إن الاجتماع انتهى.", "وقال Vladimir Putin إن الأمر محسوم."])
    posts = plan_thread(art, get_platform("x"), hashtags=False, full=True).posts
    story = "\n".join(p.text for p in posts[1:-1])
    assert f"{RLM}{FSI}CNN{PDI}" in story
    assert f"{FSI}Vladimir Putin{PDI}" in story


def test_tiny_limit_still_fits_and_keeps_every_word_in_order():
    paragraphs = [" ".join([SENTENCE] * 3), SENTENCE, "قصيرة."]
    art = article(paragraphs)
    mastodon = get_platform("mastodon", mastodon_limit=70)
    plan = plan_thread(art, mastodon, numbering="arabic", hashtags=False, full=True)
    assert len(plan.posts) >= 10  # two-digit counters were reserved
    for post in plan.posts:
        assert fits(post.text, mastodon), post.text
    story = [w for p in plan.posts if p.kind == "story" for w in words(p.text)[:-1]]
    assert story == [w for p in paragraphs for w in p.split()]
    assert words(plan.posts[-1].text)[-1] == f"{len(plan.posts)}/{len(plan.posts)}".translate(
        str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def test_credit_follows_the_photo_into_quote_cards_that_show_it():
    quote = Quote(text="سنواصل العمل معا", speaker="سارة أحمد", as_written="أحمد",
                  role="الوزيرة", paragraph=0)
    art = article(['وقالت أحمد "سنواصل العمل معا" في ختام الزيارة.'], quotes=[quote],
                  photo=Photo(file="/p.jpg", caption="الوزيرة في الزيارة", credit="John Doe / AP"))
    card = CardRef(quote.text, "../cards/q1.png", "بطاقة", shows_photo=True)
    plan = plan_thread(art, get_platform("bluesky"), cards=[card], photo_file="photo.jpg", full=True)
    hook, quote_post = plan.posts[0], plan.posts[1]
    assert f"{CREDIT_LABEL} {FSI}John Doe / AP{PDI}" in hook.text
    assert quote_post.kind == "quote"
    assert "«سنواصل العمل معا»" in quote_post.text
    assert "وقالت سارة أحمد" in quote_post.text  # the short name given in full
    assert CREDIT_LABEL in quote_post.text
    assert [m.file for m in quote_post.media] == ["../cards/q1.png"]


def test_no_photo_no_credit():
    art = article([SENTENCE], photo=Photo(caption="تعليق", credit="رويترز"))
    plan = plan_thread(art, get_platform("x"))
    assert all("رويترز" not in p.text and not p.media for p in plan.posts)


def test_a_quote_missing_from_the_body_still_gets_its_post():
    quote = Quote(text="كلام لم يرد في النص", speaker="علي حسن", role="المتحدث", paragraph=0)
    plan = plan_thread(article([SENTENCE], quotes=[quote]), get_platform("threads"))
    quote_posts = [p for p in plan.posts if p.kind == "quote"]
    assert len(quote_posts) == 1
    assert quote_posts[0].text == "«كلام لم يرد في النص»\n— علي حسن، المتحدث"


def test_alt_text_is_trimmed_to_the_platform_limit():
    quote = Quote(text="نص الاقتباس", speaker="علي", paragraph=0)
    art = article(['قال علي "نص الاقتباس".'], quotes=[quote])
    card = CardRef(quote.text, "../cards/q.png", "وصف طويل " * 400)
    for name in ("x", "bluesky", "mastodon"):
        rules = get_platform(name)
        post = next(p for p in plan_thread(art, rules, cards=[card]).posts if p.media)
        assert len(post.media[0].alt) <= rules.alt_limit
        assert post.media[0].alt.endswith("…")


def test_article_url_is_used_and_counted_as_23_on_x():
    url = "https://example.org/" + "a" * 120
    plan = plan_thread(article([SENTENCE], url=url), get_platform("x"))
    assert url in plan.posts[-1].text
    assert plan.placeholders == ("episode",)
    assert measure(plan.posts[-1].text, get_platform("x")).length < 100


def test_every_line_starts_right_to_left():
    art = article(["2024 كان عاما صعبا.", "NATO و«الناتو» اسم واحد."], title="G7 تجتمع")
    for post in plan_thread(art, get_platform("x"), numbering="western").posts:
        for line in filter(None, post.text.split("\n")):
            first = next(unicodedata.bidirectional(c) for c in line
                         if unicodedata.bidirectional(c) in ("L", "R", "AL"))
            assert first in ("R", "AL"), line


def test_unknown_numbering_is_a_config_error():
    with pytest.raises(ConfigError):
        plan_thread(article([SENTENCE]), get_platform("x"), numbering="roman")


def test_a_shortened_card_is_matched_by_its_place_and_a_missing_credit_goes_in_alt():
    quotes = [Quote(text="أولى العبارات هنا", speaker="علي", paragraph=0),
              Quote(text=" ".join(["كلمة"] * 60), speaker="علي", paragraph=1)]
    art = article(['قال علي "أولى العبارات هنا".', f'وقال علي "{quotes[1].text}".'],
                  quotes=quotes, photo=Photo(file="/p.jpg", credit="وكالة الأنباء"))
    cards = [CardRef("أولى العبارات هنا", "../cards/q1.png", "بطاقة 1", index=1,
                     shows_photo=True, credit_drawn=True),
             CardRef("كلمة كلمة …", "../cards/q2.png", "بطاقة 2", index=2, shows_photo=True)]
    x = get_platform("x")
    posts = [p for p in plan_thread(art, x, cards=cards, photo_file="photo.jpg", full=True).posts
             if p.kind == "quote"]
    assert [m.file for p in posts for m in p.media] == ["../cards/q1.png", "../cards/q2.png"]
    assert CREDIT_LABEL not in posts[0].text  # printed on the card already
    # the long quote leaves no room for the credit line: the alt text carries it
    assert "وكالة الأنباء" not in posts[1].text
    assert "وكالة الأنباء" in posts[1].media[0].alt


def test_the_speaker_named_is_the_mention_nearest_the_quote():
    quote = Quote(text="سنبقى هنا", speaker="علي حسن", as_written="علي", paragraph=0)
    art = article(['التقى إمام علي رحمان الوفد، ثم قال علي "سنبقى هنا".'], quotes=[quote])
    post = next(p for p in plan_thread(art, get_platform("x"), full=True).posts if p.kind == "quote")
    assert "إمام علي رحمان" in post.text
    assert "قال علي حسن «سنبقى هنا»" in post.text


def test_bluesky_declares_the_language():
    plan = plan_thread(article([SENTENCE]), get_platform("bluesky"))
    assert plan.to_dict()["langs"] == ["ar"]
    assert "langs" not in plan_thread(article([SENTENCE]), get_platform("x")).to_dict()


ARABIC_WORD = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي", min_size=1, max_size=9)
OTHER_WORD = st.sampled_from(["CNN", "2024", "https://example.org/x", "#وسم", "١٥٠٠", "G7"])
SENTENCE_ST = st.builds(
    lambda ws, end: " ".join(ws) + end,
    st.lists(st.one_of(ARABIC_WORD, ARABIC_WORD, ARABIC_WORD, OTHER_WORD), min_size=1,
             max_size=40),
    st.sampled_from([".", "؟", "!", "؛", ""]),
)
PARAGRAPH_ST = st.builds(" ".join, st.lists(SENTENCE_ST, min_size=1, max_size=5))


@settings(max_examples=30, deadline=None)
@given(paragraphs=st.lists(PARAGRAPH_ST, min_size=1, max_size=4),
       name=st.sampled_from(["x", "bluesky", "mastodon", "threads"]),
       limit=st.integers(60, 500), numbering=st.sampled_from(["none", "western", "arabic"]))
def test_any_article_plans_within_limits_keeping_its_words(paragraphs, name, limit, numbering):
    rules = get_platform(name, mastodon_limit=limit)
    plan = plan_thread(article(paragraphs), rules, numbering=numbering, hashtags=False, full=True)
    for post in plan.posts:
        assert fits(post.text, rules), (measure(post.text, rules), post.text)
        for line in filter(str.strip, post.text.split("\n")):
            first = next((unicodedata.bidirectional(c) for c in line
                          if unicodedata.bidirectional(c) in ("L", "R", "AL")), "R")
            assert first in ("R", "AL")
    cut = -1 if numbering != "none" else None
    story = [w for p in plan.posts if p.kind == "story" for w in words(p.text)[:cut]]
    # a comma or semicolon glued to a URL or tag is set apart by one space: that is all
    def canon(ws: list[str]) -> list[str]:
        return regex.sub(r" (?=[،؛])", "", " ".join(ws)).split()

    assert canon(story) == canon([w for p in paragraphs for w in p.split()])


@pytest.mark.parametrize("links, needle", [
    ({"article": "example.org/a"}, "not an http(s) URL"),
    ({"episode": "https://exa mple.org"}, "not an http(s) URL"),
    ({"podcast": "https://example.org"}, "unknown link 'podcast'"),
])
def test_bad_links_are_config_errors(links, needle):
    with pytest.raises(ConfigError, match=regex.escape(needle)):
        plan_thread(article([SENTENCE]), get_platform("x"), links=links)
