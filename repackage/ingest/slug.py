"""Slugs: the folder name of an article's outputs. Only ``[a-z0-9-]``, never a path."""

from __future__ import annotations

import re
import unicodedata

MAX_LEN = 64


def slugify(text: str) -> str:
    """Lower-case ASCII letters, digits and single hyphens; "" when nothing is left."""
    text = unicodedata.normalize("NFKD", text)
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:MAX_LEN].rstrip("-")


def slug_for(name_stem: str, sha256: str, requested: str | None = None) -> str:
    """The slug for an article: ``requested`` if given, else from the file's stem.

    A stem with no ASCII letters or digits (an Arabic file name, say) falls back to
    ``article-`` plus the first 8 hex digits of the content hash, so it is stable across runs.
    """
    if requested is not None:
        return slugify(requested)
    return slugify(name_stem) or f"article-{sha256[:8]}"
