"""Speech engines behind one interface (see ``base.Engine``) and the choice between them."""

from __future__ import annotations

from .base import Engine, SynthesisError

ENGINES = ("auto", "gtts", "espeak")

__all__ = ["ENGINES", "Engine", "SynthesisError", "make_engine", "choose_engine"]


def make_engine(name: str, **options: object) -> Engine:
    """Build the engine called ``name`` ("gtts" or "espeak")."""
    if name == "espeak":
        from .espeak import EspeakEngine
        return EspeakEngine(**options)  # type: ignore[arg-type]
    if name == "gtts":
        from .gtts import GTTSEngine
        return GTTSEngine(**options)  # type: ignore[arg-type]
    from repackage.errors import ConfigError
    raise ConfigError(f"unknown speech engine {name!r} (choose from {', '.join(ENGINES)})")


def choose_engine(name: str, *, probe: object = None) -> tuple[Engine, str]:
    """Resolve ``name`` (maybe "auto") to an engine and a one-line reason for the choice.

    ``auto`` uses gTTS when Google answers a quick probe and espeak otherwise. ``probe`` may
    be a ready GTTSEngine (tests pass one with a fake transport).
    """
    if name != "auto":
        return make_engine(name), f"{name} (asked for)"
    gtts = probe if probe is not None else make_engine("gtts")
    if gtts.reachable():  # type: ignore[attr-defined]
        return gtts, "gtts (Google TTS reachable)"  # type: ignore[return-value]
    return make_engine("espeak"), "espeak (Google TTS unreachable, using the offline voice)"
