"""Does mtext's compound splitter give compound-split's own best split? Every capitalised word of eight letters or
more in the first N articles of ../shared/bench/wiki_de_1M/wiki and the five essays, split by
``keywords.compounds.best_split`` (the n-gram model read from a memory-mapped trie) and by the package's
``char_split.split_compound`` (its 39 MB module imported), with both timings and the trie's opening time.

Usage: python bench/compound_identity.py [--files 80]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared/bench/wiki_de_1M/wiki"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=80)
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.txt"))[: args.files] + sorted((ROOT / "data/raw").glob("*.txt"))
    words = sorted({w for f in files for w in re.findall(r"\b[A-ZÄÖÜ][a-zäöüß]{7,}\b", f.read_text(encoding="utf-8"))})
    from marketingtext.keywords.compounds import best_split, ngram_probs

    start = time.perf_counter()
    ngram_probs()
    opened = time.perf_counter() - start
    start = time.perf_counter()
    from compound_split import char_split

    imported = time.perf_counter() - start
    timings, splits = [], []
    for split in (lambda w: char_split.split_compound(w)[0], best_split):
        start = time.perf_counter()
        splits.append([split(w) for w in words])
        timings.append(time.perf_counter() - start)
    differ = [(w, a, b) for w, a, b in zip(words, *splits, strict=True) if a != b]
    print(f"{len(words):,} words: {len(differ)} split differently; trie opened (or built) in {opened:.2f} s, "
          f"compound-split imported in {imported:.2f} s; splitting {timings[0]:.2f} s (package) and "
          f"{timings[1]:.2f} s (trie)")
    for word, a, b in differ[:10]:
        print("  ", word, a, b)
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
