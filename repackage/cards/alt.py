"""Alt text for a quote card: the quote and who said it, in plain Arabic."""

from __future__ import annotations

from repackage.text.arabic import trim_at_word

ALT_TEXT_LIMIT = 1000  # X's limit, the tightest of the platforms cards go to


def alt_text(quote: str, speaker: str = "", role: str = "", limit: int = ALT_TEXT_LIMIT) -> str:
    """``اقتباس من <speaker>، <role>: «<quote>»``, cut at a word to at most ``limit`` chars.

    ``quote`` is the text as printed on the card, without quote marks.
    """
    who = "، ".join(p for p in (speaker.strip(), role.strip()) if p)
    head = f"اقتباس من {who}: " if who else "اقتباس: "
    body = " ".join(quote.split())
    return f"{head}«{trim_at_word(body, limit - len(head) - 2)}»"  # 2: the « » marks
