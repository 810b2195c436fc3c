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


# Where `make test` could not install the MBROLA voices (not Debian, no root), its installer
# wrote why here; tests that need them skip with that reason, printed, and only then.
MBROLA_REASON = ROOT / ".venv" / "mbrola-unavailable.txt"
UNINSTALLABLE = "cannot be installed on this machine: "


@pytest.fixture(scope="session")
def mbrola_voice() -> str:
    """The best installed MBROLA Arabic voice; a printed skip only where it cannot be had."""
    from repackage.audio.engines.mbrola import installed_voices

    voices = installed_voices()
    if voices:
        return voices[0]
    if MBROLA_REASON.is_file():
        pytest.skip("MBROLA " + UNINSTALLABLE + MBROLA_REASON.read_text("utf-8").strip())
    pytest.fail("the MBROLA voices are missing: run `make test` (it installs them) or "
                "`bash tools/install-mbrola.sh`")


# A skipped test means a tool the suite needs is missing: that must fail the run, not pass it,
# unless the skip says the tool cannot be installed here (and the summary prints why).
_skipped: list[str] = []
_excused: list[str] = []


def pytest_runtest_logreport(report):
    if report.skipped:
        reason = str(report.longrepr[2] if isinstance(report.longrepr, tuple)
                     else report.longrepr)
        if UNINSTALLABLE in reason:
            _excused.append(f"{report.nodeid}: {reason}")
        else:
            _skipped.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if _skipped and exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter):
    for line in _excused:
        terminalreporter.write_line(f"skipped (allowed): {line}", yellow=True)
    if _skipped:
        terminalreporter.write_line(
            f"FAILED: {len(_skipped)} test(s) skipped; every tool the tests need must be installed",
            red=True,
        )
