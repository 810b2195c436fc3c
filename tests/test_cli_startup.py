"""Start-up stays light: help of the tool and of every command imports no heavy library."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("PIL", "pydub", "gtts", "numpy", "onnxruntime", "mutagen", "lxml")

PROBE = """
import json, sys
sys.argv = [sys.argv[0], *json.loads(sys.argv[1])]
try:
    {call}
except SystemExit as exc:
    code = exc.code
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {heavy!r})
print(json.dumps({{"code": code, "heavy": heavy}}))
"""


def loaded_after(call: str, args: list[str]) -> dict:
    script = PROBE.format(call=call, heavy=set(HEAVY))
    out = subprocess.run([sys.executable, "-c", script, json.dumps(args)],
                         capture_output=True, text=True, timeout=60, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("call", [
    "from repackage.cli import main; main()",
    "import runpy; runpy.run_module('repackage', run_name='__main__')",
])
def test_help_imports_no_heavy_library(call: str):
    result = loaded_after(call, ["--help"])
    assert result == {"code": 0, "heavy": []}


@pytest.mark.parametrize("command", ["all", "batch", "feed", "doctor"])
def test_command_help_imports_no_heavy_library(command: str):
    result = loaded_after("from repackage.cli import main; main()", [command, "--help"])
    assert result == {"code": 0, "heavy": []}


def test_the_probe_does_see_heavy_imports():
    # The check above is only worth something if an import would show up.
    result = loaded_after("import PIL.Image; raise SystemExit(0)", [])
    assert "PIL" in result["heavy"]
