"""The condensed thread on small hand-made articles (pure, no files)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repackage.errors import ConfigError
from repackage.model import Article, InputInfo, Quote
from repackage.thread.counting import fits
from repackage.thread.plan import plan_thread
from repackage.thread.platforms import get_platform
from repackage.thread.selection import quote_strength

MARKS = "\u200e\u200f\u061c\u2066\u2067\u2068\u2069"


def article(paragraphs, *, quotes=(), title="الحكومة تقر خطة جديدة للمياه في الجنوب") -> Article:
    return Article(slug="t", title=title, paragraphs=tuple(paragraphs),
                   input=InputInfo(path="t.txt", sha256="0", encoding="utf-8"),
                   quotes=tuple(quotes))


def plain(text: str) -> str:
    return " ".join("".join(c for c in text if c not in MARKS).split())


LEAD = ("أقرت الحكومة يوم الأحد خطة جديدة للمياه في محافظات الجنوب بكلفة 300 مليون دينار. "
        "وتشمل الخطة بناء سدود صغيرة.")
BODY = [
    LEAD,
    "وقال وزير المياه سامر الخطيب إن الخطة تبدأ في الربيع المقبل وتستمر خمس سنوات.",
    "وكانت المحافظات الجنوبية قد عانت من جفاف طويل خلال العامين الماضيين.",
    "ويرى خبراء أن الخطة لا تكفي وحدها دون إصلاح شبكات التوزيع القديمة في المدن.",
    "انضم إلى قناتنا",
]


def test_hook_carries_headline_lead_sentence_and_link_then_links_close():
    plan = plan_thread(article(BODY), get_platform("mastodon"), hashtags=False)
    hook = plain(plan.posts[0].text)
    assert hook.startswith("الحكومة تقر خطة جديدة للمياه في الجنوب")
    assert "بكلفة 300 مليون دينار. …" in hook  # the lead goes on after its key sentence
    assert "[رابط المقال]" in hook
    assert plan.posts[-1].kind == "links" and "[رابط الحلقة]" in plan.posts[-1].text


def test_facts_are_the_articles_sentences_in_order_and_never_a_prompt():
    plan = plan_thread(article(BODY), get_platform("x"), hashtags=False)
    facts = [plain(p.text) for p in plan.posts if p.kind == "fact"]
    assert facts, "the body has facts worth posting"
    whole = " ".join(BODY)
    positions = [whole.find(f.removesuffix(" …")) for f in facts]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    assert not any("قناتنا" in p.text for p in plan.posts)


def test_max_posts_bounds_the_thread_and_the_strongest_quotes_win():
    long_quote = "سنعمل مع جميع الشركاء من أجل أن تصل المياه إلى كل بيت في الجنوب قبل الصيف"
    quotes = [Quote(text="نعم", paragraph=1, speaker=None),
              Quote(text=long_quote, paragraph=1, speaker="سامر الخطيب", role="وزير المياه"),
              Quote(text="الخطة لا تكفي وحدها", paragraph=3, speaker="خبير")]
    paragraphs = [LEAD, f'وقال الخطيب "{long_quote}" ثم قال "نعم".',
                  BODY[2], 'وقال خبير إن "الخطة لا تكفي وحدها" دون إصلاح الشبكات.']
    plan = plan_thread(article(paragraphs, quotes=quotes), get_platform("x"), max_posts=4,
                       hashtags=False)
    assert len(plan.posts) == 4
    kept = [plain(p.text) for p in plan.posts if p.kind == "quote"]
    assert kept[0].startswith(f"«{long_quote}»") and "— سامر الخطيب، وزير المياه" in kept[0]
    assert kept[1].startswith("«الخطة لا تكفي وحدها»")  # article order, not strength order
    assert quote_strength(quotes[1], 0.5) > quote_strength(quotes[2], 0.5) > quote_strength(
        quotes[0], 0.5)


def test_a_quote_too_long_for_a_post_is_cut_at_a_word_and_keeps_its_caption():
    words = "كلمة " * 120
    quote = Quote(text=words.strip(), paragraph=0, speaker="سارة أحمد", role="الوزيرة")
    plan = plan_thread(article([f'وقالت أحمد "{words.strip()}".'], quotes=[quote]),
                       get_platform("x"))
    post = next(p for p in plan.posts if p.kind == "quote")
    assert fits(post.text, get_platform("x"))
    assert "…»" in post.text and "— سارة أحمد، الوزيرة" in post.text
    assert plain(post.text).startswith("«كلمة كلمة")


def test_fewer_than_two_posts_is_a_config_error():
    with pytest.raises(ConfigError, match="at least 2"):
        plan_thread(article(BODY), get_platform("x"), max_posts=1)


_word = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي", min_size=1, max_size=9)
_sentence = st.lists(_word, min_size=1, max_size=30).map(lambda ws: " ".join(ws) + ".")
_paragraph = st.lists(_sentence, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(st.lists(_paragraph, min_size=1, max_size=10), st.integers(2, 10),
       st.sampled_from(["x", "bluesky", "mastodon", "threads"]),
       st.sampled_from(["none", "arabic"]))
def test_any_article_condenses_within_limits_and_keeps_its_words(paragraphs, max_posts, name,
                                                                  numbering):
    rules = get_platform(name)
    plan = plan_thread(article(paragraphs), rules, max_posts=max_posts, numbering=numbering)
    assert len(plan.posts) <= max_posts
    assert plan.posts[0].kind == "hook" and plan.posts[-1].kind == "links"
    whole = " ".join(paragraphs)
    last = -1
    for post in plan.posts:
        assert fits(post.text, rules)
        if post.kind == "fact":
            text = plain(post.text)
            if numbering != "none":
                text = text.rsplit(" ", 1)[0]
            at = whole.find(text.removesuffix(" …"))
            assert at > last, text
            last = at
