"""Start-up: `repackage --help` wall time against a bare `python -c pass`, both medians."""

from __future__ import annotations

from measure import Context, Outcome, attempt, median, run_cmd, timed_cmd

KEYS = ("cli_help_ms", "python_bare_ms")


def measure(ctx: Context) -> Outcome:
    out = Outcome()
    n = ctx.runs(15, 7)

    def bare() -> None:
        cmd = [ctx.python, "-c", "pass"]
        timed_cmd(cmd)  # warm the page cache
        out.put("python_bare_ms", round(1000 * median([timed_cmd(cmd) for _ in range(n)]), 1), n)

    def help_() -> None:
        cmd = [ctx.repackage_exe, "--help"]
        proc = run_cmd(cmd)
        if "Usage" not in proc.stdout:
            raise RuntimeError("`repackage --help` printed no usage text")
        out.put("cli_help_ms", round(1000 * median([timed_cmd(cmd) for _ in range(n)]), 1), n)
        # which heavy modules --help drags in, for the write-up when the goal is missed
        probe = run_cmd([ctx.python, "-c", (
            "import sys\nfrom repackage.cli import cli\n"
            "try:\n    cli(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
            "heavy=('PIL','pydub','gtts','numpy','onnxruntime','requests','mutagen','regex',"
            "'arabic_reshaper','bidi','text2tashkeel','espeakng_loader','yaml')\n"
            "print('HEAVY', ' '.join(sorted({m.split('.')[0] for m in sys.modules} & set(heavy))))"
        )])
        line = [ln for ln in probe.stdout.splitlines() if ln.startswith("HEAVY")]
        out.detail["help_imports_heavy"] = line[0].split()[1:] if line else None

    attempt(out, ["python_bare_ms"], bare)
    attempt(out, ["cli_help_ms"], help_)
    return out
