"""The diacritizers the ``diacritizers`` group puts in front of the offline voice.

Each choice is a loader returning a callable ``text -> vowelled text``. The optional packages
are listed in ``bench/diacritizers.txt`` and installed, one line at a time, into the running
interpreter's environment when the group is named; a line that cannot be installed or a model
that cannot be loaded offline becomes a reason, never a crash.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

from measure import BENCH_DIR

REQUIREMENTS = BENCH_DIR / "diacritizers.txt"

Vowel = Callable[[str], str]

# Offline diacritizers on PyPI that cannot run here, and why (checked on the package files).
NOT_OFFLINE = {
    "catt-tashkeel": "catt-tashkeel 1.0.2 ships no weights: its first call downloads "
                     "ed_model_onnx.zip / eo_model_onnx.zip from the project's GitHub releases",
    "ichkil": "ichkil 1.0.0 ships no weights: Diacritizer() fetches model.onnx from the "
              "Hugging Face repo ichkil/ichkil (offline: LocalEntryNotFoundError)",
    "shakkala": "shakkala 1.7 ships its Keras weights but pins tensorflow==2.9.3 and "
                "numpy==1.24.1, which have no wheels for Python 3.11 (oldest tensorflow "
                "offered: 2.12.0)",
}


@dataclass
class Choice:
    """One way of vowelling the text: a result key, a label and a loader."""

    key: str
    label: str
    load: Callable[[], Vowel]


def install_requirements(python: str = sys.executable) -> dict[str, str]:
    """pip-install each line of diacritizers.txt; the lines that failed, with pip's last line."""
    failed: dict[str, str] = {}
    for line in REQUIREMENTS.read_text("utf-8").splitlines():
        req = line.split("#", 1)[0].strip()
        if not req:
            continue
        proc = subprocess.run([python, "-m", "pip", "install", "-q", req],
                              capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            errors = [e for e in proc.stderr.splitlines() if e.startswith("ERROR")]
            failed[req] = (errors or proc.stderr.splitlines() or ["pip failed"])[-1][:200]
    return failed


def _none() -> Vowel:
    return lambda text: text


def _text2tashkeel(model: str) -> Callable[[], Vowel]:
    def load() -> Vowel:
        from text2tashkeel import Diacritizer

        return Diacritizer(model).diacritize
    return load


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_FINAL = re.compile(r"[.!؟?…؛:،,]+$")


def _mishkal() -> Vowel:
    import mishkal.tashkeel

    vocalizer = mishkal.tashkeel.TashkeelClass()

    def vowel(text: str) -> str:
        # mishkal pads with spaces and turns a final full stop into U+0001: the letters and
        # marks are its own, the sentence's closing punctuation is put back as written
        out = _CONTROL.sub("", vocalizer.tashkeel(text)).strip()
        end = _FINAL.search(text.strip())
        if end and not out.endswith(end.group()):
            out = _FINAL.sub("", out).rstrip() + end.group()
        return out
    return vowel


def _arabic_diacritizer() -> Vowel:
    from diacritize import Diacritizer

    return Diacritizer.from_pretrained().diacritize


def _dengjen() -> Vowel:
    from dengjen_tashkeel_py import tashkeel

    return lambda text: str(tashkeel(text))


def choices() -> list[Choice]:
    """Undiacritized text, every model the text2tashkeel wheel ships, then the other packages."""
    from repackage.audio.engines.vowels import shipped_models

    out = [Choice("none", "none (undiacritized)", _none)]
    out += [Choice(m, f"text2tashkeel {m}", _text2tashkeel(m)) for m in shipped_models()]
    out += [Choice("mishkal", "mishkal (rules and dictionary)", _mishkal),
            Choice("arabic-diacritizer", "arabic-diacritizer (BiLSTM, PyTorch)",
                   _arabic_diacritizer),
            Choice("dengjen-tashkeel", "dengjen-tashkeel-py (ONNX in the wheel)", _dengjen)]
    return out


def hub_models() -> dict[str, str]:
    """text2tashkeel models whose weights are not in the wheel, and what loading one says."""
    import text2tashkeel
    from text2tashkeel import Diacritizer

    from repackage.audio.engines.vowels import shipped_models

    shipped = set(shipped_models())
    reasons = {}
    for model in text2tashkeel.available_models():
        if model in shipped:
            continue
        try:
            Diacritizer(model).diacritize("نعم")
            reasons[model] = "loaded (a hub cache is present on this machine)"
        except Exception as exc:  # noqa: BLE001 - the reason is the result
            first = (str(exc).strip().splitlines() or [""])[0]
            reasons[model] = (f"weights not in the wheel, loading offline: "
                              f"{type(exc).__name__}: {first[:70]}")
    return reasons
