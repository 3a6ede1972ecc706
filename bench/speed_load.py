"""What a run loads before its first table: spaCy's import, the whole pipeline, the cache reader, the pipeline without
the NER; and what `mtext analyze` pays to summarise the entities once more.

Each load is timed in a fresh process (the pipelines are cached per process), ``--runs`` times, in turn; medians of
wall seconds. ``--mentions FOLDER``: also time ``entities.table.summarize`` on that corpus's entity table (read from
the cache given with ``--cache-dir`` when it is there), as the terminal overview of `analyze` made it again before
session 7 (from the raw mentions) against the report's (from the canonicalised ones, made once for both).

Usage: PYTHONPATH=src python bench/speed_load.py [--runs 5] [--mentions /tmp/wiki27 --cache-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

LOADS = {
    "whole pipeline (with the NER)": "load_pipeline('offline')",
    "cache reader (no NER, name flags)": "load_reader('offline')",
    "without the NER (word tables)": "load_pipeline('offline', entities=False)",
}
PROBE = """
import json, time
start = time.perf_counter()
import spacy
imported = time.perf_counter()
from marketingtext.nlp.pipeline import load_pipeline, load_reader
{call}
print(json.dumps([imported - start, time.perf_counter() - imported]))
"""


def timed_load(call: str) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", PROBE.format(call=call)], capture_output=True, text=True, check=True)
    return tuple(json.loads(out.stdout.strip().splitlines()[-1]))


def summary_seconds(folder: str, cache_dir: str | None, runs: int) -> tuple[int, float, float]:
    import time

    import marketingtext as mt
    from marketingtext.entities.table import canonicalise, summarize

    table = mt.load([folder], cache_dir=cache_dir).entities()
    raw, once = [], []
    for _ in range(runs):
        start = time.perf_counter()
        summarize(table)
        raw.append(time.perf_counter() - start)
        mentions = canonicalise(table)
        start = time.perf_counter()
        summarize(mentions, canonicalised=True)
        once.append(time.perf_counter() - start)
    return len(table), statistics.median(raw), statistics.median(once)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mentions", help="a corpus folder: time the entity summary of its table too")
    parser.add_argument("--cache-dir")
    args = parser.parse_args()
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in LOADS}
    for _ in range(args.runs):
        for name, call in LOADS.items():
            times[name].append(timed_load(call))
    print(f"{args.runs} fresh processes each, in turn; medians")
    for name, pairs in times.items():
        imports, loads = statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)
        print(f"{name:<36} spaCy import {imports:5.2f} s   load {loads:5.2f} s")
    if args.mentions:
        rows, raw, once = summary_seconds(args.mentions, args.cache_dir, args.runs)
        print(f"entity summary of {rows:,} mentions: from the mentions (canonicalised again) {raw:.3f} s, "
              f"from the canonicalised ones {once:.3f} s")


if __name__ == "__main__":
    main()
