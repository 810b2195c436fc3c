"""The diacritizer in front of the offline voices: one default model, only models that ship."""

from __future__ import annotations

import inspect

import pytest

from repackage.audio.engines.vowels import DEFAULT_MODEL, Vowelizer, shipped_models
from repackage.audio.frontend import is_vowelled
from repackage.errors import ConfigError


def test_default_model_ships_with_the_installed_package():
    assert DEFAULT_MODEL in shipped_models()


def test_both_offline_voices_default_to_the_shared_model():
    from repackage.audio.engines.espeak import EspeakEngine
    from repackage.audio.engines.mbrola import MbrolaEngine

    for engine in (EspeakEngine, MbrolaEngine):
        default = inspect.signature(engine).parameters["diacritizer"].default
        assert default == DEFAULT_MODEL
    assert inspect.signature(Vowelizer).parameters["model"].default == DEFAULT_MODEL


@pytest.mark.parametrize("model", ["rawi", "rawi-v2+rawi", "no-such-model"])
def test_a_model_the_wheel_does_not_ship_is_refused_in_one_line(model):
    # "rawi" and "rawi-v2+rawi" are known to text2tashkeel but their weights live on a hub
    with pytest.raises(ConfigError) as info:
        Vowelizer(model)("قال الرئيس الصيني")
    message = str(info.value)
    assert "\n" not in message
    assert repr(model) in message and DEFAULT_MODEL in message


def test_default_model_adds_marks():
    vowelled = Vowelizer()("قال الرئيس الصيني إن بلاده مستعدة للتعاون.")
    assert is_vowelled(vowelled)


def test_hand_vowelled_text_needs_no_model():
    text = "وَعَدَ الرَّئِيسُ الصِّينِيُّ"
    assert Vowelizer("no-such-model")(text) == text
