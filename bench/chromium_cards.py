"""Baseline: the seed's quote cards rendered from HTML to PNG by headless Chromium.

``cards_chromium_ms_per_card`` is what a script that shells out to Chromium pays for each card:
one ``chromium --headless --screenshot`` process per card, started with a fresh profile, timed
from launch to exit (so browser start-up is included), median over all cards and runs.

The detail also reports a warm variant: one persistent browser driven over the DevTools
protocol (``--remote-debugging-pipe``), timing only navigate + fonts ready + screenshot.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import struct
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from card_page import SIZES, PageStyle, font_file, seed_cards, write_pages
from measure import Context, Outcome, attempt, log, median, seed_article

KEYS = ("cards_chromium_ms_per_card",)

CHROMIUM = os.environ.get("BENCH_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1"]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise RuntimeError(f"{path.name} is not a PNG")
    return struct.unpack(">II", data[16:24])


def screenshot_once(page: Path, png: Path, size: tuple[int, int]) -> float:
    """One cold render: start Chromium with a fresh profile, screenshot, exit. Seconds."""
    profile = tempfile.mkdtemp(prefix="bench-chromium-")
    try:
        t0 = time.perf_counter()
        proc = subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}",
             f"--window-size={size[0]},{size[1]}", page.as_uri()],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=120,
        )
        elapsed = time.perf_counter() - t0
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if proc.returncode != 0 or not png.exists():
        raise RuntimeError(f"chromium failed on {page.name}: {proc.stderr.strip()[-200:]}")
    if png_size(png) != size:
        raise RuntimeError(f"chromium wrote {png_size(png)} for {page.name}, wanted {size}")
    return elapsed


class DevToolsPipe:
    """A persistent headless Chromium spoken to over ``--remote-debugging-pipe`` (fds 3/4)."""

    def __init__(self, size: tuple[int, int]) -> None:
        self.profile = tempfile.mkdtemp(prefix="bench-chromium-")
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def wire_fds() -> None:
            # move both ends out of the way first: os.pipe() may itself have returned 3 or 4
            high_r = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10)
            high_w = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={self.profile}", "--remote-debugging-pipe",
             f"--window-size={size[0]},{size[1]}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            # fds 3 and 4 are where Chromium expects the pipe; dup2 makes them inheritable
            preexec_fn=wire_fds, close_fds=False,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buf = b""
        self._next_id = 0
        self.session: str | None = None

    def send(self, method: str, params: dict[str, Any] | None = None,
             session: str | None = None) -> dict[str, Any]:
        self._next_id += 1
        msg: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._to_chrome, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})

    def wait_event(self, name: str, timeout: float = 30) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = self._read()
            if msg.get("method") == name:
                return msg
        raise RuntimeError(f"no {name} within {timeout} s")

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buf:
            chunk = os.read(self._from_chrome, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def open_page(self, size: tuple[int, int]) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
        self.send("Page.enable", session=self.session)
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": size[0], "height": size[1], "deviceScaleFactor": 1,
                   "mobile": False}, session=self.session)

    def render(self, page: Path, png: Path) -> None:
        self.send("Page.navigate", {"url": page.as_uri()}, session=self.session)
        self.wait_event("Page.loadEventFired")
        self.send("Runtime.evaluate", {"expression": "document.fonts.ready.then(() => 1)",
                                       "awaitPromise": True}, session=self.session)
        shot = self.send("Page.captureScreenshot", {"format": "png"}, session=self.session)
        png.write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._to_chrome, self._from_chrome):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)


def _publisher() -> str | None:
    try:
        return seed_article().publisher
    except Exception:  # noqa: BLE001 - without ingest the template's own mark is used
        return None


def page_style() -> tuple[PageStyle, str]:
    """The look of the project's default card template where it can be read; where from."""
    style = PageStyle(quote_font=font_file("amiri", "Bold"),
                      meta_font=font_file("tajawal", "Bold"))
    try:
        from project_style import project_page_style

        return (project_page_style(style, publisher=_publisher()),
                "templates/cards/classic.toml")
    except Exception as exc:  # noqa: BLE001 - the generic look is a fair stand-in
        return style, f"built-in look ({exc.__class__.__name__}: {exc})"[:200]


def measure(ctx: Context) -> Outcome:
    out = Outcome()
    if not Path(CHROMIUM).exists():
        out.miss(KEYS, f"{CHROMIUM} not found (bench/run installs Debian's chromium)")
        return out
    size = SIZES["square"]
    style, style_source = page_style()
    # the texts of the project's own cards when card_speed left them, else the expected ones
    cards = seed_cards(ctx.work.parent / "card_speed" / "warmup" / "cards" / "cards.json")
    pages = write_pages(cards, size, style, ctx.scratch("pages"))
    shots = ctx.scratch("png")
    out.detail["style"] = {"source": style_source, "quote_font": style.quote_font.name, "meta_font": style.meta_font.name,
                           "photo": bool(style.photo), "size": list(size), "cards": len(cards)}

    def cold() -> None:
        screenshot_once(pages[0], shots / "warmup.png", size)  # page cache, not timed
        n = ctx.runs(3, 1)
        times = [screenshot_once(p, shots / f"{p.stem}-{r}.png", size)
                 for r in range(n) for p in pages]
        out.put("cards_chromium_ms_per_card", round(1000 * median(times), 1), len(times))
        out.detail["cold_ms_each"] = [round(1000 * t, 1) for t in times]

    def warm() -> None:
        browser = DevToolsPipe(size)
        try:
            browser.send("Browser.getVersion")
            browser.open_page(size)
            browser.render(pages[0], shots / "warm-warmup.png")
            times = []
            for r in range(ctx.runs(5, 2)):
                for p in pages:
                    png = shots / f"warm-{p.stem}-{r}.png"
                    t0 = time.perf_counter()
                    browser.render(p, png)
                    times.append(time.perf_counter() - t0)
                    if png_size(png) != size:
                        raise RuntimeError(f"warm screenshot is {png_size(png)}, wanted {size}")
        finally:
            browser.close()
        out.detail["warm_ms_per_card"] = round(1000 * median(times), 1)
        out.detail["warm_runs"] = len(times)

    attempt(out, KEYS, cold)
    try:
        warm()
    except Exception as exc:  # noqa: BLE001 - the warm variant is extra information
        out.detail["warm_error"] = f"{exc.__class__.__name__}: {exc}"[:300]
    log(f"chromium cold {out.values.get('cards_chromium_ms_per_card')} ms/card, "
        f"warm {out.detail.get('warm_ms_per_card')} ms/card")
    return out
