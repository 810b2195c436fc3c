"""The project's quote cards: ms per card, against encoding an empty canvas of that size as PNG.

``cards_ms_per_card``: one in-process ``render_cards(article, dir, sizes=("square",))`` call for
the seed (4 cards, written to disk), divided by the number of cards; median over runs after one
untimed warm-up call (imports done, as in a batch run). ``png_encode_ms``: ``Image.new("RGB",
(1080, 1080))`` saved as PNG into memory with Pillow's defaults, median over runs. The two
alternate (a card run, then a burst of encodes) so that both see the same machine load.
"""

from __future__ import annotations

import io

from measure import Context, Outcome, Unavailable, attempt, log, median, seed_article, timed

KEYS = ("cards_ms_per_card", "png_encode_ms")
SIZE = (1080, 1080)


def png_encode_seconds(image: object) -> float:
    buf = io.BytesIO()
    seconds, _ = timed(lambda: image.save(buf, format="PNG"))  # type: ignore[attr-defined]
    return seconds


def measure(ctx: Context) -> Outcome:
    out = Outcome()
    from PIL import Image

    canvas = Image.new("RGB", SIZE)
    png_encode_seconds(canvas)  # warm-up
    png_times: list[float] = []

    def png_burst(k: int = 5) -> None:
        png_times.extend(png_encode_seconds(canvas) for _ in range(k))

    def cards() -> None:
        try:
            from repackage.cards import render_cards
        except ImportError:
            raise Unavailable("repackage.cards.render_cards is not available yet") from None
        article = seed_article()
        first = ctx.scratch("warmup")
        summary = render_cards(article, first, sizes=("square",))
        files = sorted((first / "cards").glob("*.png"))
        if not files:
            raise Unavailable("render_cards wrote no PNG for the seed")
        count = len(files)
        n = ctx.runs(15, 7)
        per_card = []
        # card runs and empty-canvas encodes alternate, so both see the same machine load
        for r in range(n):
            slug_dir = ctx.scratch(f"run-{r}")
            seconds, _ = timed(lambda d=slug_dir: render_cards(article, d, sizes=("square",)))
            per_card.append(seconds / count)
            png_burst()
        out.put("cards_ms_per_card", round(1000 * median(per_card), 1), n)
        out.detail["cards"] = count
        out.detail["cards_ms_each_run"] = [round(1000 * t, 1) for t in per_card]
        out.detail["card_png_kb"] = [round(f.stat().st_size / 1024) for f in files]
        if isinstance(summary, dict):
            out.detail["template"] = summary.get("template")
            out.detail["layout"] = summary.get("layout")
        # Pillow's default encode of a real card's pixels, for the write-up
        with Image.open(files[0]) as im:
            im.load()
            real = im.copy()
        out.detail["real_card_default_png_encode_ms"] = round(
            1000 * median([png_encode_seconds(real) for _ in range(3)]), 1)
        log(f"cards {out.values['cards_ms_per_card']} ms/card over {count} cards")

    attempt(out, ["cards_ms_per_card"], cards)
    if len(png_times) < 10:
        png_burst(ctx.runs(30, 10))
    out.put("png_encode_ms", round(1000 * median(png_times), 2), len(png_times))
    return out
