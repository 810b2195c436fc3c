"""Date lines as pages print them, read into ISO dates."""

from __future__ import annotations

import pytest

from repackage.ingest.dates import parse_date
from repackage.ingest.meta import date_of


@pytest.mark.parametrize("line, iso", [
    ("الأحد 12 مايو 2024 10:15 ص", "2024-05-12"),
    ("12 من مايو، 2024", "2024-05-12"),
    ("الإثنين 12/فبراير/2024 - 09:47 م", "2024-02-12"),
    ("الخميس 3-أبريل-2023 - 07:37 م", "2023-04-03"),
    ("09:47 م 12 فبراير 2024", "2024-02-12"),
    ("18:05 - 7 شباط 2021", "2021-02-07"),
    ("٢٠٢٤-٠٥-١٢", "2024-05-12"),
    ("الجمعة 8 فيفري 2019", "2019-02-08"),
])
def test_a_date_line_is_found_and_read(line, iso):
    assert date_of(line) == line
    assert parse_date(line) == iso


@pytest.mark.parametrize("line", ["12 لاعبا في فبراير الماضي", "الفريق فاز 2/1 في المباراة"])
def test_numbers_beside_words_are_no_date(line):
    assert parse_date(line) is None


@pytest.mark.parametrize("text, iso", [
    ("الأربعاء-2025-01-08 03:55 pm", "2025-01-08"),
    ("23/06/15 16:27, حُتلن: 17:00", "2015-06-23"),
    ("2021.12.02 | 08:16 pm", "2021-12-02"),
])
def test_a_weekday_joined_by_a_dash_and_a_two_digit_year_are_read(text, iso):
    assert parse_date(text) == iso


def test_a_score_is_no_short_date():
    assert parse_date("2/1/2") is None and parse_date("الفريق فاز 3/1/22 مرة") is None


def test_a_feminine_published_label_and_bi_tarikh_are_cut_whole():
    assert date_of("نشرت بتاريخ 29 ديسمبر 2023") == "29 ديسمبر 2023"
    assert parse_date(date_of("نشرت بتاريخ 29 ديسمبر 2023")) == "2023-12-29"
