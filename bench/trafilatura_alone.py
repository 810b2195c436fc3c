"""The reference extractor on its own: trafilatura with its default settings, nothing on top.

The extraction benchmark puts these figures beside the project's on the saved HTML pages, so
the table shows what the project adds to trafilatura (headline without the site name, clean
body, day as the page gives it, the visible byline).

    python bench/trafilatura_alone.py PAGE.html ...   (prints one JSON record per page)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def baseline(path: str | Path) -> dict:
    """trafilatura's reading of one saved page: ``title``, ``paragraphs``, ``date``, ``author``.

    Default settings (comments included, as trafilatura ships); paragraphs are its text output's
    lines. A page trafilatura finds no text in gives an empty list, not an error.
    """
    import trafilatura

    html = Path(path).read_bytes()
    doc = trafilatura.bare_extraction(html, with_metadata=True)
    if doc is None:
        return {"title": None, "paragraphs": [], "date": None, "author": None}
    text = doc.text or ""
    return {
        "title": doc.title,
        "paragraphs": [" ".join(line.split()) for line in text.splitlines() if line.strip()],
        "date": doc.date,
        "author": doc.author,
    }


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(json.dumps({"page": arg, **baseline(arg)}, ensure_ascii=False))
