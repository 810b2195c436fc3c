"""Split a photo caption from its credit ("Name / Agency", "(رويترز)", "تصوير: ...")."""

from __future__ import annotations

import re

AGENCIES = (
    "رويترز", "وكالة الصحافة الفرنسية", "فرانس برس", "أ ف ب", "أ.ف.ب", "ا ف ب", "أسوشيتد برس",
    "أسوشيتدبرس", "أ ب", "غيتي إيماجز", "غيتي", "جيتي", "إي بي إيه", "الأناضول", "شينخوا",
    "بول", "وكالة الأنباء", "AFP", "Reuters", "AP", "Getty Images", "Getty", "EPA", "POOL",
    "Xinhua", "Anadolu",
)
# an agency's initials written with dots (أ.ف.ب, د.ب.أ, إي.بي.إيه): the form, whatever the agency
_INITIALS = r"(?:[\u0621-\u064a]{1,3}\.){2,}[\u0621-\u064a]{1,3}"
_AGENCY = "|".join([re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True)] + [_INITIALS])

_PHOTOGRAPHER = re.compile(
    r"(?:(?:^|\s|\()(?:تصوير|الصورة|صورة)|(?:^|\s|\(|(?<=[\u0600-\u06FF]))(?:Photo|Credit))\s*[:：]\s*([^()]+?)\)?\s*$",
    re.I)
# "caption Copyright (Agency)": the credit is kept as written, label included
_COPYRIGHT = re.compile(r"\s*((?:Copyright|©)\s*\(?[^()]{2,40}\)?)\s*$", re.I)
# loose forms, for a line already known to stand where a caption stands:
# "caption (Source)" and "caption- Source" (a dash glued to the caption's last word)
_PAREN_LOOSE = re.compile(r"\(\s*([^()]{2,40}?)\s*\)\s*$")
_GLUED_DASH = re.compile(r"^(.{12,}?[^\s\d])[-–]\s+([^-–.،]{3,40})$")
_NOT_CREDIT = re.compile(r"فيديو|صور|video|photos|ارشيف|أرشيف|مباشر|live", re.I)
_PAREN = re.compile(r"\(\s*([^()]{2,60}?)\s*\)\s*$")
# "caption. Name / Agency": the credit is the last piece after a sentence end and holds a slash.
_SLASH = re.compile(r"^(.*?[.!؟?…])\s*([^.!؟?…]*?[^\d\s]\s*/\s*[^\d\s][^.!؟?…]*)$")
_TRAILING_AGENCY = re.compile(rf"^(.*?[.!؟?…])\s*((?:[^.!؟?…]{{0,40}}\s)?(?:{_AGENCY}))\s*$")


# how captions open: "a view of", "a shot of", "from right:", "photo ..."
CAPTION_OPENER = re.compile(r"^(?:صورة|صوره|الصورة|جانب من|لقطة|مشهد من|من اليمين|من اليسار)\b")


def tidy_credit(credit: str) -> str:
    """One space between words and on each side of every slash, no © or stray punctuation
    at the ends."""
    credit = re.sub(r"\s*/\s*", " / ", " ".join(credit.split()))
    return credit.lstrip("© ").strip(" .،,;؛-–—")  # the sign is not part of the name


def split_credit(caption: str, loose: bool = False) -> tuple[str, str | None]:
    """Return ``(caption, credit)``; credit is None when the text carries none.

    ``loose`` also reads a short parenthesised tail or a tail after a glued dash as the
    credit: right for a line that stands where a caption stands, not for any line.
    """
    text = caption.strip()
    if (m := _COPYRIGHT.search(text)) and m.start() > 0:
        return text[: m.start()].strip(), m.group(1).strip()
    if m := _PHOTOGRAPHER.search(text):
        return text[: m.start()].strip(" -–—("), tidy_credit(m.group(1))
    if (m := _PAREN.search(text)) and (re.search(_AGENCY, m.group(1)) or "/" in m.group(1)):
        return text[: m.start()].strip(), tidy_credit(m.group(1))
    if m := _SLASH.match(text):
        return m.group(1).strip(), tidy_credit(m.group(2))
    if m := _TRAILING_AGENCY.match(text):
        return m.group(1).strip(), tidy_credit(m.group(2))
    if loose and (m := _PAREN_LOOSE.search(text)) and m.start() > 0 and len(m.group(1).split()) <= 4 \
            and not _NOT_CREDIT.search(m.group(1)):
        return text[: m.start()].strip(), tidy_credit(m.group(1))
    if loose and (m := _GLUED_DASH.match(text)) and len(m.group(2).split()) <= 5 \
            and len(m.group(1).split()) >= 3 and not _NOT_CREDIT.search(m.group(2)):
        return m.group(1).strip(), tidy_credit(m.group(2))
    return text, None


def looks_like_caption(text: str) -> bool:
    """True when ``text`` ends in something that reads as a photo credit."""
    return split_credit(text)[1] is not None
