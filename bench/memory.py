"""Peak memory (RSS) of mtext on a corpus of many small files and on one large file.

Inputs are generated in a temporary folder from the seed essays' paragraphs (data/raw, the five
German web essays; not a benchmark data set): ``--files`` files of about ``--file-bytes`` bytes each,
and one file of ``--big-mb`` MB. Each measurement runs in a fresh process and reports that process's
peak RSS (``ru_maxrss``):

* ``read``: ``mt.load`` plus one pass over ``corpus.sources`` (what every command does before it
  parses: read, decode, clean, hash each text for the cache key);
* ``docs``: the whole ``mtext docs`` command (read, parse with the offline pipeline, write the table).

``--code DIR`` measures another checkout's ``src`` (e.g. /work/main/src, to compare with the version
that held every text in memory). The full sizes (100,000 files, 200 MB) take long to parse: use
``--stages read`` for them, and smaller sizes for ``docs``.

    python bench/memory.py --files 100000 --big-mb 200 --stages read
    python bench/memory.py --files 2000 --big-mb 2 --stages docs
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"

READ_SCRIPT = """
import sys, marketingtext as mt
corpus = mt.load([sys.argv[1]], use_cache=False, model="offline")
print(sum(len(s.text) for s in corpus.sources), "characters in", len(corpus.sources), "documents")
"""


def paragraphs() -> list[str]:
    found = []
    for path in sorted(RAW.glob("*.txt")):
        found += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 200]
    return found


def make_small_files(folder: Path, count: int, size: int, seed: int = 14) -> None:
    rng = random.Random(seed)
    pool = paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        text = ""
        while len(text) < size:
            text += rng.choice(pool)[: size - len(text)] + "\n\n"
        sub = folder / f"{n // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"text_{n:06d}.txt").write_text(f"Nummer {n}. {text}", encoding="utf-8")


def make_big_file(path: Path, megabytes: float, seed: int = 14) -> None:
    rng = random.Random(seed)
    pool = paragraphs()
    target = int(megabytes * 1_000_000)
    written = 0
    with path.open("w", encoding="utf-8") as handle:
        while written < target:
            chunk = "\n\n".join(rng.choice(pool) for _ in range(50)) + "\n\n"
            handle.write(chunk)
            written += len(chunk.encode("utf-8"))


def peak_rss_mb(command: list[str], code: Path) -> tuple[float, float, str]:
    """Run ``command`` in a fresh process; (its peak RSS in MB, seconds, last line of its output)."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    script = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); print(r.returncode); "
              "print((r.stdout.strip().splitlines() or [''])[-1]); print(r.stderr[-300:], file=sys.stderr)")
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-c", script, *command], capture_output=True, text=True, env=env)
    seconds = time.monotonic() - start
    lines = result.stdout.splitlines()
    if len(lines) < 2 or lines[1] != "0":
        raise SystemExit(f"{command} failed: {result.stdout} {result.stderr}")
    return int(lines[0]) / 1024, seconds, lines[2] if len(lines) > 2 else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=100_000, help="number of small files [100000]")
    parser.add_argument("--file-bytes", type=int, default=600, help="size of each small file [600]")
    parser.add_argument("--big-mb", type=float, default=200, help="size of the large file in MB [200]")
    parser.add_argument("--stages", default="read,docs", help="read, docs or both [read,docs]")
    parser.add_argument("--code", type=Path, default=ROOT / "src", help="the src folder to measure")
    args = parser.parse_args()
    stages = args.stages.split(",")
    results = []
    with tempfile.TemporaryDirectory(prefix="mtext-memory-") as tmp:
        small, big = Path(tmp) / "small", Path(tmp) / "big"
        big.mkdir()
        make_small_files(small, args.files, args.file_bytes)
        make_big_file(big / "big.txt", args.big_mb)
        cases = {f"{args.files} files of ~{args.file_bytes} B": small, f"1 file of {args.big_mb:g} MB": big}
        for label, path in cases.items():
            for stage in stages:
                if stage == "read":
                    command = [sys.executable, "-c", READ_SCRIPT, str(path)]
                else:
                    command = [sys.executable, "-m", "marketingtext", "docs", str(path), "--no-cache",
                               "--model", "offline", "-f", "csv", "-o", str(Path(tmp) / "docs.csv")]
                rss, seconds, note = peak_rss_mb(command, args.code)
                results.append({"input": label, "stage": stage, "peak_rss_mb": round(rss, 1),
                                "seconds": round(seconds, 1), "code": str(args.code), "note": note})
                print(json.dumps(results[-1], ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
