"""The syllable table against the rules it was built from: the same counts, and the time they take.

Counts the syllables of every distinct token of the first N articles of ../shared/bench/wiki_de_1M/wiki twice in
one process, with the shipped table (``language/data/syllables_de.marisa``) and without it (pyphen and the rules for
every word), caches emptied in between, and prints both CPU times and whether every count is the same. Then the
load of pyphen's German patterns in a fresh process, from mtext's prebuilt table (``language.hyphenation``) and
parsed by pyphen, CPU time of each, fastest of three runs in turn.

Usage: python bench/syllable_table.py [--files 27]
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/bench/wiki_de_1M/wiki"


def main() -> None:
    from marketingtext.language import syllables as module

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=27)
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.txt"))[: args.files]
    tokens = sorted(set(re.findall(r"\w+", " ".join(f.read_text(encoding="utf-8") for f in files))))
    module._hyphenator()  # loaded once for both runs
    counts, seconds = {}, {}
    for name, table in (("with the table", module.SYLLABLE_TABLE), ("rules only", Path("/nonexistent"))):
        module.SYLLABLE_TABLE = table
        module._syllable_table.cache_clear()
        module._syllables.cache_clear()
        start = time.process_time()
        counts[name] = [module.syllables(token) for token in tokens]
        seconds[name] = time.process_time() - start
    same = counts["with the table"] == counts["rules only"]
    print(f"{len(tokens):,} distinct tokens of {len(files)} articles of {CORPUS.name}: with the table "
          f"{seconds['with the table']:.2f} s CPU, rules only {seconds['rules only']:.2f} s; "
          f"{'the same counts' if same else 'DIFFERENT counts'}")
    loads = {"prebuilt": [], "parsed by pyphen": []}
    for _ in range(3):
        for name, code in (("prebuilt", "from marketingtext.language.hyphenation import german_hyphenator as h; h()"),
                           ("parsed by pyphen", "import pyphen; pyphen.Pyphen(lang='de_DE', left=1, right=1)")):
            loads[name].append(_process_cpu(f"import time; s = time.process_time(); {code}; "
                                            "print(time.process_time() - s)"))
    print(f"pyphen's German patterns in a fresh process: prebuilt {min(loads['prebuilt']):.2f} s CPU, parsed by "
          f"pyphen {min(loads['parsed by pyphen']):.2f} s (fastest of 3)")


def _process_cpu(code: str) -> float:
    import subprocess
    import sys

    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


if __name__ == "__main__":
    main()
