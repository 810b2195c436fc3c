"""Baseline: ffmpeg alone joining segment files, two-pass loudnorm to -16 LUFS, MP3 encode.

This is what a producer would script without the project: the concat demuxer, a measuring
``loudnorm`` pass, then a second pass with the measured values and the encode.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from measure import ffmpeg_exe

TARGET = "I=-16:TP=-1.5:LRA=11"


def _concat_list(segments: list[Path], folder: Path) -> Path:
    listing = folder / "concat.txt"
    lines = ["file '{}'".format(str(p.resolve()).replace("'", "'\\''")) for p in segments]
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return listing


def _ffmpeg(args: list[str]) -> str:
    proc = subprocess.run([ffmpeg_exe(), "-hide_banner", "-nostdin", *args],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"ffmpeg failed: {proc.stderr.strip().splitlines()[-1:]}")
    return proc.stderr


def mix(segments: list[Path], out_mp3: Path, *, bitrate: str = "128k") -> dict[str, float]:
    """Concat + loudnorm (two passes) + encode ``segments`` into ``out_mp3``; the measurement."""
    listing = _concat_list(segments, out_mp3.parent)
    source = ["-f", "concat", "-safe", "0", "-i", str(listing)]
    log = _ffmpeg([*source, "-af", f"loudnorm={TARGET}:print_format=json", "-f", "null", "-"])
    found = re.search(r"\{[^{}]*\"input_i\"[^{}]*\}", log, re.S)
    if not found:
        raise RuntimeError("ffmpeg loudnorm printed no measurement")
    m = json.loads(found.group(0))
    second = (f"loudnorm={TARGET}:measured_I={m['input_i']}:measured_TP={m['input_tp']}:"
              f"measured_LRA={m['input_lra']}:measured_thresh={m['input_thresh']}:"
              f"offset={m['target_offset']}:linear=true")
    _ffmpeg(["-y", *source, "-af", second, "-ar", "44100", "-ac", "1", "-c:a", "libmp3lame",
             "-b:a", bitrate, str(out_mp3)])
    return {"input_i": float(m["input_i"]), "input_tp": float(m["input_tp"])}


def loudness(path: Path) -> dict[str, float]:
    """Integrated loudness and true peak of a file, measured by ffmpeg's ebur128."""
    log = _ffmpeg(["-i", str(path), "-af", "ebur128=peak=true", "-f", "null", "-"])
    summary = log[log.rfind("Summary:"):]
    lufs = re.search(r"I:\s*(-?[\d.]+) LUFS", summary)
    peak = re.search(r"Peak:\s*(-?[\d.]+|-inf) dBFS", summary)
    return {"lufs": float(lufs.group(1)) if lufs else float("nan"),
            "true_peak_dbfs": float(peak.group(1)) if peak else float("nan")}
