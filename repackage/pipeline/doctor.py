"""`doctor`: check everything the tool needs on this machine and say how to fix what's missing.

Each check is a small probe returning ``(ok, detail)``; probes import what they look at
themselves, so a broken library is reported instead of crashing the doctor.
"""

from __future__ import annotations

import importlib.util
import shutil
import socket
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Probe = Callable[[], tuple[bool, str]]

# Imported at run time by some stage; the distribution to reinstall when one is missing.
PYTHON_MODULES = {
    "PIL": "Pillow", "pydub": "pydub", "gtts": "gTTS", "mutagen": "mutagen",
    "arabic_reshaper": "arabic-reshaper", "bidi": "python-bidi", "yaml": "PyYAML",
    "regex": "regex", "twitter_text": "twitter-text-parser", "onnxruntime": "onnxruntime",
    "numpy": "numpy",
}
GTTS_HOST = "translate.google.com"


@dataclass(frozen=True)
class Check:
    """One thing the tool needs: a probe, whether it is required, how to fix it."""

    name: str
    probe: Probe
    required: bool
    fix: str
    purpose: str


def _python_modules() -> tuple[bool, str]:
    missing = [dist for mod, dist in PYTHON_MODULES.items()
               if importlib.util.find_spec(mod) is None]
    if missing:
        return False, "not importable: " + ", ".join(missing)
    return True, f"{len(PYTHON_MODULES)} packages importable"


def _raqm() -> tuple[bool, str]:
    from PIL import features

    if not features.check("raqm"):
        return False, ("Pillow cannot load Raqm (FriBiDi missing?): cards fall back to a basic "
                       "layout that cannot place vowel marks")
    fribidi = features.version("fribidi") or "?"
    return True, f"Raqm {features.version('raqm')}, FriBiDi {fribidi}"


def _fonts() -> tuple[bool, str]:
    from dataclasses import asdict

    from repackage.cards.fonts import resolve_font
    from repackage.cards.template import load_template, shipped_templates
    from repackage.errors import RepackageError

    specs: set[tuple[str, str]] = set()
    for name in shipped_templates():
        template = load_template(name)
        specs |= {(spec, template.base_dir) for spec in asdict(template.fonts).values() if spec}
    if not specs:
        return False, "no card templates found"
    problems = []
    for spec, base_dir in sorted(specs):
        try:
            resolve_font(spec, Path(base_dir))
        except RepackageError as exc:
            problems.append(str(exc))
    if problems:
        return False, "; ".join(problems)
    families = sorted({spec.partition(":")[0] for spec, _ in specs})
    return True, f"{len(specs)} fonts of the card templates ({', '.join(families)})"


def _ffmpeg() -> tuple[bool, str]:
    import imageio_ffmpeg

    exe = imageio_ffmpeg.get_ffmpeg_exe()
    out = subprocess.run([exe, "-hide_banner", "-version"], capture_output=True, text=True,
                         timeout=20, check=False)
    if out.returncode != 0:
        return False, f"{exe} does not run (exit {out.returncode})"
    first = out.stdout.splitlines()[0] if out.stdout else "ffmpeg"
    return True, " ".join(first.split()[:3])


def _espeak() -> tuple[bool, str]:
    from repackage.audio.engines.espeak import EspeakEngine

    # already vowelled, so this voices without the diacritizer (checked on its own below)
    pcm = EspeakEngine().pcm("مَرْحَبًا بِكُمْ")
    if not pcm:
        return False, "libespeak-ng loaded but produced no Arabic speech"
    return True, "libespeak-ng speaks Arabic"


def _diacritizer() -> tuple[bool, str]:
    from repackage.audio.engines.espeak import EspeakEngine

    engine = EspeakEngine()
    if engine.vowel("قال الرئيس") == "قال الرئيس":
        return False, f"the {engine.diacritizer_model} model loaded but added no marks"
    return True, f"the {engine.diacritizer_model} model loads and adds marks"


def _codename() -> str:
    try:
        for line in Path("/etc/os-release").read_text("utf-8").splitlines():
            if line.startswith("VERSION_CODENAME="):
                return line.split("=", 1)[1].strip().strip('"') or "bookworm"
    except OSError:
        pass
    return "bookworm"


