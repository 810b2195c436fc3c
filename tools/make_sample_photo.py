"""Draw assets/sample-article.jpg: a stylised dawn over rows of solar panels by the sea.

Run from the project root: python tools/make_sample_photo.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

W, H = 1600, 1067
OUT = Path(__file__).resolve().parent.parent / "assets" / "sample-article.jpg"


def lerp(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def main() -> None:
    img = Image.new("RGB", (W, H))
    draw = ImageDraw.Draw(img)
    horizon = int(H * 0.52)
    for y in range(horizon):  # sky: deep blue to warm orange at the horizon
        draw.line([(0, y), (W, y)], fill=lerp((28, 44, 92), (247, 160, 92), y / horizon))
    draw.ellipse([W * 0.62, horizon - 150, W * 0.62 + 230, horizon + 80], fill=(255, 214, 140))
    for y in range(horizon, H):  # sea
        draw.line([(0, y), (W, y)], fill=lerp((210, 130, 90), (22, 60, 88), (y - horizon) / (H - horizon)))
    img = img.filter(ImageFilter.GaussianBlur(2))
    draw = ImageDraw.Draw(img)
    for row in range(5):  # rows of panels on the shore, larger as they come closer
        top = int(H * 0.62) + row * 90
        height = 40 + row * 12
        width = 120 + row * 30
        for x in range(-60 + row * 37 % 80, W, width + 24):
            panel = [(x, top + height), (x + width, top + height), (x + width - 30, top), (x + 30, top)]
            draw.polygon(panel, fill=(30, 48, 78), outline=(150, 170, 200))
            draw.line([(x + width / 2, top), (x + width / 2, top + height)], fill=(90, 110, 140), width=2)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    img.save(OUT, "JPEG", quality=85, optimize=True)
    print(OUT, OUT.stat().st_size)


if __name__ == "__main__":
    main()
