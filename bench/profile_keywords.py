"""Where a cold ``mtext keywords`` spends its time: cProfile over the first N benchmark files.

Runs the command in this process with an empty cache and prints the functions with the most
own time and the most cumulative time. Profile before optimising: this is how HanTa's per-word
analysis, spaCy's per-token ``is_sent_start`` setter and ``Doc.text`` in loops were found.

Usage: python bench/profile_keywords.py [--files 10] [--top 25]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
from pathlib import Path

from speed import CORPUS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    import marketingtext as mt

    files = sorted(args.corpus.glob("*.txt"))[: args.files]
    with tempfile.TemporaryDirectory() as cache:
        corpus = mt.load(files, cache_dir=cache)
        profiler = cProfile.Profile()
        profiler.enable()
        table = corpus.keywords()
        profiler.disable()
    print(f"{len(files)} files, {len(table)} keyword rows")
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
