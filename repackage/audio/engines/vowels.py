"""Vowel marks for the offline voices: espeak-ng reads unvowelled Arabic badly.

The ``text2tashkeel`` ONNX diacritizer adds harakat one sentence a call; its model is loaded on
first use, so a fully cached run never pays for onnxruntime.
"""

from __future__ import annotations

import re
from typing import Any

from repackage.errors import DependencyError

from ..frontend import is_vowelled
from .base import SynthesisError


def package_version(name: str, engine: str) -> str:
    """Installed version of ``name``; DependencyError naming ``engine`` when it is missing."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        raise DependencyError(f"{engine} engine needs the {name!r} package") from None


class Vowelizer:
    """Adds harakat with one text2tashkeel model, unless the text is vowelled already."""

    def __init__(self, model: str = "rawi-ensemble") -> None:
        self.model = model
        self._diacritizer: Any = None

    def __call__(self, text: str) -> str:
        """``text`` with harakat (a producer's own vowelling is kept as written)."""
        if is_vowelled(text):
            return text
        if self._diacritizer is None:
            from text2tashkeel import Diacritizer
            self._diacritizer = Diacritizer(self.model)
        try:
            return str(self._diacritizer.diacritize(text))
        except Exception as exc:  # noqa: BLE001 - the model's own errors vary
            raise SynthesisError(f"diacritizer failed on {text[:40]!r}: {exc}") from None


_FINAL_MARKS = re.compile(r"[\u064b-\u0652]+(?=[^\w\u064b-\u0652]|$)")
_FINAL_TA = re.compile(r"\u0629(?=[^\w\u064b-\u0652]|$)")


def pausal(text: str) -> str:
    """Vowelled text in pausal form: no case endings, final ة read as ه (a rest on the word).

    Arabic newsreaders drop the case vowel at every pause, and a synthetic voice that stops on
    every word reads more clearly that way than with ``-ti``/``-tun`` endings.
    """
    # the case vowel goes; a shadda stays (it is part of the word, not of its ending)
    text = _FINAL_MARKS.sub(lambda m: "\u0651" if "\u0651" in m.group() else "", text)
    return _FINAL_TA.sub("\u0647", text)
