"""The bundled sample article reads as its author intended (it drives `make demo`)."""

from __future__ import annotations

from repackage.ingest import load_article
from repackage.resources import asset


def test_sample_article():
    article = load_article(asset("sample-article.txt"))
    assert article.slug == "sample-article"
    assert article.title == "مدينة ساحلية تشغّل أول محطة لتحلية المياه بالطاقة الشمسية"
    assert article.byline == "فريق تحرير الأخبار المحلية"
    assert article.published == "2026-03-12"
    assert article.source == "وكالة الأنباء المحلية"
    assert article.photo.credit == "نادية الخطيب / وكالة الأنباء المحلية"
    assert article.photo.file and article.photo.file.endswith("sample-article.jpg")
    assert len(article.paragraphs) == 8
    speakers = [(q.speaker, q.role) for q in article.card_quotes]
    assert speakers == [
        ("سعاد المنصوري", "رئيسة البلدية"),
        ("كريم الحداد", "مدير المشروع"),
        ("ماهر العلي", "أستاذ اقتصاديات الطاقة في جامعة الميناء"),
    ]
    assert [q.text for q in article.quotes if not q.card_worthy] == ["نموذجا قابلا للتكرار"]
    body = " ".join(article.paragraphs)
    for chrome in ("نشرتنا البريدية", "هذا الحقل", "تابعنا", "العودة إلى الأعلى", "المصدر"):
        assert chrome not in body
