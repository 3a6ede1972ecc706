"""Speed and memory figures on the German Wikipedia throughput corpus (1 %, 10 %, 100 % of its files).

For each fraction, on the same texts and each command in a fresh process: raw ``nlp.pipe`` time of
the loaded pipeline (model load excluded), ``mtext keywords`` cold (empty cache) with ``--jobs 1``
and ``--jobs 2``, the warm re-run (cache filled), ``mtext entities`` warm, words per second and
peak RSS of the cold run; then ``mtext --help`` start-up time and the issue's targets as ratios.
Figures to watch, not assertions.

Usage: python bench/speed.py [--fractions 0.01 0.1 1.0] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/bench/wiki_de_1M/wiki"
MTEXT = [sys.executable, "-m", "marketingtext"]


@dataclass
class Run:
    seconds: float
    peak_mib: float


def run(cmd: list[str], stdout=subprocess.DEVNULL) -> Run:
    """Wall time and peak RSS of one command (its own rusage, from wait4)."""
    start = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(cmd)} failed with exit {process.returncode}")
    return Run(seconds, usage.ru_maxrss / 1024)


def raw_pipe(folder: Path) -> None:
    """(Child mode) Load the pipeline, then time ``nlp.pipe`` alone over the folder's texts."""
    from marketingtext.nlp.pipeline import load_pipeline

    nlp, _ = load_pipeline()
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    print(f"{time.perf_counter() - start:.3f}")


def measure(files: list[Path], tmp: Path) -> dict:
    folder = tmp / "in"
    folder.mkdir()
    for path in files:
        shutil.copy(path, folder)
    out = subprocess.run([sys.executable, __file__, "--raw-pipe", str(folder)], check=True,
                         capture_output=True, text=True)
    figures = {"files": len(files), "words": sum(len(p.read_text(encoding="utf-8").split()) for p in files),
               "pipe": float(out.stdout.strip())}
    keywords = [*MTEXT, "keywords", str(folder), "-f", "csv"]
    for jobs in (1, 2):
        cache = ["--cache-dir", str(tmp / f"cache{jobs}"), "--jobs", str(jobs)]
        with open(tmp / f"cold{jobs}.csv", "wb") as handle:
            figures[f"cold{jobs}"] = run([*keywords, *cache], stdout=handle)
    cache = ["--cache-dir", str(tmp / "cache1")]
    with open(tmp / "warm.csv", "wb") as handle:
        figures["warm"] = run([*keywords, *cache], stdout=handle)
    figures["entities"] = run([*MTEXT, "entities", str(folder), "-f", "csv", *cache])
    figures["same"] = filecmp.cmp(tmp / "cold1.csv", tmp / "cold2.csv", shallow=False) and filecmp.cmp(
        tmp / "cold1.csv", tmp / "warm.csv", shallow=False)
    return figures


def print_table(rows: list[dict]) -> None:
    header = (f"{'files':>5} {'words':>9} {'pipe s':>7} {'cold s':>7} {'cold -j2':>8} {'warm s':>7} "
              f"{'ent. warm':>9} {'cold/pipe':>9} {'warm/cold':>9} {'j1/j2':>6} {'words/s':>8} "
              f"{'RSS MiB':>8} {'same':>5}")
    print(header)
    for r in rows:
        print(f"{r['files']:5d} {r['words']:9d} {r['pipe']:7.1f} {r['cold1'].seconds:7.1f} "
              f"{r['cold2'].seconds:8.1f} {r['warm'].seconds:7.2f} {r['entities'].seconds:9.2f} "
              f"{r['cold1'].seconds / r['pipe']:9.2f} {r['warm'].seconds / r['cold1'].seconds:9.3f} "
              f"{r['cold1'].seconds / r['cold2'].seconds:6.2f} {r['words'] / r['cold1'].seconds:8.0f} "
              f"{r['cold1'].peak_mib:8.0f} {'yes' if r['same'] else 'NO':>5}")


def print_targets(rows: list[dict], help_seconds: float) -> None:
    full = rows[-1]
    tenth = min(rows, key=lambda r: abs(r["files"] - full["files"] / 10))
    checks = [
        ("cold keywords / raw nlp.pipe", full["cold1"].seconds / full["pipe"], "<=", 1.15),
        ("warm re-run / cold", full["warm"].seconds / full["cold1"].seconds, "<=", 0.05),
        ("mtext --help, s", help_seconds, "<=", 0.3),
        ("cold -j1 / cold -j2", full["cold1"].seconds / full["cold2"].seconds, ">=", 1.6),
        (f"peak RSS {full['files']} files / {tenth['files']} files",
         full["cold1"].peak_mib / tenth["cold1"].peak_mib, "<=", 1.3),
    ]
    print("\ntarget                                  measured  goal")
    for name, value, op, goal in checks:
        met = value <= goal if op == "<=" else value >= goal
        print(f"{name:38s} {value:9.3f}  {op} {goal:<5} {'met' if met else 'MISSED'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fractions", type=float, nargs="+", default=[0.01, 0.1, 1.0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--raw-pipe", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.raw_pipe:
        return raw_pipe(args.raw_pipe)
    files = sorted(args.corpus.glob("*.txt"))
    if not files:
        raise SystemExit(f"bench: no *.txt in {args.corpus}; give the corpus folder with --corpus")
    help_seconds = min(run([*MTEXT, "--help"]).seconds for _ in range(5))
    from marketingtext.nlp.pipeline import load_pipeline

    print(f"pipeline: {load_pipeline()[1].describe()}; {os.cpu_count()} CPUs")
    print(f"mtext --help: {help_seconds:.2f} s (best of 5)\n")
    rows = []
    for fraction in args.fractions:
        with tempfile.TemporaryDirectory() as tmp:
            rows.append(measure(files[: max(1, round(len(files) * fraction))], Path(tmp)))
        print(f"  done: {rows[-1]['files']} files", file=sys.stderr, flush=True)
    print_table(rows)
    print_targets(rows, help_seconds)


if __name__ == "__main__":
    main()
