"""Commands over a corpus parsed before: `--jobs 1` against `--jobs 2` when the documents come from the cache.

A researcher runs `mtext analyze`, then `entities --summary`, `sentences`, `kwic …` on the same folder: each later
command reads the parsed documents from the cache and builds a new table. This times each command with the cache
holding the documents but not the command's table (the table cache is emptied before every run), with one and two
processes, in turn, and prints the median of each and the ratio -j1 / -j2.

Data: the first N articles (default 27) of ../shared/bench/wiki_de_1M/wiki. Whole processes, wall time; machines are
noisy: compare the ratios of one run, not seconds across runs. ``--against SRC`` (another checkout's ``src``, e.g. a
worktree of the base commit) runs that code too, in turn with this one on the same cache, and prints both: a change
measured side by side.

Usage: python bench/speed_cached.py [--files 27] [--pairs 3] [--commands entities sentences keywords …] [--against SRC]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed_ratios import CORPUS, MTEXT, seconds  # noqa: E402

COMMANDS = {"entities": ["entities", "--summary"], "sentences": ["sentences"], "keywords": ["keywords"],
            "docs": ["docs"], "kwic": ["kwic", "Unternehmen"], "ngrams": ["ngrams"],
            "analyze": ["analyze", "--out", "{tmp}/out"]}


def empty_table_cache(cache: Path) -> None:
    for tables in cache.glob("*/tables"):
        shutil.rmtree(tables)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=27)
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--commands", nargs="+", default=["entities", "sentences", "keywords", "kwic", "analyze"],
                        choices=list(COMMANDS))
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--against", type=Path, help="another checkout's src folder, run in turn with this code")
    args = parser.parse_args()
    codes = {"": None} if args.against is None else {"against ": args.against.resolve(), "this ": None}
    files = sorted(args.corpus.glob("*.txt"))[: args.files]
    with tempfile.TemporaryDirectory() as tmp:
        folder, cache = Path(tmp) / "in", Path(tmp) / "cache"
        folder.mkdir()
        for path in files:
            shutil.copy(path, folder / path.name)
        # every document parsed by the whole pipeline once (a Doc of the whole pipeline serves every table)
        seconds([*MTEXT, "analyze", str(folder), "--out", f"{tmp}/first", "--cache-dir", str(cache), "--jobs", "2"])
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in files)
        print(f"{len(files)} files, {words:,} words, documents cached; each run: the command's table not cached; "
              f"{args.pairs} runs each, -j1 and -j2 in turn{', the two codes in turn' if len(codes) > 1 else ''}, "
              f"medians{f'; against: {args.against}' if args.against else ''}")
        for name in args.commands:
            cmd = [part.replace("{tmp}", tmp) for part in COMMANDS[name]]
            times: dict[tuple[str, int], list[float]] = {(code, jobs): [] for code in codes for jobs in (1, 2)}
            for _ in range(args.pairs):
                for jobs in (1, 2):
                    for code, src in codes.items():
                        empty_table_cache(cache)
                        out = [] if name == "analyze" else ["-f", "csv", "-o", f"{tmp}/table.csv"]
                        times[code, jobs].append(seconds([*MTEXT, *cmd, str(folder), *out, "--cache-dir", str(cache),
                                                          "--jobs", str(jobs)], src))
            for code in codes:
                one, two = statistics.median(times[code, 1]), statistics.median(times[code, 2])
                shown = f"{code}{' '.join(cmd[:2]) if name != 'analyze' else 'analyze'}"
                print(f"{shown:<28} -j1 {one:6.1f} s   -j2 {two:6.1f} s   -j1 / -j2 = {one / two:.2f}")


if __name__ == "__main__":
    main()
