"""Quote extraction on the corpus keys' own paragraphs: recall, precision, speakers, per page.

Runs ``extract_quotes`` on each key's paragraphs (headline and caption as context), so the figures
do not depend on block extraction. ``-v`` lists misses, extra quotes and wrong speakers.

    python bench/quotes_score.py [-v] [PAGE-SUBSTRING ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from conftest import CORPUS  # noqa: E402
from quote_key import key_context, key_pages, load_key, score_page  # noqa: E402

from repackage.ingest.quotes import extract_quotes  # noqa: E402


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    only = [a for a in argv if not a.startswith("-")]
    totals = [0, 0, 0, 0, 0, 0]
    for path in key_pages(CORPUS):
        name = path.name.removesuffix(".expected.json")
        if only and not any(o in name for o in only):
            continue
        key = load_key(path)
        quotes = extract_quotes(list(key["paragraphs"]), context=key_context(key))
        s = score_page(name, key, quotes)
        for i, v in enumerate((s.wanted, s.matched, s.found, s.right, s.speakers_judged, s.speakers_right)):
            totals[i] += v
        print(f"{name[:44]:44} want {s.wanted:2} hit {s.matched:2} found {s.found:2} ok {s.right:2} "
              f"spk {s.speakers_right}/{s.speakers_judged}")
        if verbose:
            for line in s.misses:
                print("    MISS ", line)
            for line in s.extras:
                print("    EXTRA", line)
            for line in s.wrong_speakers:
                print("    SPK  ", line)
    wanted, matched, found, right, judged, spk = totals
    print(f"recall {matched}/{wanted} = {matched / max(wanted, 1):.3f}  "
          f"precision {right}/{found} = {right / max(found, 1):.3f}  "
          f"speakers {spk}/{judged} = {spk / max(judged, 1):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
