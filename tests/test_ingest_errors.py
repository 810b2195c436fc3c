"""Bad input: a one-line error naming the file and reason, exit 1, nothing written."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repackage.cli import cli
from repackage.errors import RepackageError
from repackage.ingest import ingest_bytes
from repackage.model import Article

CHROME_ONLY = (
    "سجل الآن لتصلك النشرة الإخبارية الأسبوعية مجانًا عبر البريد الإلكتروني\n\n"
    "  • هذا الحقل لأغراض التحقق ويجب تركه دون تغيير.\n\nاتبعنا على وسائل التواصل الاجتماعي\n\n"
    "العودة إلى الأعلى\n"
)

CASES = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\t\n   \n", "empty"),
    "binary.txt": (bytes(range(256)) * 8, "binary"),
    "png.txt": (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
    "chrome.txt": (CHROME_ONLY.encode(), "no article text"),
    "latin1.txt": ("Ceci est un texte français accentué, éèàç, sans arabe.".encode("latin-1"),
                   "undecodable"),
    "bad-utf16.txt": (b"\xff\xfe" + b"\x00\xd8a", "utf-16"),
    "shaped.txt": (None, "presentation forms"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_cli(tmp_path, name):
    data, reason = CASES[name]
    if data is None:  # text shaped for display, as a careless export stores it
        import arabic_reshaper

        data = arabic_reshaper.reshape(
            "شي يتعهد بدعم\n\nوعد الرئيس الصيني شي جين بينغ يوم الجمعة بالدفاع عن وحدة أراضي طاجيكستان."
        ).encode()
    path = tmp_path / name
    path.write_bytes(data)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["ingest", str(path), "--out", str(out)])
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert str(path) in lines[0] and reason in lines[0]
    assert "Traceback" not in result.output
    assert not out.exists() or not any(out.rglob("*"))


def test_missing_file(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "nope.txt"), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "nope.txt: no such file" in result.output


def test_oversize(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(("شي " * 1_100_000).encode())
    result = CliRunner().invoke(cli, ["ingest", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "limit" in result.output
    assert not (tmp_path / "out").exists()


def test_usage_error_is_exit_2(seed_path, tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(seed_path), "--slug", " ", "--out", str(tmp_path)])
    assert result.exit_code == 2
    result = CliRunner().invoke(cli, ["ingest"])
    assert result.exit_code == 2


def test_ingest_cli_writes_article_json(seed_path, tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(seed_path), "--out", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    written = (tmp_path / "cap-xi-tajikistan" / "article.json").read_text("utf-8")
    assert result.output.strip() == written.strip()
    assert not list(tmp_path.rglob("*.part"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_give_article_or_project_error(data):
    try:
        result = ingest_bytes(data, "fuzz.txt")
    except RepackageError:
        return
    assert isinstance(result, Article)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000), st.sampled_from(["a.txt", "a.md", "a.json"]))
def test_arbitrary_text_gives_article_or_project_error(text, name):
    try:
        result = ingest_bytes(text.encode("utf-8", "surrogatepass"), name)
    except RepackageError:
        return
    assert isinstance(result, Article)
    assert result.paragraphs and result.title
