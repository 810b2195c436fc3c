"""The audio stage: an article becomes a podcast episode (``OUT/<slug>/audio/``).

Modules: ``script`` (what is said), ``frontend`` (Arabic text for speech), ``engines``
(gTTS, espeak-ng), ``cache`` (synthesized chunks), ``voice`` (voicing the script), ``mix``
and ``loudness`` (joining, jingle bed, two-pass normalisation, encoding), ``publish``
(tags, chapters, captions) and ``episode`` (``build_episode``, tying them together).
"""

from .episode import build_episode

__all__ = ["build_episode"]
