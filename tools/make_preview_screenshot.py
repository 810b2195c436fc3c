"""Draw docs/preview.png, the README's picture of the review page, with the project's tools.

Run from the project root: python tools/make_preview_screenshot.py
(needs the test extras and Debian's chromium: `make test` installs both). It runs
`repackage all` on the sample article with the offline voice, opens the page in headless
Chromium at a phone's width and keeps a small palette PNG of the first screens.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "preview.png"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        subprocess.run([sys.executable, "-m", "repackage", "all",
                        str(ROOT / "assets" / "sample-article.txt"), "--engine", "espeak",
                        "--out", str(out), "-q"], check=True)
        page_path = out / "sample-article" / "index.html"
        shots = []
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 390, "height": 780},
                                    device_scale_factor=1)
            for anchor in ("", "#threads"):
                page.goto(f"{page_path.resolve().as_uri()}{anchor}")
                page.wait_for_timeout(300)
                shot = Path(tmp) / f"shot-{len(shots)}.png"
                page.screenshot(path=str(shot))
                shots.append(Image.open(shot).convert("RGB"))
            browser.close()
    gap = 12
    width = sum(s.width for s in shots) + gap * (len(shots) - 1)
    sheet = Image.new("RGB", (width, max(s.height for s in shots)), "#d0d4da")
    x = width
    for shot in shots:  # right to left, as the page reads
        x -= shot.width
        sheet.paste(shot, (x, 0))
        x -= gap
    sheet.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(TARGET, optimize=True)
    print(f"wrote {TARGET} ({TARGET.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
