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
