"""Read every seed card back with Tesseract's Arabic model and compare with the source.

Each card is rendered in memory, its quote block cropped (the plan knows where it is),
scaled so the text is at a size Tesseract reads well, and OCR'd. The folded OCR text must
match the folded quote at 0.9 or better, on both layout paths and at every size. A wrongly
shaped render goes through the same procedure and must score low, so the check can fail.
"""

from __future__ import annotations

import difflib
import io
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest
from PIL import Image, ImageDraw, ImageOps

from repackage.cards import load_template, render_card
from repackage.cards.fonts import load_font, resolve_font
from repackage.cards.layout import CardContent
from repackage.cards.shaping import visual_line
from repackage.text.arabic import fold

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

SIZES = ("square", "portrait", "story", "landscape")
LAYOUTS = ("raqm", "basic")
SPEAKER, ROLE = "شي جين بينغ", "الرئيس الصيني"
# Tesseract reads best with glyphs of this many px per em; a second scale is tried when the
# first reads poorly, for wrong renders too.
EM_PX = (28, 36)


def similarity(source: str, read: str) -> float:
    """difflib ratio between the folded source and the folded OCR text."""
    return difflib.SequenceMatcher(None, fold(source), fold(read)).ratio()


def tesseract(image: Image.Image, lang: str = "ara") -> str:
    """OCR ``image`` as a uniform block of text."""
    buf = io.BytesIO()
    image.save(buf, "PNG")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    out = subprocess.run(["tesseract", "stdin", "stdout", "-l", lang, "--psm", "6"],
                         input=buf.getvalue(), capture_output=True, check=True, env=env)
    return out.stdout.decode("utf-8")


def prepare(image: Image.Image, box: tuple[int, int, int, int], em: int, scale_to: int) -> Image.Image:
    """Crop ``box`` with a margin, make it dark-on-light grey, scale to ``scale_to`` px/em."""
    x0, y0, x1, y1 = box
    crop = image.crop((max(0, x0 - 30), max(0, y0 - 20), min(image.width, x1 + 30),
                       min(image.height, y1 + 20))).convert("L")
    if sum(crop.histogram()[:128]) > crop.width * crop.height / 2:
        crop = ImageOps.invert(crop)
    f = scale_to / em
    return crop.resize((round(crop.width * f), round(crop.height * f)), Image.Resampling.LANCZOS)


def read_back(image: Image.Image, box: tuple[int, int, int, int], em: int, source: str,
              lang: str = "ara") -> tuple[float, str]:
    """Best (similarity, text) over the EM_PX scales, stopping at the first good one."""
    best = (0.0, "")
    for px in EM_PX:
        text = tesseract(prepare(image, box, em, px), lang)
        best = max(best, (similarity(source, text), text))
        if best[0] >= 0.9:
            break
    return best


def ocr_card(quote: str, size: str, layout: str, template: str, photo: str | None,
             credit: str) -> tuple[float, str]:
    content = CardContent(quote, SPEAKER, ROLE, credit if photo else "", "ريباكج")
    card = render_card(content, size, load_template(template), photo=photo, layout=layout)
    image = Image.open(io.BytesIO(card.png))
    box = card.plan.block("quote")
    assert box is not None
    return read_back(image, box.as_ints(), card.plan.quote_size, quote)


@pytest.fixture(scope="session")
def seed_quotes(seed_expected: dict) -> list[str]:
    return [q["text"] for q in seed_expected["card_worthy_quotes"]]


@pytest.fixture(scope="session")
def readings(seed_quotes, seed_expected, shared_dir) -> dict:
    """OCR similarity of every seed card: classic over the photo at all sizes and both
    layouts, and the light template without photo on square cards. Two at a time."""
    photo = str(shared_dir / "corpus" / "cap-xi-tajikistan.jpg")
    credit = seed_expected["photo_credit"]
    jobs = {}
    for layout in LAYOUTS:
        for size in SIZES:
            for i, q in enumerate(seed_quotes):
                jobs[("classic", layout, size, i)] = (q, size, layout, "classic", photo, credit)
        for i, q in enumerate(seed_quotes):
            jobs[("light", layout, "square", i)] = (q, "square", layout, "light", None, credit)
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {k: pool.submit(ocr_card, *args) for k, args in jobs.items()}
        return {k: f.result() for k, f in futures.items()}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("size", SIZES)
def test_seed_quotes_read_back_on_photo(readings, seed_quotes, size, layout):
    for i in range(len(seed_quotes)):
        score, text = readings[("classic", layout, size, i)]
        assert score >= 0.9, f"quote {i + 1} read back at {score:.3f}: {text!r}"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_seed_quotes_read_back_light_template(readings, seed_quotes, layout):
    for i in range(len(seed_quotes)):
        score, text = readings[("light", layout, "square", i)]
        assert score >= 0.9, f"quote {i + 1} read back at {score:.3f}: {text!r}"


def _draw_lines(lines: list[str], path: str, size: int, basic: bool, raqm_args: bool):
    font = load_font(path, size, basic)
    a, d = font.getmetrics()
    image = Image.new("L", (1000, (a + d) * len(lines) + 40), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        kwargs = {"direction": "rtl", "language": "ar"} if raqm_args else {}
        draw.text((980, 20 + a + i * (a + d)), line, font=font, fill=0, anchor="rs", **kwargs)
    return image, (0, 0, image.width, image.height)


def test_wrong_shaping_reads_low(seed_quotes):
    """Reshaped visual text fed to Raqm, and unshaped logical text on the basic layout,
    both look like Arabic to a non-reader; the read-back check must reject them."""
    quote = seed_quotes[2]
    words = quote.split()
    lines = [" ".join(words[i:i + 5]) for i in range(0, len(words), 5)]
    path = str(resolve_font("amiri:Bold"))
    size = 56

    right, box = _draw_lines(lines, path, size, basic=False, raqm_args=True)
    good, _ = read_back(right, box, size, quote)
    assert good >= 0.9  # the same procedure reads a correct render

    double, box = _draw_lines([visual_line(ln) for ln in lines], path, size, basic=False,
                              raqm_args=True)
    unshaped, box2 = _draw_lines(lines, path, size, basic=True, raqm_args=False)
    for name, image, b in (("reshaped into Raqm", double, box), ("unshaped basic", unshaped, box2)):
        score, text = read_back(image, b, size, quote)
        assert score < 0.6, f"{name} read back at {score:.3f}: {text!r}"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_mixed_arabic_latin_and_numbers(layout):
    quote = ("قال الوزير إن الاقتصاد نما بنسبة 3.5 في المئة عام 2024، وأضاف: "
             "the recovery is real and lasting، ثم غادر القاعة.")
    card = render_card(CardContent(quote, "أحمد علي", "وزير المالية", "", "ريباكج"), "square",
                       load_template("classic"), layout=layout)
    image = Image.open(io.BytesIO(card.png))
    box = card.plan.block("quote").as_ints()
    # The clause fills its line edge to edge, its Arabic comma glued to "the": some scales
    # read "،the" as one blot, so every scale is tried until one reads the whole card.
    tried = []
    for px in (*EM_PX, 40):
        text = tesseract(prepare(image, box, card.plan.quote_size, px), "ara+eng")
        folded, score = fold(text), similarity(quote, text)
        tried.append((score, text))
        # the English clause reads left to right; digits are not reversed
        if "the recovery is real" in folded and "2024" in folded and score >= 0.85:
            break
    else:
        pytest.fail(f"no scale read the mixed card back: {tried!r}")
