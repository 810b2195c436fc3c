"""Where the headline comes from is recorded, so an invented title is never passed off as the page's."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from repackage.cli import cli
from repackage.errors import InputError
from repackage.ingest import load_article, store
from repackage.model import Article

LEAD = ("أعلنت البلدية اليوم افتتاح مكتبة عامة جديدة في وسط المدينة بعد عامين من العمل المتواصل "
        "على تجهيز قاعاتها ورفوفها.")
REST = ("وقالت مديرة المكتبة سلمى يوسف إن المكتبة ستفتح أبوابها كل يوم من الصباح حتى المساء، "
        "وإن الاشتراك فيها مجاني لكل سكان المدينة وطلاب مدارسها.")


def _headless(tmp_path):
    path = tmp_path / "no-headline.txt"
    path.write_text(LEAD + "\n\n" + REST + "\n", encoding="utf-8")
    return path


def test_a_page_without_a_headline_says_its_title_is_made_from_the_lead(tmp_path):
    article = load_article(_headless(tmp_path))
    assert article.title_from == "lead"
    assert LEAD.startswith(article.title.rstrip("…").strip())


def test_a_given_title_is_marked_as_the_users(tmp_path):
    article = load_article(_headless(tmp_path), title="مكتبة جديدة")
    assert (article.title, article.title_from) == ("مكتبة جديدة", "user")
    stored = store(load_article(_headless(tmp_path)), tmp_path / "out")
    again = load_article(stored, title="عنوان آخر")
    assert (again.title, again.title_from) == ("عنوان آخر", "user")


def test_a_markdown_heading_is_the_pages_own(tmp_path):
    md = tmp_path / "a.md"
    md.write_text("# عنوان الخبر\n\n" + LEAD + "\n\n" + REST + "\n", encoding="utf-8")
    assert load_article(md).title_from == "page"


def test_the_seed_headline_is_the_pages_and_round_trips(seed_article, tmp_path):
    assert seed_article.title_from == "page"
    d = json.loads(seed_article.to_json())
    assert list(d)[:5] == ["schema", "slug", "lang", "title", "title_from"]
    assert load_article(store(seed_article, tmp_path)) == seed_article


def test_an_unknown_title_source_is_refused(seed_article):
    d = seed_article.to_dict() | {"title_from": "guess"}
    with pytest.raises(InputError, match="title_from"):
        Article.from_dict(d)


def test_a_record_without_the_field_reads_as_the_pages_title(seed_article):
    d = seed_article.to_dict()
    del d["title_from"]
    assert Article.from_dict(d).title_from == "page"


def test_ingest_notes_an_invented_title_on_stderr(tmp_path):
    result = CliRunner(mix_stderr=False).invoke(cli, ["ingest", str(_headless(tmp_path)), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "--title" in result.stderr and "no headline" in result.stderr
    given = CliRunner(mix_stderr=False).invoke(cli, ["ingest", str(_headless(tmp_path)), "--out", str(tmp_path / "out"),
                                      "--title", "مكتبة جديدة"])
    assert given.exit_code == 0 and "no headline" not in given.stderr
