"""Loudness: EBU R128 metering with ffmpeg's ``ebur128`` and the pass-two gain/limiter plan.

Target: -16 LUFS integrated, true peak at most -1 dBTP (Apple's podcast delivery spec).
Pass one meters the mix (integrated loudness and true peak); pass two applies the exact
gain and, only when that gain would push peaks over the ceiling, a look-ahead limiter.
``loudnorm`` is not used: it resamples to 192 kHz (several times slower), and on peaky
synthesized speech its linear mode gives up and falls back to dynamic compression anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from repackage.errors import RepackageError

from .codec import run_ffmpeg

TARGET_I = -16.0
TARGET_TP = -1.0
# The limiter works on samples; MP3 encoding and inter-sample peaks add a little on top.
LIMIT_MARGIN = 0.7
# Limiting lowers integrated loudness by roughly this share of the dB it shaves off peaks
# (measured on synthesized speech); pass two adds it back so one pass usually lands.
LIMIT_LOUDNESS_COST = 0.18


@dataclass(frozen=True)
class Loudness:
    """Integrated loudness (LUFS), true peak (dBTP) and loudness range (LU)."""

    integrated: float
    true_peak: float
    lra: float

    def to_dict(self) -> dict[str, float]:
        """JSON form, rounded to 0.1."""
        return {"integrated_lufs": round(self.integrated, 1),
                "true_peak_dbtp": round(self.true_peak, 1), "lra_lu": round(self.lra, 1)}

    def meets(self, target_i: float = TARGET_I, target_tp: float = TARGET_TP,
              tolerance: float = 1.0) -> bool:
        """Within ``tolerance`` LU of ``target_i`` and no true peak above ``target_tp``."""
        return abs(self.integrated - target_i) <= tolerance and self.true_peak <= target_tp


METER_FILTER = "ebur128=peak=true:framelog=quiet"

_I = re.compile(r"Integrated loudness:\s+I:\s+(-?[\d.]+|-inf) LUFS")
_LRA = re.compile(r"Loudness range:\s+LRA:\s+(-?[\d.]+) LU")
_TP = re.compile(r"True peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS")


def _num(m: re.Match[str] | None, what: str) -> float:
    if m is None:
        raise RepackageError(f"loudness meter gave no {what}")
    return float("-inf") if m.group(1) == "-inf" else float(m.group(1))


def parse_ebur128(stderr: str) -> Loudness:
    """Read the summary that ffmpeg's ``ebur128`` filter prints at the end."""
    tail = stderr[stderr.rfind("Summary:"):] if "Summary:" in stderr else stderr
    flat = " ".join(tail.split())
    return Loudness(_num(_I.search(flat), "integrated loudness"),
                    _num(_TP.search(flat), "true peak"), _num(_LRA.search(flat), "range"))


def gain_plan(measured: Loudness, target_i: float = TARGET_I,
              target_tp: float = TARGET_TP) -> tuple[float, float | None]:
    """(gain dB, sample-peak limit dBFS or None) that takes ``measured`` to the target."""
    if measured.integrated == float("-inf"):
        raise RepackageError("the mix is silent: nothing to normalise")
    gain = target_i - measured.integrated
    limit = target_tp - LIMIT_MARGIN
    excess = measured.true_peak + gain - limit
    if excess <= 0:
        return gain, None
    return gain + min(1.5, LIMIT_LOUDNESS_COST * excess), limit


def apply_filter(gain_db: float, limit_db: float | None) -> str:
    """The pass-two filter chain for a ``gain_plan``."""
    chain = f"volume={gain_db:.2f}dB"
    if limit_db is not None:
        # latency=true removes the look-ahead delay, so segment timings stay exact
        chain += (f",alimiter=limit={10 ** (limit_db / 20):.4f}:attack=5:release=60"
                  ":level=false:latency=true")
    return chain


def measure(path: str | Path) -> Loudness:
    """Meter an audio file with ffmpeg's ebur128 (true peak on)."""
    err = run_ffmpeg(["-i", str(path), "-af", METER_FILTER, "-f", "null", "-"],
                     f"{path}: cannot meter loudness")
    return parse_ebur128(err)
