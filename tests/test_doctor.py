"""doctor: every check reported with its fix; exit 1 only when a required one is missing."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from repackage.cli import cli
from repackage.pipeline import doctor
from repackage.pipeline.doctor import CHECKS, Check, run_check, run_doctor


def offline() -> tuple[Check, ...]:
    """The real checks, with the network one made instant (no network in tests)."""
    checks = []
    for check in CHECKS:
        if check.name == "network":
            check = Check(check.name, lambda: (False, "unreachable"), check.required,
                          check.fix, check.purpose)
        checks.append(check)
    return tuple(checks)


def with_failing(name: str) -> tuple[Check, ...]:
    def broken() -> tuple[bool, str]:
        raise OSError("libfribidi.so.0: cannot open shared object file")

    return tuple(Check(c.name, broken, c.required, c.fix, c.purpose) if c.name == name else c
                 for c in offline())


def test_every_required_piece_is_present_on_a_set_up_machine():
    report = run_doctor(offline())
    missing = [c for c in report["checks"] if c["required"] and not c["ok"]]
    assert missing == []
    assert report["ok"] is True
    names = [c["name"] for c in report["checks"]]
    assert names == ["python packages", "raqm", "fonts", "ffmpeg", "espeak-ng", "diacritizer",
                     "offline voice", "network", "tesseract"]
    raqm = next(c for c in report["checks"] if c["name"] == "raqm")
    assert "Raqm" in raqm["detail"] and "FriBiDi" in raqm["detail"]


def test_optional_checks_are_offline_voice_network_and_tesseract_only():
    assert {c.name for c in CHECKS if not c.required} == {"offline voice", "network",
                                                         "tesseract"}
    assert all(c.fix.startswith(("pip install", "apt-get install", "allow", "echo 'deb "))
               for c in CHECKS)


def test_offline_voice_fix_enables_contrib_non_free_and_installs_the_voices():
    fix = next(c.fix for c in CHECKS if c.name == "offline voice")
    assert " contrib non-free' > /etc/apt/sources.list.d/" in fix
    assert "apt-get install -y espeak-ng mbrola mbrola-ar1 mbrola-ar2" in fix


def test_a_probe_that_raises_is_reported_missing_with_its_fix():
    result = run_check(with_failing("raqm")[1])
    assert result["ok"] is False
    assert result["fix"] == "apt-get install -y libfribidi0"
    assert result["detail"].startswith("OSError: libfribidi.so.0")


def test_doctor_command_exits_1_and_names_the_fix(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(doctor, "CHECKS", with_failing("espeak-ng"))
    result = CliRunner(mix_stderr=False).invoke(cli, ["doctor"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    row = next(i for i, line in enumerate(lines) if "espeak-ng" in line)
    assert lines[row].startswith("MISSING")
    assert lines[row + 1].strip() == "fix: pip install espeakng-loader"
    assert lines[-1] == "Missing required: espeak-ng."


def test_doctor_command_exits_0_with_only_a_warning(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(doctor, "CHECKS", offline())
    result = CliRunner(mix_stderr=False).invoke(cli, ["doctor"])
    assert result.exit_code == 0, result.stdout
    network = next(line for line in result.stdout.splitlines() if "network" in line)
    assert network.startswith("warning")
    assert "use --engine mbrola / espeak" in result.stdout


def test_doctor_names_the_offline_voice_present(mbrola_voice):
    result = run_check(next(c for c in CHECKS if c.name == "offline voice"))
    assert result["ok"] is True and f"MBROLA {mbrola_voice}" in result["detail"]


def test_doctor_without_mbrola_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch):
    from repackage.audio.engines import mbrola

    monkeypatch.setattr(mbrola, "installed_voices", lambda: [])
    result = run_check(next(c for c in CHECKS if c.name == "offline voice"))
    assert result["ok"] is False and "espeak-ng's own Arabic" in result["detail"]
    assert "apt-get install -y espeak-ng mbrola mbrola-ar1 mbrola-ar2" in result["fix"]


def test_doctor_json(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(doctor, "CHECKS", with_failing("fonts"))
    result = CliRunner(mix_stderr=False).invoke(cli, ["doctor", "--json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    fonts = next(c for c in report["checks"] if c["name"] == "fonts")
    assert fonts == {**fonts, "ok": False, "required": True,
                     "fix": "pip install fontpkg-amiri fontpkg-tajawal"}


def test_fonts_probe_names_a_missing_font_package(monkeypatch: pytest.MonkeyPatch):
    from repackage.cards import fonts

    monkeypatch.setitem(fonts.FAMILIES, "amiri", ("fontpkg_not_installed", "Amiri"))
    result = run_check(next(c for c in CHECKS if c.name == "fonts"))
    assert result["ok"] is False
    assert "fontpkg-not-installed" in result["detail"]
    assert result["fix"] == "pip install fontpkg-amiri fontpkg-tajawal"


def test_espeak_probe_reports_an_engine_failure(monkeypatch: pytest.MonkeyPatch):
    from repackage.audio.engines import espeak
    from repackage.errors import DependencyError

    def no_library(self, text):
        raise DependencyError("cannot load libespeak-ng: not found")

    monkeypatch.setattr(espeak.EspeakEngine, "pcm", no_library)
    result = run_check(next(c for c in CHECKS if c.name == "espeak-ng"))
    assert result == {**result, "ok": False, "fix": "pip install espeakng-loader",
                      "detail": "DependencyError: cannot load libespeak-ng: not found"}
