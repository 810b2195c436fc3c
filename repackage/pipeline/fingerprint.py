"""Up-to-date checks: a stage is skipped when its key and every recorded output still match.

The key is a digest of the article's content, the stage's options and the tool's version.
The outputs are checked by size and sha256, so a file edited, truncated or deleted by hand
makes its stage run again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from repackage import __version__
from repackage.digest import file_sha256
from repackage.model import Article


def _digest(obj: Any) -> str:
    blob = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def article_digest(article: Article) -> str:
    """Digest of what the article says, not of where its files are.

    The input path as typed and the photo's path are left out: the same file named from
    another folder is the same article and must not make every stage run again. The photo
    counts by its content, in the options of the stages that use it.
    """
    record = article.to_dict()
    record["input"] = {k: v for k, v in record["input"].items() if k != "path"}
    record["photo"] = {k: v for k, v in record["photo"].items() if k != "file"}
    return _digest(record)


def stage_key(stage: str, article_sha: str, options: Mapping[str, Any],
              version: str = __version__) -> str:
    """The key recorded for a stage run: article content + stage options + tool version."""
    return _digest({"stage": stage, "article": article_sha, "options": options,
                    "version": version})


def describe_output(slug_dir: Path, path: Path) -> dict[str, Any]:
    """The manifest entry for one output file: path relative to ``slug_dir``, size, sha256."""
    return {
        "path": path.relative_to(slug_dir).as_posix(),
        "size": path.stat().st_size,
        "sha256": file_sha256(path),
    }


def outputs_intact(slug_dir: Path, entries: Iterable[Mapping[str, Any]]) -> bool:
    """True when every recorded output exists with its recorded size and sha256."""
    for entry in entries:
        path = slug_dir / entry["path"]
        try:
            if path.stat().st_size != entry["size"] or file_sha256(path) != entry["sha256"]:
                return False
        except (OSError, KeyError, TypeError):
            return False
    return True


def is_up_to_date(slug_dir: Path, record: Mapping[str, Any] | None, key: str,
                  entries: Iterable[Mapping[str, Any]]) -> bool:
    """A stage is up to date when its recorded key equals ``key`` and its outputs are intact.

    A stage that recorded no outputs at all is never up to date: there is nothing to trust.
    """
    if not record or record.get("key") != key:
        return False
    entries = list(entries)
    return bool(entries) and outputs_intact(slug_dir, entries)
