"""`repackage cards` end to end with CliRunner: files, cards.json, messages, exit codes."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from click.testing import CliRunner
from PIL import Image

from repackage.cards import render_cards
from repackage.cli import cli

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


def test_seed_cards_square(seed_path, seed_expected, tmp_path):
    out = tmp_path / "out"
    res = CliRunner(mix_stderr=False).invoke(cli, ["cards", str(seed_path), "--out", str(out),
                                                   "--json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)
    cards_dir = out / summary["slug"] / "cards"
    on_disk = json.loads((cards_dir / "cards.json").read_text("utf-8"))
    assert on_disk == summary
    cards = summary["cards"]
    assert len(cards) == len(seed_expected["card_worthy_quotes"]) == 4
    expected = [" ".join(q["text"].split()) for q in seed_expected["card_worthy_quotes"]]
    assert [c["quote"] for c in cards] == expected
    for card in cards:
        assert set(card) >= {"file", "size", "width", "height", "quote", "speaker", "credit",
                             "alt_text", "template", "truncated"}
        assert card["size"] == "square" and (card["width"], card["height"]) == (1080, 1080)
        assert card["speaker"] == "شي جين بينغ"
        assert card["credit"] == seed_expected["photo_credit"]
        assert card["template"] == "classic" and card["truncated"] is False
        assert len(card["alt_text"]) <= 1000
        assert card["quote"] in card["alt_text"] and "شي جين بينغ" in card["alt_text"]
        assert card["contrast"] >= 4.5
        with Image.open(cards_dir / card["file"]) as im:
            assert im.size == (1080, 1080) and im.format == "PNG"


def test_several_sizes_and_light_template(seed_article, tmp_path):
    res = render_cards(seed_article, tmp_path / "s", sizes=["portrait", "story", "landscape"],
                       template="light", photo=False)
    assert [c["size"] for c in res["cards"]][:3] == ["portrait", "story", "landscape"]
    assert len(res["cards"]) == 12 and res["photo"] is None
    assert all(c["credit"] == "" for c in res["cards"])
    for c in res["cards"]:
        with Image.open(tmp_path / "s" / "cards" / c["file"]) as im:
            assert im.size == (c["width"], c["height"])


def test_same_article_same_bytes(seed_article, tmp_path):
    a = render_cards(seed_article, tmp_path / "a", sizes=["square"])
    b = render_cards(seed_article, tmp_path / "b", sizes=["square"])
    for ca, cb in zip(a["cards"], b["cards"], strict=True):
        assert (tmp_path / "a/cards" / ca["file"]).read_bytes() == \
               (tmp_path / "b/cards" / cb["file"]).read_bytes()


def test_article_without_quotes(seed_article, tmp_path):
    bare = replace(seed_article, quotes=())
    path = tmp_path / "article.json"
    path.write_text(bare.to_json(), "utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["cards", str(path), "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "no card-worthy quotes" in res.output
    data = json.loads((out / bare.slug / "cards" / "cards.json").read_text("utf-8"))
    assert data["cards"] == [] and "no card-worthy quotes" in data["message"]
    assert not list((out / bare.slug / "cards").glob("*.png"))


def test_long_quote_is_cut_and_flagged(seed_article, tmp_path):
    q = seed_article.card_quotes[0]
    long_text = " ".join([q.text + "."] * 5)
    art = replace(seed_article, quotes=(replace(q, text=long_text),))
    res = render_cards(art, tmp_path, sizes=["landscape"], photo=False)
    card = res["cards"][0]
    assert card["truncated"] is True and card["quote"].endswith("…")
    assert len(card["quote"]) <= 400


def test_explicit_photo_needs_a_credit(seed_article, tmp_path, shared_dir):
    photo = shared_dir / "corpus" / "cap-xi-tajikistan.jpg"
    art = replace(seed_article, photo=replace(seed_article.photo, file=None, credit=None))
    path = tmp_path / "article.json"
    path.write_text(art.to_json(), "utf-8")
    runner = CliRunner()
    res = runner.invoke(cli, ["cards", str(path), "--out", str(tmp_path), "--photo", str(photo)])
    assert res.exit_code == 1 and "credit" in res.output
    res = runner.invoke(cli, ["cards", str(path), "--out", str(tmp_path), "--photo", str(photo),
                              "--credit", "مصور / وكالة", "--json", "-q"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["cards"][0]["credit"] == "مصور / وكالة"


def test_errors_and_usage(seed_path, tmp_path):
    runner = CliRunner()
    res = runner.invoke(cli, ["cards", str(seed_path), "--out", str(tmp_path),
                              "--template", "nope"])
    assert res.exit_code == 1 and "unknown card template" in res.output
    res = runner.invoke(cli, ["cards", str(seed_path), "--size", "banner"])
    assert res.exit_code == 2
    res = runner.invoke(cli, ["cards", "--help"])
    assert res.exit_code == 0 and "Examples" in res.output


def test_cli_module_imports_no_pillow():
    import subprocess
    import sys

    code = ("import sys, repackage.cli.cards; "
            "print(any(m.split('.')[0] in ('PIL', 'numpy') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_rerun_with_fewer_sizes_removes_stale_cards(seed_article, tmp_path):
    render_cards(seed_article, tmp_path, sizes=["square", "landscape"], photo=False)
    res = render_cards(seed_article, tmp_path, sizes=["landscape"], photo=False)
    on_disk = sorted(p.name for p in (tmp_path / "cards").glob("*.png"))
    assert on_disk == sorted(c["file"] for c in res["cards"])
    assert all(name.endswith("-landscape.png") for name in on_disk)


def test_progress_reports_every_card(seed_article, tmp_path):
    seen = []
    res = render_cards(seed_article, tmp_path, sizes=["square", "story"], photo=False,
                       progress=lambda done, total, label: seen.append((done, total, label)))
    assert [d for d, _, _ in seen] == list(range(1, 9)) and {t for _, t, _ in seen} == {8}
    assert [label for _, _, label in seen] == [c["file"] for c in res["cards"]]


def test_env_forces_the_basic_layout(seed_path, tmp_path, monkeypatch):
    monkeypatch.setenv("REPACKAGE_LAYOUT", "basic")
    monkeypatch.setattr("repackage.cards.shaping._warned", False)
    res = CliRunner(mix_stderr=False).invoke(cli, ["cards", str(seed_path), "--out", str(tmp_path), "--json",
                                   "--no-photo", "--size", "landscape"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert "basic layout" in res.stderr  # said once, as a one-line warning
    assert data["layout"] == "basic" and {c["layout"] for c in data["cards"]} == {"basic"}


def test_undrawable_character_stops_before_any_card(seed_article, tmp_path):
    q = seed_article.card_quotes
    art = replace(seed_article, quotes=(q[0], replace(q[1], text=q[1].text + " 🙂")))
    path = tmp_path / "article.json"
    path.write_text(art.to_json(), "utf-8")
    res = CliRunner().invoke(cli, ["cards", str(path), "--out", str(tmp_path / "o")])
    assert res.exit_code == 1
    assert "quote 2" in res.output and "U+1F642" in res.output
    assert not list((tmp_path / "o").rglob("*.png"))


@pytest.mark.parametrize("publisher", [None, "", "   "])
def test_the_mark_is_the_template_name_without_a_real_publisher(seed_article, tmp_path,
                                                                publisher):
    art = replace(seed_article, publisher=publisher, quotes=seed_article.card_quotes[:1])
    result = render_cards(art, tmp_path / "a", photo=False)
    assert result["mark"] == "ريباكج"  # classic's own text


def test_the_mark_is_the_publisher_ingest_found(seed_article, tmp_path):
    one = seed_article.card_quotes[:1]
    named = render_cards(replace(seed_article, publisher="صحيفة الحي", quotes=one),
                         tmp_path / "named", photo=False)
    plain = render_cards(replace(seed_article, publisher=None, quotes=one),
                         tmp_path / "plain", photo=False)
    assert named["mark"] == "صحيفة الحي"
    files = [d / "cards" / r["cards"][0]["file"] for d, r in
             ((tmp_path / "named", named), (tmp_path / "plain", plain))]
    assert files[0].read_bytes() != files[1].read_bytes()  # the name is drawn
