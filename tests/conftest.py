"""Shared fixtures: the corpus in ../shared (or $REPACKAGE_SHARED) and the seed article."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("REPACKAGE_SHARED", ROOT.parent / "shared")).resolve()
CORPUS = SHARED / "corpus"
CONFORMANCE = SHARED / "conformance"
SEED = CORPUS / "cap-xi-tajikistan.txt"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"shared corpus not found at {SHARED}; set REPACKAGE_SHARED")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_expected(shared_dir: Path) -> dict:
    return json.loads((CORPUS / "cap-xi-tajikistan.expected.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def seed_article(seed_path: Path):
    from repackage.ingest import load_article

    return load_article(seed_path)


@pytest.fixture(scope="session")
def conformance_dir(shared_dir: Path) -> Path:
    return CONFORMANCE


# A skipped test means a tool the suite needs is missing: that must fail the run, not pass it.
_skipped: list[str] = []


def pytest_runtest_logreport(report):
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if _skipped and exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter):
    if _skipped:
        terminalreporter.write_line(
            f"FAILED: {len(_skipped)} test(s) skipped; every tool the tests need must be installed",
            red=True,
        )
