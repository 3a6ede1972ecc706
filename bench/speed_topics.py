"""Time of the topic model's k search alone (``tables.topics.topic_tables`` without ``k``) on parsed documents.

The units are made from the Docs first (use ``--cache-dir`` with a warm Doc cache so that parsing is out), the
compound splitter and scikit-learn are loaded by one untimed search, then the search runs ``--runs`` times in this
process; the median, the k chosen and the number of k tried are printed. Run it with two checkouts'
``PYTHONPATH`` to compare two versions of the search on the same texts.

Usage: python bench/speed_topics.py [PATH ...] [--files 27] [--cache-dir DIR] [--runs 5]
(default PATH: the first 27 articles of ../shared/bench/wiki_de_1M/wiki)
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/bench/wiki_de_1M/wiki"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--files", type=int, default=27)
    parser.add_argument("--cache-dir", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    import marketingtext as mt
    from marketingtext.tables.topics import SMALL_CORPUS, topic_tables, topic_units

    paths = args.paths or sorted(CORPUS.glob("*.txt"))[: args.files]
    corpus = mt.load(paths, cache_dir=args.cache_dir)
    units = [topic_units(p, split=len(corpus.names) < SMALL_CORPUS) for p in corpus.parsed()]
    tables = topic_tables(doc_units=units)  # loads the compound splitter and scikit-learn
    seconds = []
    for _ in range(args.runs):
        start = time.perf_counter()
        topic_tables(doc_units=units)
        seconds.append(time.perf_counter() - start)
    k = tables["topic_k"]
    chosen = int(k.loc[k["chosen"].astype(bool), "k"].iloc[0]) if len(k) else 0
    print(f"{len(corpus.names)} documents, {sum(len(u.units) for u in units)} units; k search over {len(k)} k, "
          f"chose k = {chosen}: median {statistics.median(seconds):.3f} s (min {min(seconds):.3f}, max "
          f"{max(seconds):.3f}, {args.runs} runs)")


if __name__ == "__main__":
    main()
