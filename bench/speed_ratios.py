"""The speed issue's ratios, measured side by side in one run on the same texts (every run cold: --no-cache, -j1).

On the first N articles (default 27, about 97,000 words) of ../shared/bench/wiki_de_1M/wiki:
- each command on the articles as N files against the same text as one file (a cost that grows with the square
  of a document's length shows here; goal ≤ 1.3);
- ``analyze`` against ``keywords`` (analyze shares one pass; goal ≤ 1.3);
- ``keywords`` against YAKE alone (n=3, top 20 per article), in words per second (goal ≥ 0.5);
- ``keywords --jobs 2`` against ``--jobs 1`` (goal ≥ 1.7 on 2 cores), and the same for ``entities``;
- ``analyze`` against ``entities``, the command that runs the whole pipeline (``keywords`` parses without the NER).
Wall times of whole processes; figures to watch, not assertions. Machines are noisy: compare ratios, not seconds.

Usage: python bench/speed_ratios.py [--files 27] [--pairs 3] [--commands sentences docs keywords entities …]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/bench/wiki_de_1M/wiki"
MTEXT = [sys.executable, "-m", "marketingtext"]
COMMANDS = {
    "sentences": ["sentences"], "docs": ["docs"], "keywords": ["keywords"], "entities": ["entities"],
    "ngrams": ["ngrams"], "kwic": ["kwic", "Unternehmen"], "analyze": ["analyze", "--out", "{tmp}/out"],
}


def seconds(cmd: list[str], src: Path | None = None) -> float:
    """Wall seconds of ``cmd``; ``src``: with that folder as PYTHONPATH (another checkout's code)."""
    env = None if src is None else {**os.environ, "PYTHONPATH": str(src)}
    start = time.perf_counter()
    result = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    if result.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(cmd)} failed ({result.returncode}): {result.stderr.decode()[-300:]}")
    return time.perf_counter() - start


def yake_seconds(files: list[Path]) -> float:
    """YAKE alone over the same files, in a fresh process (import included, as for mtext)."""
    code = ("import sys, yake\nx = yake.KeywordExtractor(lan='de', n=3, top=20)\n"
            "for p in sys.argv[1:]: x.extract_keywords(open(p, encoding='utf-8').read())")
    return seconds([sys.executable, "-c", code, *map(str, files)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=27)
    parser.add_argument("--commands", nargs="+", default=list(COMMANDS), choices=list(COMMANDS))
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--pairs", type=int, default=3, help="runs in turn for the YAKE and --jobs 2 ratios")
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.txt"))[: args.files]
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
    with tempfile.TemporaryDirectory() as tmp:
        many, one = Path(tmp) / "many", Path(tmp) / "one"
        many.mkdir()
        one.mkdir()
        for path in files:
            (many / path.name).write_bytes(path.read_bytes())
        (one / "all.txt").write_text("\n\n".join(p.read_text(encoding="utf-8").strip() for p in files) + "\n",
                                     encoding="utf-8")
        print(f"{len(files)} articles of {args.corpus.name}, {words:,} words; {os.cpu_count()} CPUs; every run "
              "--no-cache --jobs 1\n")
        print(f"{'command':10s} {'N files s':>10s} {'1 file s':>9s} {'1 / N':>6s}")
        times = {}
        for name in args.commands:
            cmd = [part.replace("{tmp}", tmp) for part in COMMANDS[name]]
            flags = ["-f", "csv"] if name != "analyze" else []
            many_s = seconds([*MTEXT, *cmd, str(many), *flags, "--no-cache", "--jobs", "1"])
            one_s = seconds([*MTEXT, *cmd, str(one), *flags, "--no-cache", "--jobs", "1"])
            times[name] = many_s
            print(f"{name:10s} {many_s:10.1f} {one_s:9.1f} {one_s / many_s:6.2f}", flush=True)
        print()
        if "keywords" in times:
            keywords = [*MTEXT, "keywords", str(many), "-f", "csv", "--no-cache", "--jobs"]
            # single runs of a few seconds vary by a third here: the ratios are taken pair by pair, in turn
            pairs = [(seconds([*keywords, "1"]), yake_seconds(files)) for _ in range(args.pairs)]
            ratios = sorted(yake / kw for kw, yake in pairs)
            kw, yake = sorted(kw for kw, _ in pairs)[args.pairs // 2], sorted(y for _, y in pairs)[args.pairs // 2]
            print(f"YAKE alone: {yake:.1f} s; keywords: {words / kw:,.0f} words/s against YAKE's {words / yake:,.0f} "
                  f"(medians of {args.pairs} runs in turn): ratio {ratios[args.pairs // 2]:.2f} "
                  f"(pairs {ratios[0]:.2f}-{ratios[-1]:.2f}; goal >= 0.5)")
            pairs = [(seconds([*keywords, "1"]), seconds([*keywords, "2"])) for _ in range(args.pairs)]
            ratios = sorted(one / two for one, two in pairs)
            print(f"keywords --jobs 2: {sorted(two for _, two in pairs)[args.pairs // 2]:.1f} s; -j1 / -j2 = "
                  f"{ratios[args.pairs // 2]:.2f} (pairs {ratios[0]:.2f}-{ratios[-1]:.2f}; goal >= 1.7)")
        if "keywords" in times and "analyze" in times:
            print(f"analyze / keywords = {times['analyze'] / times['keywords']:.2f} (goal <= 1.3)")
        if "entities" in times and "analyze" in times:
            # keywords parses without the NER since 2026-12-03; entities is the command that runs the whole pipeline
            print(f"analyze / entities = {times['analyze'] / times['entities']:.2f} (both run the whole pipeline)")
        if "entities" in times:
            j2 = seconds([*MTEXT, "entities", str(many), "-f", "csv", "--no-cache", "--jobs", "2"])
            print(f"entities --jobs 2: {j2:.1f} s; -j1 / -j2 = {times['entities'] / j2:.2f}")


if __name__ == "__main__":
    main()
