"""Templates are data: shipped looks load, user files are validated and never executed;
fonts come from packages and their cmap names what they cannot draw."""

from __future__ import annotations

import json

import pytest

from repackage.cards import load_template, shipped_templates
from repackage.cards.fonts import check_coverage, coverage, missing_chars, resolve_font
from repackage.cards.shaping import Shaper, choose_layout, visual_line
from repackage.cards.template import from_data
from repackage.errors import ConfigError, InputError


def test_two_distinct_shipped_looks():
    names = shipped_templates()
    assert {"classic", "light"} <= set(names)
    classic, light = load_template("classic"), load_template("light")
    assert classic.colors.background != light.colors.background
    assert classic.fonts.quote != light.fonts.quote
    assert classic.mark.position != light.mark.position
    assert light.mark.logo and not classic.mark.logo


def test_user_template_from_toml_and_json(tmp_path):
    toml = tmp_path / "mine.toml"
    toml.write_text('[colors]\nbackground = "#000"\n[quote]\nmax_size = 60\n', "utf-8")
    t = load_template(toml)
    assert t.name == "mine" and t.colors.background == "#000" and t.quote.max_size == 60
    assert t.quote.min_size == 34  # defaults fill the rest
    js = tmp_path / "mine.json"
    js.write_text(json.dumps({"name": "j", "fonts": {"quote": "tajawal:Bold"}}), "utf-8")
    assert load_template(js).fonts.quote == "tajawal:Bold"


@pytest.mark.parametrize("data, message", [
    ({"colours": {}}, "unknown key 'colours'"),
    ({"colors": {"text": "white"}}, "colors.text"),
    ({"quote": {"max_size": "big"}}, "quote.max_size"),
    ({"quote": {"min_size": 90, "max_size": 40}}, "min_size"),
    ({"layout": {"valign": "middle"}}, "layout.valign"),
    ({"mark": {"text": 3}}, "mark.text"),
    ({"photo": {"overlay_min": 1.5}}, "overlay_min"),
])
def test_invalid_templates_are_config_errors(data, message):
    with pytest.raises(ConfigError, match=message):
        from_data(data, "template t.toml")


def test_template_text_is_never_evaluated(tmp_path):
    marker = tmp_path / "ran"
    code = f"__import__('pathlib').Path({str(marker)!r}).write_text('x')"
    path = tmp_path / "evil.toml"
    path.write_text(f'name = "{{{{ {code} }}}}"\n[mark]\ntext = "{code}"\n', "utf-8")
    t = load_template(path)
    assert t.mark.text == code and not marker.exists()
    bad = tmp_path / "broken.toml"
    bad.write_text("[colors\n", "utf-8")
    with pytest.raises(ConfigError, match="broken.toml"):
        load_template(bad)


def test_unknown_template_name_lists_shipped():
    with pytest.raises(ConfigError, match="classic"):
        load_template("fancy")


def test_fonts_come_from_packages_and_cover_latin_and_arabic():
    for spec in ("amiri:Bold", "tajawal:ExtraBold"):
        path = str(resolve_font(spec))
        assert "site-packages" in path or "fontpkg" in path
        mixed = "«قال: the economy grew 3.5% in 2024… “yes”» ٢٠٢٤ ؟ ؛ ،"
        assert missing_chars(mixed, path) == []
    with pytest.raises(ConfigError, match="no style"):
        resolve_font("amiri:Heavy")
    with pytest.raises(ConfigError, match="known family"):
        resolve_font("comic:Regular")


def test_missing_characters_are_named():
    path = str(resolve_font("tajawal:Regular"))
    assert missing_chars("سلام 😀 ✓ سلام", path) == ["😀", "✓"]
    with pytest.raises(InputError, match=r"U\+1F600.*U\+2713"):
        check_coverage("سلام 😀 ✓", path, "quote 1")
    assert 0x0627 in coverage(path) and 0x0041 in coverage(path)
    assert missing_chars("\u200fسلام\u200d", path) == []  # format controls need no glyph


def test_basic_path_uses_only_glyphs_the_font_has():
    # Tajawal carries no isolated presentation forms: they fall back to the base letter
    path = str(resolve_font("tajawal:Bold"))
    visual = visual_line("التعاون الودي", path)
    assert missing_chars(visual, path) == []
    assert visual.startswith("\u064a")  # visual order: the last letter (isolated ي) first
    Shaper("basic").check("التعاون الودي", path, "quote")


def test_layout_choice(monkeypatch):
    import warnings

    from repackage.cards.shaping import LayoutFallbackWarning

    monkeypatch.setattr("repackage.cards.shaping._warned", False)
    monkeypatch.setenv("REPACKAGE_LAYOUT", "basic")
    with pytest.warns(LayoutFallbackWarning, match="basic layout"):
        assert choose_layout() == "basic"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # warned once already: silent now
        assert choose_layout() == "basic"
    monkeypatch.delenv("REPACKAGE_LAYOUT")
    assert choose_layout() == "raqm"  # Pillow here has Raqm and FriBiDi
    assert choose_layout("basic") == "basic"
    monkeypatch.setattr("repackage.cards.shaping.raqm_available", lambda: False)
    assert choose_layout() == "basic"


def test_user_font_file_beside_the_template(tmp_path):
    import shutil

    from repackage.cards import render_card
    from repackage.cards.layout import CardContent

    shutil.copy(resolve_font("amiri:Regular"), tmp_path / "House.ttf")
    path = tmp_path / "house.toml"
    path.write_text('[fonts]\nquote = "House.ttf"\n', "utf-8")
    tpl = load_template(path)
    card = render_card(CardContent("نص قصير للتجربة"), "square", tpl)
    assert card.plan.lines[-1].font == str(tmp_path / "House.ttf")


def test_template_with_illegible_colours_is_refused():
    from repackage.cards import render_card
    from repackage.cards.layout import CardContent

    tpl = from_data({"colors": {"background": "#777777", "text": "#888888"}}, "template grey")
    with pytest.raises(ConfigError, match="contrast"):
        render_card(CardContent("نص"), "square", tpl)
