"""Speech engines behind one interface (see ``base.Engine``) and the choice between them."""

from __future__ import annotations

from repackage.errors import DependencyError

from .base import Engine, SynthesisError

ENGINES = ("auto", "gtts", "mbrola", "espeak")
# the offline voices, best first (judged by a recogniser: see docs/audio.md)
OFFLINE = ("mbrola", "espeak")
MBROLA_HINT = ("the clearer offline voice is MBROLA: enable Debian's contrib and non-free "
               "components, then: apt-get install espeak-ng mbrola mbrola-ar1 mbrola-ar2")

__all__ = ["ENGINES", "OFFLINE", "Engine", "SynthesisError", "make_engine", "choose_engine",
           "offline_engine"]


def make_engine(name: str, **options: object) -> Engine:
    """Build the engine called ``name`` ("gtts", "mbrola" or "espeak")."""
    if name == "espeak":
        from .espeak import EspeakEngine
        return EspeakEngine(**options)  # type: ignore[arg-type]
    if name == "mbrola":
        from .mbrola import MbrolaEngine
        return MbrolaEngine(**options)  # type: ignore[arg-type]
    if name == "gtts":
        from .gtts import GTTSEngine
        return GTTSEngine(**options)  # type: ignore[arg-type]
    from repackage.errors import ConfigError
    raise ConfigError(f"unknown speech engine {name!r} (choose from {', '.join(ENGINES)})")


def offline_engine() -> tuple[Engine, str]:
    """The best offline voice this machine has, and a note on how to get a better one ("")."""
    from .mbrola import installed_voices

    if installed_voices():
        try:
            return make_engine("mbrola"), ""
        except DependencyError as exc:
            return make_engine("espeak"), f"MBROLA present but unusable ({exc}); {MBROLA_HINT}"
    return make_engine("espeak"), MBROLA_HINT


def choose_engine(name: str, *, probe: object = None) -> tuple[Engine, str]:
    """Resolve ``name`` (maybe "auto") to an engine and a one-line reason for the choice.

    ``auto`` uses gTTS when Google answers a quick probe; otherwise the best offline voice
    (MBROLA when installed, else espeak-ng's own). ``probe`` may be a ready GTTSEngine (tests
    pass one with a fake transport).
    """
    if name != "auto":
        return make_engine(name), f"{name} (asked for)"
    gtts = probe if probe is not None else make_engine("gtts")
    if gtts.reachable():  # type: ignore[attr-defined]
        return gtts, "gtts (Google TTS reachable)"  # type: ignore[return-value]
    eng, _hint = offline_engine()
    return eng, f"{eng.name} {eng.voice} (fallback: Google TTS unreachable, using the offline voice)"
