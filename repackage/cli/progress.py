"""Progress on a terminal: one bar per stage on stderr, each kept on its own line when done.

Only for an interactive stderr (the commands decide with ``cli.common.show_progress``);
piped runs get no progress at all.
"""

from __future__ import annotations

import sys
from typing import TextIO

_WIDTH = 24


class StageBars:
    """A ``progress(stage, done, total, label)`` callable drawing a bar per stage."""

    def __init__(self, stream: TextIO | None = None, prefix: str = "") -> None:
        self.stream = stream or sys.stderr
        self.prefix = prefix
        self.current: str | None = None

    def __call__(self, stage: str, done: int, total: int, label: str) -> None:
        if stage != self.current:
            self.close()
            self.current = stage
        total = max(total, 1)
        done = min(max(done, 0), total)
        filled = round(_WIDTH * done / total)
        bar = "#" * filled + "-" * (_WIDTH - filled)
        text = f"{self.prefix}{stage:<7} [{bar}] {done}/{total} {label}"
        width = 100
        self.stream.write("\r" + text[:width].ljust(width))
        self.stream.flush()

    def close(self) -> None:
        """End the current bar's line."""
        if self.current is not None:
            self.stream.write("\n")
            self.stream.flush()
            self.current = None


class CountBar:
    """A ``progress(done, total, label)`` callable: one bar for one stage or a batch."""

    def __init__(self, stage: str = "batch", stream: TextIO | None = None) -> None:
        self.stage = stage
        self.bars = StageBars(stream)

    def __call__(self, done: int, total: int, label: str) -> None:
        self.bars(self.stage, done, total, label)

    def close(self) -> None:
        """End the bar's line."""
        self.bars.close()
