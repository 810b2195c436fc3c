"""Read an input file's bytes and decode them, recording the encoding found.

Handles UTF-8 (with or without BOM), UTF-16 with a BOM, and Windows-1256, the encoding of many
older Arabic pages. A saved HTML page that is not UTF-8 is read in the charset its
``<meta charset>`` or ``http-equiv`` declaration names. Binary data and text that is neither is
refused with an InputError.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from repackage.errors import InputError
from repackage.text.arabic import arabic_ratio

MAX_BYTES = 5 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
# Control characters other than tab/newline/CR/form feed betray binary data.
_CONTROL = {c for c in range(32) if c not in (9, 10, 12, 13)} | {127}
# The HTML standard's prescan looks at the first 1024 bytes; saved pages often put scripts or
# comments first, so look a little further.
_PRESCAN = 4096
_LATIN = {"latin_1", "iso8859-1", "cp1252", "ascii", "iso8859-15"}
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I
)
_MARKUP = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.I | re.S)


@dataclass(frozen=True)
class Decoded:
    """Decoded text with its provenance."""

    text: str
    encoding: str
    sha256: str


def read_input(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """Read ``path`` whole, refusing missing files, folders and files over ``max_bytes``."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not an article file")
    if size > max_bytes:
        raise InputError(f"{path}: file is {size / 1048576:.1f} MB, over the {max_bytes // 1048576} MB limit")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    bad = sum(1 for c in text if ord(c) in _CONTROL or c == "\ufffd")
    return bad > max(2, len(text) // 200)


def decode(data: bytes, name: str = "input") -> Decoded:
    """Decode ``data``; raise InputError naming ``name`` when it is binary or undecodable."""
    sha = hashlib.sha256(data).hexdigest()
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(f"{name}: starts with a {label} byte-order mark but is not valid {label}") from None
            return _checked(text.lstrip("\ufeff"), label, sha, name)
    if b"\x00" in data:
        raise InputError(f"{name}: binary data, not an article")
    try:
        return _checked(data.decode("utf-8"), "utf-8", sha, name)
    except UnicodeDecodeError:
        pass
    # Text that is valid UTF-8 is UTF-8 whatever a page declares; otherwise the declaration
    # decides, unless it is wrong: bytes it cannot decode, or a Latin charset (which decodes any
    # byte) on a page whose text reads as Arabic in Windows-1256, a mislabel old sites often carry.
    declared = declared_charset(data)
    if declared and not (declared in _LATIN and _reads_arabic(data.decode("cp1256", errors="replace"))):
        try:
            return _checked(data.decode(declared), _label(declared), sha, name)
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        raise InputError(f"{name}: undecodable text (neither UTF-8, UTF-16 nor Windows-1256)") from None
    # cp1256 maps almost every byte, so only accept it when the result reads as Arabic.
    if not _reads_arabic(text):
        raise InputError(f"{name}: undecodable text (not UTF-8, and not Arabic in Windows-1256)")
    return _checked(text, "windows-1256", sha, name)


def _reads_arabic(text: str) -> bool:
    """True when the letters of ``text`` (markup aside: a page's tags are Latin) are mostly Arabic."""
    return arabic_ratio(_MARKUP.sub(" ", text)) >= 0.5


def declared_charset(data: bytes) -> str | None:
    """The codec named by an HTML ``<meta charset>`` / ``http-equiv`` declaration, if Python knows it."""
    m = _META_CHARSET.search(data[:_PRESCAN])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _label(codec: str) -> str:
    """The name an encoding is recorded under (``cp1256`` is better known as windows-1256)."""
    return {"cp1256": "windows-1256", "utf-8": "utf-8"}.get(codec, codec)


def _checked(text: str, encoding: str, sha: str, name: str) -> Decoded:
    if _looks_binary(text):
        raise InputError(f"{name}: binary data, not an article")
    return Decoded(text, encoding, sha)
