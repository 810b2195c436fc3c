"""The wheel ships assets/ and templates/, and the installed package finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        check=True, capture_output=True,
    )
    (found,) = out.glob("repackage-*.whl")
    return found


def test_wheel_holds_every_shipped_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("assets", "templates"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                rel = path.relative_to(ROOT).as_posix()
                assert f"repackage/_data/{rel}" in names, rel


def test_wheel_has_console_script(wheel):
    with zipfile.ZipFile(wheel) as zf:
        entry = next(n for n in zf.namelist() if n.endswith("entry_points.txt"))
        assert "repackage = repackage.cli:main" in zf.read(entry).decode()


def test_resources_resolve():
    from repackage.resources import asset, data_dir

    assert data_dir("templates").is_dir()
    assert asset("sample-article.txt").is_file()


def test_wheel_holds_the_review_page_files_and_the_twitter_text_licence(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = ROOT / "repackage" / "preview"
    for folder in ("static", "templates"):
        files = [p for p in (shipped / folder).rglob("*") if p.is_file()]
        assert files, folder
        for path in files:
            assert path.relative_to(ROOT).as_posix() in names, path
    assert "repackage/preview/static/twitter-text.LICENSE" in names
    licence = zipfile.ZipFile(wheel).read("repackage/preview/static/twitter-text.LICENSE")
    assert b"Apache License" in licence
