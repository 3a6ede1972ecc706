"""Run time of corpus-wide canonical names (:func:`marketingtext.entities.canonical.canonicalise`).

Data: synthetic mention tables (seeded): 40 % full person names (8 first names x 5,000 surnames),
30 % bare surnames, 15 % genitive place names, 15 % "<name> Bank AG" organisations; 50 mentions a
document. Usage: PYTHONPATH=src python bench/speed_canonical.py [ROWS ...]
"""

from __future__ import annotations

import random
import sys
import time

import pandas as pd

FIRST = ["Andreas", "Maria", "Peter", "Julia", "Thomas", "Anna", "Michael", "Sabine"]
SURNAMES = [f"Name{i}" for i in range(5000)]


def mentions(n: int, seed: int = 0) -> pd.DataFrame:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        r = rng.random()
        if r < 0.4:
            text, label = f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}", "PER"
        elif r < 0.7:
            text, label = rng.choice(SURNAMES), "PER"
        elif r < 0.85:
            text, label = rng.choice(SURNAMES) + "s", "LOC"
        else:
            text, label = f"{rng.choice(SURNAMES)} Bank AG", "ORG"
        rows.append({"doc": f"d{i // 50}", "sent_id": 0, "start_char": 0, "end_char": len(text), "text": text,
                     "label": label, "canonical": text, "source": "model", "kind": ""})
    return pd.DataFrame(rows)


def main() -> None:
    from marketingtext.entities.canonical import canonicalise

    for n in [int(a) for a in sys.argv[1:]] or [10_000, 200_000]:
        table = mentions(n)
        start = time.perf_counter()
        canonicalise(table)
        print(f"{n:>9,} mentions: {time.perf_counter() - start:6.2f} s")


if __name__ == "__main__":
    main()
