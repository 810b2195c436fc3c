"""Shared plumbing for the benchmark groups: context, timing, subprocess helpers, the seed.

Every group module defines ``KEYS`` (the result keys it fills) and ``measure(ctx) -> Outcome``.
A figure that cannot be taken is ``None`` with a one-line reason, never a crash of the suite.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
SHARED = Path(os.environ.get("REPACKAGE_SHARED", ROOT.parent / "shared")).resolve()
SEED = SHARED / "corpus" / "cap-xi-tajikistan.txt"
SEED_PHOTO = SHARED / "corpus" / "cap-xi-tajikistan.jpg"


class Unavailable(Exception):
    """A figure cannot be measured on this checkout or machine (the message says why)."""


@dataclass
class Context:
    """What every group needs: the interpreter to use, a scratch folder, and how hard to try."""

    python: str
    work: Path
    quick: bool

    @property
    def venv_bin(self) -> Path:
        return Path(self.python).parent

    @property
    def repackage_exe(self) -> str:
        exe = self.venv_bin / "repackage"
        if not exe.exists():
            raise Unavailable(f"console script not found at {exe}")
        return str(exe)

    def runs(self, full: int, quick: int) -> int:
        """How many repeats a figure gets in this mode."""
        return quick if self.quick else full

    def scratch(self, name: str) -> Path:
        """A fresh, empty folder under the work dir."""
        path = self.work / name
        if path.exists():
            shutil.rmtree(path)
        path.mkdir(parents=True)
        return path


@dataclass
class Outcome:
    """Figures of one group, the reason for each missing one, and details for the write-up."""

    values: dict[str, float | int | None] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    runs: dict[str, int] = field(default_factory=dict)
    detail: dict[str, Any] = field(default_factory=dict)

    def put(self, key: str, value: float | int | None, runs: int = 1) -> None:
        self.values[key] = value
        self.runs[key] = runs

    def miss(self, keys: Sequence[str], reason: str) -> None:
        for key in keys:
            self.values[key] = None
            self.reasons[key] = reason

    def to_dict(self) -> dict[str, Any]:
        return {"values": self.values, "reasons": self.reasons, "runs": self.runs,
                "detail": self.detail}


def attempt(out: Outcome, keys: Sequence[str], fn: Callable[[], None]) -> None:
    """Run one measurement; on failure record ``keys`` as missing with a one-line reason."""
    try:
        fn()
    except Unavailable as exc:
        out.miss([k for k in keys if out.values.get(k) is None], str(exc))
    except Exception as exc:  # noqa: BLE001 - a broken stage must not stop the suite
        reason = f"{exc.__class__.__name__}: {exc}".splitlines()[0][:300]
        out.miss([k for k in keys if out.values.get(k) is None], reason)


def median(xs: Sequence[float]) -> float:
    return float(statistics.median(xs))


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Wall time in seconds of one call, and its result."""
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def run_cmd(cmd: Sequence[str], *, timeout: float = 900, env: dict[str, str] | None = None,
            cwd: Path | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run a command, capturing output; raise Unavailable with its last stderr line on failure."""
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    try:
        proc = subprocess.run(list(cmd), capture_output=True, text=True, timeout=timeout,
                              env=full_env, cwd=cwd)
    except subprocess.TimeoutExpired:
        raise Unavailable(f"{Path(cmd[0]).name} {' '.join(cmd[1:3])} timed out after {timeout:.0f} s") from None
    if check and proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["(no stderr)"])[-1]
        raise Unavailable(f"`{Path(cmd[0]).name} {' '.join(cmd[1:3])}` exited "
                          f"{proc.returncode}: {tail[:200]}")
    return proc


def timed_cmd(cmd: Sequence[str], **kwargs: Any) -> float:
    """Wall time in seconds of one command run to completion."""
    t0 = time.perf_counter()
    run_cmd(cmd, **kwargs)
    return time.perf_counter() - t0


def ffmpeg_exe() -> str:
    """The ffmpeg binary the project itself uses (from imageio-ffmpeg)."""
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def seed_article() -> Any:
    """The seed as an Article, read by the project's own ingest."""
    if not SEED.exists():
        raise Unavailable(f"seed article not found at {SEED}; set REPACKAGE_SHARED")
    try:
        from repackage.ingest import load_article
    except ImportError:
        raise Unavailable("repackage.ingest.load_article is not available yet") from None
    return load_article(SEED)


def seed_plan() -> tuple[Any, Any, list[Any], Any]:
    """(show, a new espeak engine, planned segments, script) for the seed, planned by the
    project's own audio stage."""
    try:
        from repackage.audio.engines import make_engine
        from repackage.audio.script import plan_script
        from repackage.audio.show import load_show
        from repackage.audio.voice import plan_segment
    except ImportError as exc:
        raise Unavailable(f"the audio stage's voicing path is not available: {exc}") from None
    show = load_show()
    script = plan_script(seed_article(), show)
    engine = make_engine("espeak")
    return show, engine, [plan_segment(s, engine, show.pauses) for s in script.segments], script


def write_json(path: Path, obj: Any) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def log(msg: str) -> None:
    """Progress on stderr so stdout stays the result table."""
    print(f"  [bench] {msg}", file=sys.stderr, flush=True)
