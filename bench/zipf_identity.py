"""Does mtext's Zipf table give wordfreq's answers? Every word and many phrases of the bench corpus, and the list.

``language.lexicon.zipf`` looks plain-letter words and phrases up in ``language/data/zipf_de.marisa`` instead of
asking wordfreq. This compares it with ``wordfreq.zipf_frequency`` (as text, so -0.0 and 0.0 differ) on: every word
of the first N articles of ../shared/bench/wiki_de_1M/wiki (as written), two- and three-word phrases of their
lower-cased words (every seventh position), every word of wordfreq's German list and the first 200,000 of them
capitalised and in capitals. Prints how many were compared and how many differ (the first ten shown).

Usage: python bench/zipf_identity.py [--files 120]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/bench/wiki_de_1M/wiki"


def main() -> None:
    from wordfreq import get_frequency_dict, zipf_frequency

    from marketingtext.language.lexicon import zipf

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=120)
    args = parser.parse_args()
    words, phrases = set(), set()
    for path in sorted(CORPUS.glob("*.txt"))[: args.files]:
        tokens = re.findall(r"\w+(?:-\w+)*", path.read_text(encoding="utf-8"))
        words.update(tokens)
        lower = [t.lower() for t in tokens]
        for n in (2, 3):
            phrases.update(" ".join(lower[i:i + n]) for i in range(0, len(lower) - n, 7))
    listed = list(get_frequency_dict("de"))
    entries = sorted(words | phrases | set(listed) | {w.capitalize() for w in listed[:200_000]}
                     | {w.upper() for w in listed[:200_000]})
    differ = [e for e in entries if repr(zipf.__wrapped__(e)) != repr(zipf_frequency(e, "de"))]
    print(f"{len(entries):,} words and phrases ({len(phrases):,} phrases), {args.files} articles of {CORPUS.name} "
          f"and wordfreq's German list: {len(differ):,} differ")
    for entry in differ[:10]:
        print(f"  {entry!r}: mtext {zipf.__wrapped__(entry)!r}, wordfreq {zipf_frequency(entry, 'de')!r}")


if __name__ == "__main__":
    main()
