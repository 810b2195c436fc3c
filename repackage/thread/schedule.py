"""``thread/thread.csv``: every platform's posts in the layout scheduling tools import. Pure.

One row a post: platform, thread position, post text, then each image's path (relative to
the thread folder) and alt text, as many pairs as the busiest post needs. Written as UTF-8
with a byte-order mark so spreadsheet programs open the Arabic as Arabic.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from repackage.thread.posts import ThreadPlan

BASE_COLUMNS = ("platform", "position", "text")


def thread_csv(plans: Mapping[str, ThreadPlan]) -> str:
    """The CSV text (header first, rows in platform then thread order)."""
    pairs = max((len(p.media) for plan in plans.values() for p in plan.posts), default=0)
    pairs = max(pairs, 1)
    header = [*BASE_COLUMNS]
    for i in range(1, pairs + 1):
        header += [f"media_{i}", f"alt_text_{i}"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for name, plan in plans.items():
        for position, post in enumerate(plan.posts, start=1):
            row = [name, str(position), post.text]
            for media in post.media:
                row += [media.file, media.alt]
            row += [""] * (len(header) - len(row))
            writer.writerow(row)
    return buffer.getvalue()
