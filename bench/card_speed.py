"""The project's quote cards: ms per card, against encoding an empty canvas of that size as PNG.

``cards_ms_per_card``: one in-process ``render_cards(article, dir, sizes=("square",))`` call for
the seed (4 cards, written to disk), divided by the number of cards; median over runs after one
untimed warm-up call (imports done, as in a batch run). ``png_encode_ms``: ``Image.new("RGB",
(1080, 1080))`` saved as PNG into memory with Pillow's defaults, median over runs.
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

    def png() -> None:
        from PIL import Image

        canvas = Image.new("RGB", SIZE)
        png_encode_seconds(canvas)
        n = ctx.runs(30, 10)
        out.put("png_encode_ms", round(1000 * median([png_encode_seconds(canvas)
                                                      for _ in range(n)]), 2), n)

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
        n = ctx.runs(7, 3)
        per_card = []
        for r in range(n):
            slug_dir = ctx.scratch(f"run-{r}")
            seconds, _ = timed(lambda d=slug_dir: render_cards(article, d, sizes=("square",)))
            per_card.append(seconds / count)
        out.put("cards_ms_per_card", round(1000 * median(per_card), 1), n)
        out.detail["cards"] = count
        out.detail["card_png_kb"] = [round(f.stat().st_size / 1024) for f in files]
        out.detail["cards_json"] = str(first / "cards" / "cards.json")
        if isinstance(summary, dict):
            out.detail["template"] = next(
                (c.get("template") for c in summary.get("cards", []) if isinstance(c, dict)), None)
        # how much of a card is PNG encoding of its real pixels (for the write-up)
        from PIL import Image

        with Image.open(files[0]) as im:
            im.load()
            real = im.copy()
        out.detail["real_card_png_encode_ms"] = round(
            1000 * median([png_encode_seconds(real) for _ in range(5)]), 1)
        out.detail["real_card_mode"] = real.mode
        log(f"cards {out.values['cards_ms_per_card']} ms/card over {count} cards")

    attempt(out, ["png_encode_ms"], png)
    attempt(out, ["cards_ms_per_card"], cards)
    return out
