"""Run one command and report its wall time and the peak RSS of its largest process.

    python bench/rusage_run.py RESULT.json -- CMD ARG...

``getrusage(RUSAGE_CHILDREN).ru_maxrss`` is the largest resident set of any descendant that
has been waited for (the command, and anything it started and reaped, such as ffmpeg), which
is what "the largest process" means. ``cpu_s`` is the user + system time of them all. It runs in its own small process so the benchmark
driver's other children never count.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def main() -> int:
    result, sep, *cmd = sys.argv[1:]
    if sep != "--" or not cmd:
        print(__doc__, file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(result, "w", encoding="utf-8") as fh:
        json.dump({"seconds": seconds, "maxrss_mb": usage.ru_maxrss / 1024,
                   "cpu_s": usage.ru_utime + usage.ru_stime,
                   "returncode": proc.returncode, "stdout": proc.stdout[-4000:],
                   "stderr": proc.stderr[-4000:]}, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main())
