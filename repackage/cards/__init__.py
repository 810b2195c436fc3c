"""Quote cards: one right-to-left PNG per card-worthy quote and size, with ``cards.json``.

``render_cards`` is the stage's entry point; ``render_card_to_path`` renders one card from
plain strings (benchmarks, scripts).
"""

from repackage.cards.build import (
    NO_QUOTES_MESSAGE,
    CardsWarning,
    RenderedCard,
    render_card,
    render_card_to_path,
    render_cards,
)
from repackage.cards.sizes import SIZES
from repackage.cards.template import load_template, shipped_templates

__all__ = [
    "NO_QUOTES_MESSAGE", "SIZES", "CardsWarning", "RenderedCard", "load_template",
    "render_card", "render_card_to_path", "render_cards", "shipped_templates",
]