def mbrola_commands() -> str:
    """The exact commands that bring the MBROLA voices to a Debian machine (as root)."""
    return ("echo 'deb http://deb.debian.org/debian " + _codename() + " contrib non-free' "
            "> /etc/apt/sources.list.d/mbrola.list && apt-get update && "
            "apt-get install -y espeak-ng mbrola mbrola-ar1 mbrola-ar2"
            " (or, in a source checkout: make mbrola)")


def _offline_voice() -> tuple[bool, str]:
    from repackage.audio.engines.mbrola import MbrolaEngine, installed_voices

    voices = installed_voices()
    if not voices:
        return False, ("only espeak-ng's own Arabic, which listeners find hard to follow; "
                       "the MBROLA Arabic voices are not installed")
    rate, pcm = MbrolaEngine(voice=voices[0]).pcm("مَرْحَبًا بِكُمْ")
    if not pcm.strip(b"\0"):
        return False, f"MBROLA {voices[0]} installed but produced no speech"
    return True, (f"MBROLA {', '.join(voices)} through espeak-ng ({rate} Hz): the offline voice "
                  "--engine auto uses")


def _network(host: str = GTTS_HOST, timeout: float = 3.0) -> tuple[bool, str]:
    try:
        with socket.create_connection((host, 443), timeout=timeout):
            return True, f"{host}:443 reachable"
    except OSError as exc:
        return False, f"{host}:443 unreachable ({exc.__class__.__name__})"


def _tesseract() -> tuple[bool, str]:
    exe = shutil.which("tesseract")
    if not exe:
        return False, "tesseract not on PATH"
    out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=20,
                         check=False)
    langs = (out.stdout + out.stderr).split()
    if "ara" not in langs:
        return False, "tesseract has no Arabic data (ara)"
    return True, "tesseract with Arabic"


CHECKS: tuple[Check, ...] = (
    Check("python packages", _python_modules, True,
          "pip install " + " ".join(PYTHON_MODULES.values()), "every stage"),
    Check("raqm", _raqm, True, "apt-get install -y libfribidi0",
          "cards: Arabic shaping and right-to-left order"),
    Check("fonts", _fonts, True, "pip install fontpkg-amiri fontpkg-tajawal", "cards"),
    Check("ffmpeg", _ffmpeg, True, "pip install imageio-ffmpeg", "audio: MP3 encoding"),
    Check("espeak-ng", _espeak, True, "pip install espeakng-loader",
          "audio: the offline voice"),
    Check("diacritizer", _diacritizer, True, "pip install text2tashkeel onnxruntime",
          "audio: vowel marks for the offline voice"),
    Check("offline voice", _offline_voice, False, mbrola_commands(),
          "audio: the clearer offline voice (MBROLA; its licence forbids bundling it)"),
    Check("network", _network, False,
          f"allow HTTPS to {GTTS_HOST}, or use --engine mbrola / espeak",
          "audio: the gTTS voice"),
    Check("tesseract", _tesseract, False,
          "apt-get install -y tesseract-ocr tesseract-ocr-ara", "tests only: OCR of cards"),
)


def run_check(check: Check) -> dict[str, Any]:
    """Run one check; a probe that raises counts as missing, with the error as detail."""
    try:
        ok, detail = check.probe()
    except Exception as exc:  # noqa: BLE001 - a broken dependency is a finding, not a crash
        ok, detail = False, f"{exc.__class__.__name__}: {' '.join(str(exc).split())}"
    return {
        "name": check.name,
        "ok": bool(ok),
        "required": check.required,
        "detail": detail,
        "purpose": check.purpose,
        "fix": None if ok else check.fix,
    }


def run_doctor(checks: Iterable[Check] | None = None) -> dict[str, Any]:
    """Run every check; ``ok`` is False when a required one is missing."""
    results = [run_check(c) for c in (CHECKS if checks is None else checks)]
    return {
        "ok": all(r["ok"] for r in results if r["required"]),
        "checks": results,
    }
