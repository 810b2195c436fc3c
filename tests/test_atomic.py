"""Atomic writes: the target is either the old file or the whole new one, never partial."""

from __future__ import annotations

import os
import stat

import pytest

from repackage.atomic import atomic_path, write_if_changed, write_json, write_text


def test_write_replaces_whole_file(tmp_path):
    target = tmp_path / "a" / "b.txt"
    write_text(target, "أول")
    write_text(target, "ثان")
    assert target.read_text("utf-8") == "ثان"
    assert [p.name for p in target.parent.iterdir()] == ["b.txt"]


def test_failure_leaves_old_file_and_no_temp(tmp_path):
    target = tmp_path / "x.json"
    write_json(target, {"ok": True})
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_text("half")
        raise RuntimeError("boom")
    assert target.read_text() == '{\n  "ok": true\n}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_mode_follows_umask(tmp_path):
    old = os.umask(0o022)
    try:
        target = write_text(tmp_path / "m.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_write_if_changed(tmp_path):
    target = tmp_path / "c.txt"
    assert write_if_changed(target, b"1") is True
    inode = target.stat().st_ino
    assert write_if_changed(target, b"1") is False
    assert target.stat().st_ino == inode
    assert write_if_changed(target, b"2") is True
