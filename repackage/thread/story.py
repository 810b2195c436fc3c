"""The whole-article thread's story: every sentence in order, packed into posts. Pure."""

from __future__ import annotations

from collections.abc import Sequence

from repackage.model import Article
from repackage.thread import compose
from repackage.thread.platforms import Platform
from repackage.thread.posts import CardRef, Draft
from repackage.thread.split import Fits, split_to_fit
from repackage.thread.units import Unit, article_units


def story(article: Article, platform: Platform, fits: Fits, cards: Sequence[CardRef],
          credit: str | None) -> list[Draft]:
    """Pack the story into posts: whole paragraphs when they fit, else sentence by sentence.

    A sentence holding card quotes gets a post of its own carrying their cards.
    """
    drafts: list[Draft] = []
    blocks: list[str] = []  # the open post's paragraphs (or paragraph parts)

    def fits_blocks(parts: list[str]) -> bool:
        return fits("\n\n".join(parts))

    def flush() -> None:
        if blocks:
            drafts.append(Draft("\n\n".join(blocks)))
            blocks.clear()

    groups: dict[int, list[Unit]] = {}
    for unit in article_units(article):
        groups.setdefault(unit.paragraph, []).append(unit)

    for index in sorted(groups):
        group = groups[index]
        whole = " ".join(u.text for u in group)
        if not any(u.quotes for u in group):
            if fits_blocks([*blocks, whole]):
                blocks.append(whole)
                continue
            flush()
            if fits(whole):
                blocks.append(whole)
                continue
        in_paragraph = False  # whether the open post's last block belongs to this paragraph
        for unit in group:
            if unit.quotes:
                flush()
                drafts.extend(compose.quote_post(unit.text, unit.quotes, platform, fits, cards,
                                                 credit, article.card_quotes))
                in_paragraph = False
                continue
            if in_paragraph and fits_blocks([*blocks[:-1], f"{blocks[-1]} {unit.text}"]):
                blocks[-1] = f"{blocks[-1]} {unit.text}"
                continue
            if not in_paragraph and blocks and fits_blocks([*blocks, unit.text]):
                blocks.append(unit.text)
                in_paragraph = True
                continue
            flush()
            if fits(unit.text):
                blocks.append(unit.text)
            else:
                *full, last = split_to_fit(unit.text, fits)
                drafts.extend(Draft(p) for p in full)
                blocks.append(last)
            in_paragraph = True
    flush()
    return drafts

