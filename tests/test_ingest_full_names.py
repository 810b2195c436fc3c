"""A speaker written in short (a first name, a surname with its particle), a rank that stands as
the title, a first name that is also a preposition, doubled apostrophes as quote marks, and a
headline that only the lead under it confirms. Short articles of our own, in the shapes real
reports use."""

from __future__ import annotations

from repackage.ingest.mentions import parse_mention
from repackage.ingest.quotes import extract_quotes
from repackage.ingest.raw import parse_raw

SPEECH = "“لم يخبرنا أحد بأن الحافلة لن تأتي هذا الصباح”."


def _said(paragraphs):
    return [(q.text, q.speaker) for q in extract_quotes(paragraphs) if q.card_worthy]


def test_a_first_name_reads_back_to_the_name_set_off_by_its_description():
    opening = "بدأت القصة بشكوى أطلقتها سلمى حداد، والدة أحد التلاميذ، على مواقع التواصل."
    assert _said([opening, f"وتروي سلمى ما جرى قائلة: {SPEECH}"])[0][1] == "سلمى حداد"
    # without the description, "سلمى حداد على" cannot be told apart from the words around it
    bare = "بدأت القصة بشكوى أطلقتها سلمى حداد على مواقع التواصل."
    assert _said([bare, f"وقالت سلمى: {SPEECH}"])[0][1] == "سلمى"


def test_a_surname_with_its_particle_reads_back_to_the_full_name():
    paras = ["وأكد الخبير القانوني أنّ سليم بن عمار لم يتلق أي دعوة رسمية للمشاركة.",
             'وقال بن عمار: "لن أشارك في لجنة لا تملك أي صلاحيات حقيقية".']
    assert _said(paras) == [("لن أشارك في لجنة لا تملك أي صلاحيات حقيقية", "سليم بن عمار")]


def test_a_rank_with_its_service_is_the_title_and_basim_a_first_name():
    m = parse_mention("الرائد في الشرطة العراقية باسم العاني، إن الطريق".split())
    assert m.name == ("باسم", "العاني") and m.role_text == "الرائد في الشرطة العراقية"
    paras = ["قال الرائد في الشرطة العراقية باسم العاني، إن الطريق أعيد فتحه.",
             'وأضاف العاني "لم تسجل أي إصابات بين المدنيين في الحادث".']
    quote = [q for q in extract_quotes(paras) if q.card_worthy][0]
    assert (quote.speaker, quote.role) == ("باسم العاني", "الرائد في الشرطة العراقية")
    # "باسم" before anything but a family name is still "in the name of"
    assert "باسم" not in parse_mention("المتحدث باسم الوزارة سامي الحمداني، إن".split()).name


def test_doubled_apostrophes_are_a_double_quote_mark():
    said = _said(["وقال الوزير: ''سنعيد فتح الطريق أمام السيارات قريبا جدا''."])
    assert said == [("سنعيد فتح الطريق أمام السيارات قريبا جدا", "الوزير")]


def test_the_headline_is_the_line_the_lead_restates_not_the_agency_above_it():
    # a headline printed with its full stop reads as the body's first line
    headline = ("البلدية تعلن خطة جديدة لتنظيف شواطئ المدينة قبل موسم الصيف بمشاركة جمعيات "
                "البيئة وطلاب المدارس.")
    body = ["أعلنت البلدية الأربعاء خطة جديدة لتنظيف شواطئ المدينة قبل موسم الصيف، بمشاركة "
            "جمعيات البيئة وطلاب المدارس في الأحياء.",
            "وتشمل الخطة تركيب حاويات جديدة على طول الكورنيش وتنظيم حملات أسبوعية للتوعية."]
    fields = parse_raw("\n\n".join(["وكالة أنباء الساحل", headline, *body, "اترك تعليقاً"]) + "\n")
    assert fields.title == headline and fields.paragraphs == body
    # a first line the lead does not restate stays in the body
    other = "وجاء الإعلان بعد أسابيع من شكاوى السكان من تراكم النفايات على الرمال."
    fields = parse_raw("\n\n".join(["وكالة أنباء الساحل", other, *body, "اترك تعليقاً"]) + "\n")
    assert fields.paragraphs[0] == other
