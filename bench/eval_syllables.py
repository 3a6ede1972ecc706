"""Accuracy of mtext's German syllable counter on the hand-counted gold list tests/data/syllables_de.tsv.

The list (word, syllables, source, category, split) was counted by hand by the mtext helper who wrote
the counter, following standard German syllabification (Duden/Wiktionary-style hyphenation, with a
single vowel at a word's start or end counted as its own syllable: I-dee, Fa-mi-li-e), not looked up.
``source`` says what the count rests on: hyphenation, hiatus (careful-speech syllable that hyphenation
never splits off), loanword (as German speakers say it), number (read aloud), letters (spelled
abbreviation), acronym (read as a word), abbreviation (its spoken expansion).

``split``: the rules were written and corrected against ``dev`` only; ``test`` words (every third word
not looked at while writing the rules) are held out and reported as they come.

Usage: python bench/eval_syllables.py [--errors] [TSV]
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1] / "tests/data/syllables_de.tsv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tsv", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--errors", action="store_true", help="list the dev words counted wrong")
    args = parser.parse_args()

    from marketingtext.language.syllables import syllables

    with args.tsv.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    right, total, by_category = defaultdict(int), defaultdict(int), defaultdict(lambda: [0, 0])
    for row in rows:
        predicted, gold = syllables(row["word"]), int(row["syllables"])
        ok = predicted == gold
        right[row["split"]] += ok
        total[row["split"]] += 1
        by_category[(row["split"], row["category"])][0] += ok
        by_category[(row["split"], row["category"])][1] += 1
        if args.errors and not ok and row["split"] == "dev":
            print(f"  dev error: {row['word']}: gold {gold}, counted {predicted}")
    print(f"syllables: {args.tsv.name} (hand-counted gold list)")
    for split in ("dev", "test"):
        print(f"  {split}: {right[split]}/{total[split]} words exact = {right[split] / total[split]:.1%}")
    for (split, category), (ok, n) in sorted(by_category.items()):
        print(f"    {split} {category:<13} {ok}/{n}")


if __name__ == "__main__":
    main()
