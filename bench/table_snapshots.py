"""Write every table mtext makes for a corpus into a folder, to compare two versions byte for byte.

Runs the installed ``mtext`` (whatever ``python -m marketingtext`` imports) once per command on the same
inputs, with a fresh cache, and stores each CSV under OUT. Compare two snapshots with ``diff -r``.
The default inputs are the five essays (data/raw) and the first 27 articles (10 %) of
../shared/bench/wiki_de_1M/wiki, the corpora issue 11 names.

Usage: python bench/table_snapshots.py OUT [--seeds DIR] [--wiki DIR] [--wiki-files 27]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIKI = ROOT.parent / "shared" / "bench" / "wiki_de_1M" / "wiki"
COMMANDS = {
    "sentences": ["sentences"],
    "docs": ["docs"],
    "keywords": ["keywords"],
    "keywords_tfidf": ["keywords", "--method", "tfidf"],
    "keywords_keyness": ["keywords", "--method", "keyness"],
    "keywords_textrank": ["keywords", "--method", "textrank"],
    "keywords_yake": ["keywords", "--method", "yake"],
    "keywords_frequency": ["keywords", "--method", "frequency"],
    "keywords_compounds": ["keywords", "--group", "compounds"],
    "entities": ["entities"],
    "entities_summary": ["entities", "--summary"],
    "entities_cooccur": ["entities", "--cooccur"],
    "kwic_kunde": ["kwic", "Kunde"],
    "matrix": ["compare", "--matrix"],
}


def snapshot(inputs: list[str], out: Path, cache: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, args in COMMANDS.items():
        cmd = [sys.executable, "-m", "marketingtext", *args, *inputs, "-f", "csv", "--cache-dir", str(cache)]
        result = subprocess.run(cmd, capture_output=True, cwd=ROOT)
        if result.returncode not in (0, 1):
            raise SystemExit(f"{name}: exit {result.returncode}: {result.stderr.decode()[-400:]}")
        (out / f"{name}.csv").write_bytes(result.stdout)
    if len(inputs) >= 2:
        for name, extra in (("compare", []), ("compare_style", ["--style"])):
            cmd = [sys.executable, "-m", "marketingtext", "compare", inputs[0], inputs[1], *extra, "-f", "csv",
                   "--cache-dir", str(cache)]
            result = subprocess.run(cmd, capture_output=True, cwd=ROOT)
            (out / f"{name}.csv").write_bytes(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--seeds", type=Path, default=ROOT / "data" / "raw")
    parser.add_argument("--wiki", type=Path, default=WIKI)
    parser.add_argument("--wiki-files", type=int, default=27)
    args = parser.parse_args()
    wiki = sorted(args.wiki.glob("*.txt"))[: args.wiki_files]
    # Inputs at fixed paths (the docs table records them): relative seeds, wiki copies in one folder.
    folder = Path(tempfile.gettempdir()) / "mtext_snapshot_wiki"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for path in wiki:
        shutil.copy(path, folder / path.name)
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        seeds = sorted(str(p.relative_to(ROOT)) for p in args.seeds.resolve().glob("*.txt"))
        snapshot(seeds, args.out / "seeds", cache)
        snapshot([str(folder)], args.out / "wiki", cache)
    print(f"wrote {sum(1 for _ in args.out.rglob('*.csv'))} tables under {args.out}")


if __name__ == "__main__":
    main()
