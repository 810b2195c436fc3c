"""Find the files shipped with the package (``assets/`` and ``templates/``).

In a wheel they live in ``repackage/_data/``; in a source checkout they are the top-level
folders beside the package.
"""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the shipped folder ``name`` ("assets" or "templates")."""
    for base in (_PKG / "_data" / name, _PKG.parent / name):
        if base.is_dir():
            return base
    raise FileNotFoundError(f"shipped folder {name!r} not found beside {_PKG}")


def asset(name: str) -> Path:
    """Path of a shipped asset file."""
    return data_dir("assets") / name


def template(name: str) -> Path:
    """Path of a shipped template file."""
    return data_dir("templates") / name
