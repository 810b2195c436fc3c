"""Vowel marks for the offline voices: espeak-ng reads unvowelled Arabic badly.

The ``text2tashkeel`` ONNX diacritizer adds harakat one sentence a call; its model is loaded on
first use, so a fully cached run never pays for onnxruntime. Only the models whose weights ship
inside the installed wheel are accepted: the others would be fetched from a model hub, which an
offline voice must not do.
"""

from __future__ import annotations

import re
from typing import Any

from repackage.errors import ConfigError, DependencyError

from ..frontend import is_vowelled
from .base import SynthesisError

# the diacritizer the offline voices use; chosen by the recogniser's CER (docs/performance.md)
DEFAULT_MODEL = "rawi-ensemble"


def package_version(name: str, engine: str) -> str:
    """Installed version of ``name``; DependencyError naming ``engine`` when it is missing."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        raise DependencyError(f"{engine} engine needs the {name!r} package") from None


def shipped_models() -> list[str]:
    """The text2tashkeel models whose weights ship inside the installed wheel, sorted."""
    import text2tashkeel

    bundled = getattr(text2tashkeel, "BUNDLED", None)
    if bundled is None:  # releases before the list was exported
        bundled = text2tashkeel.available_models(bundled_only=True)
    return sorted(bundled)


class Vowelizer:
    """Adds harakat with one text2tashkeel model, unless the text is vowelled already."""

    def __init__(self, model: str = DEFAULT_MODEL) -> None:
        self.model = model
        self._diacritizer: Any = None

    def load(self) -> Any:
        """The model's diacritizer, built on first use; ConfigError for a model not shipped."""
        if self._diacritizer is None:
            from text2tashkeel import Diacritizer

            shipped = shipped_models()
            if self.model not in shipped:
                version = package_version("text2tashkeel", "offline voice")
                raise ConfigError(f"the installed text2tashkeel {version} does not ship the "
                                  f"diacritizer model {self.model!r} (it ships: "
                                  f"{', '.join(shipped)})")
            self._diacritizer = Diacritizer(self.model)
        return self._diacritizer

    def __call__(self, text: str) -> str:
        """``text`` with harakat (a producer's own vowelling is kept as written)."""
        if is_vowelled(text):
            return text
        self.load()
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
