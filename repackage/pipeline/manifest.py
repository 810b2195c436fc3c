"""`OUT/<slug>/manifest.json`: every output (path, size, sha256), the engine used, each
stage's key, timing and whether it was skipped, and the tool's version.

The manifest is also the record the up-to-date checks read. It is written atomically after
every stage that ran, with ``complete`` false until the last stage is done, so a killed run
leaves a valid manifest describing exactly the stages that finished.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from repackage import __version__
from repackage.atomic import write_json

MANIFEST_NAME = "manifest.json"
MANIFEST_SCHEMA = 1


def manifest_path(slug_dir: Path) -> Path:
    """Where the manifest of ``slug_dir`` lives."""
    return slug_dir / MANIFEST_NAME


def read_manifest(slug_dir: Path) -> dict[str, Any] | None:
    """The recorded manifest, or None when missing, unreadable or of another schema.

    An unusable manifest only means nothing can be trusted as up to date; it is not an error.
    """
    try:
        data = json.loads(manifest_path(slug_dir).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("schema") != MANIFEST_SCHEMA:
        return None
    if not isinstance(data.get("stages"), dict) or not isinstance(data.get("outputs"), list):
        return None
    return data


def stage_outputs(manifest: dict[str, Any] | None, stage: str) -> list[dict[str, Any]]:
    """The recorded outputs of one stage."""
    if not manifest:
        return []
    return [o for o in manifest["outputs"] if isinstance(o, dict) and o.get("stage") == stage]


def new_manifest(slug: str, title: str, input_info: dict[str, Any],
                 article_sha: str) -> dict[str, Any]:
    """An empty manifest for an article (``article_sha``: its content digest)."""
    return {
        "schema": MANIFEST_SCHEMA,
        "tool": {"name": "repackage", "version": __version__},
        "slug": slug,
        "title": title,
        "input": input_info,
        "article_sha256": article_sha,
        "engine": None,
        "complete": False,
        "stages": {},
        "outputs": [],
    }


def record_stage(manifest: dict[str, Any], stage: str, record: dict[str, Any],
                 outputs: list[dict[str, Any]]) -> None:
    """Replace the stage's record and its outputs in ``manifest`` (in place)."""
    manifest["stages"][stage] = record
    kept = [o for o in manifest["outputs"] if o.get("stage") != stage]
    manifest["outputs"] = kept + [{**o, "stage": stage} for o in outputs]


def write_manifest(slug_dir: Path, manifest: dict[str, Any]) -> Path:
    """Atomically write the manifest (the tool version is refreshed on every write)."""
    manifest["tool"] = {"name": "repackage", "version": __version__}
    return write_json(manifest_path(slug_dir), manifest)
