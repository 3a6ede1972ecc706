"""Speed and memory figures on the German Wikipedia throughput corpus (1 %, 10 %, 100 % of its files).

Prints, per fraction: raw ``nlp.pipe`` time of the loaded pipeline, ``mtext keywords`` cold (empty
cache) and warm (cached) wall time, ``mtext entities`` warm time, words per second and peak RSS of
the cold run; and ``mtext --help`` start-up time. Figures to watch, not assertions.

Usage: python bench/speed.py [--fractions 0.01 0.1 1.0] [--jobs 1]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/bench/wiki_de_1M/wiki"


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and the child's peak RSS in MiB (ru_maxrss of the finished children)."""
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fractions", type=float, nargs="+", default=[0.01, 0.1, 1.0])
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.txt"))
    mtext = [sys.executable, "-m", "marketingtext"]
    help_time, _ = timed([*mtext, "--help"])
    print(f"mtext --help: {help_time:.2f} s")
    print(f"{'files':>5} {'words':>9} {'nlp.pipe s':>10} {'cold s':>7} {'warm s':>7} {'ent. warm s':>11} "
          f"{'cold/pipe':>9} {'warm/cold':>9} {'words/s':>8}")
    from marketingtext.pipeline import load_pipeline

    nlp, _ = load_pipeline()
    for fraction in args.fractions:
        subset = files[: max(1, round(len(files) * fraction))]
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in subset)
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            for path in subset:
                shutil.copy(path, folder)
            start = time.perf_counter()
            for _ in nlp.pipe((p.read_text(encoding="utf-8") for p in subset), batch_size=16):
                pass
            pipe = time.perf_counter() - start
            cache = ["--cache-dir", str(Path(tmp) / "cache"), "--jobs", str(args.jobs), "-f", "csv"]
            cold, _ = timed([*mtext, "keywords", str(folder), *cache])
            warm, _ = timed([*mtext, "keywords", str(folder), *cache])
            ents, _ = timed([*mtext, "entities", str(folder), *cache])
        print(f"{len(subset):5d} {words:9d} {pipe:10.1f} {cold:7.1f} {warm:7.1f} {ents:11.1f} "
              f"{cold / pipe:9.2f} {warm / cold:9.2f} {words / cold:8.0f}")
    print(f"peak RSS of the mtext runs: {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
