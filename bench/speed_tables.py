"""Seconds of each per-document table builder of ``mtext analyze``, and of the corpus-wide steps after them.

The documents are parsed first (or read from a Doc cache), so only the table work is timed: per document the
keyword terms, sentence rows, the docs row, entity rows, topic units and the report's words (as
``corpus.analysis_part`` makes them), then the entity summary and tables.xlsx. Each figure is the wall time of a
fresh process's first pass (word memos, syllable and HanTa caches start empty, as in a real run), summed over
the documents. Run it twice with two versions of ``src`` (PYTHONPATH) to compare them; say the machine's load.
``--count-tokens`` instead counts the spaCy Token objects the builders make (under cProfile: the times are then
not the builders'): spaCy makes a new one on every visit of a token.

Usage: python bench/speed_tables.py [--files 27] [--corpus DIR] [--cache-dir DIR] [--count-tokens]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared/bench/wiki_de_1M/wiki"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=27)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--cache-dir", type=Path, default=None, help="a Doc cache to read parsed documents from")
    parser.add_argument("--count-tokens", action="store_true", help="count the Token objects the builders make")
    args = parser.parse_args()

    import pandas as pd

    from marketingtext.corpus import load
    from marketingtext.entities.table import ENTITY_COLUMNS, canonicalise, entity_rows, load_gazetteer, summarize
    from marketingtext.keywords.terms import doc_terms
    from marketingtext.output.writers import xlsx_bytes
    from marketingtext.tables.documents import doc_row
    from marketingtext.tables.report_data import ReportWords
    from marketingtext.tables.sentences import sentence_rows
    from marketingtext.tables.topics import topic_units

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for path in sorted(args.corpus.glob("*.txt"))[: args.files]:
            (folder / path.name).write_bytes(path.read_bytes())
        corpus = load([str(folder)], cache_dir=args.cache_dir or folder / "cache")
        docs = list(corpus.parsed())
    gazetteer = load_gazetteer()
    seconds: dict[str, float] = defaultdict(float)
    rows: dict[str, list] = defaultdict(list)

    def timed(name: str, build):
        start = time.perf_counter()
        result = build()
        seconds[name] += time.perf_counter() - start
        return result

    profile = None
    if args.count_tokens:
        import cProfile

        profile = cProfile.Profile()
        profile.enable()
    for parsed in docs:
        terms = timed("keyword terms", lambda p=parsed: doc_terms(p))
        rows["sentences"] += timed("sentence rows", lambda p=parsed: sentence_rows(p))
        rows["docs"].append(timed("docs row", lambda p=parsed: doc_row(p, "offline")))
        rows["entities"] += timed("entity rows", lambda p=parsed: entity_rows(p, gazetteer))
        timed("topic units", lambda p=parsed: topic_units(p, split=False))
        timed("report words", lambda p=parsed, t=terms: ReportWords().add(p, t))
    if profile is not None:
        import pstats

        profile.disable()
        made = sum(calls for (path, _, name), (_, calls, *_) in pstats.Stats(profile).stats.items()
                   if name == "cinit" and path.endswith("token.pxd"))
        tokens = sum(len(parsed.doc) for parsed in docs)
        print(f"{len(docs)} documents of {args.corpus.name}, {tokens:,} tokens: the per-document builders made "
              f"{made:,} Token objects ({made / tokens:.1f} per token)")
        return
    mentions = canonicalise(pd.DataFrame(rows["entities"], columns=ENTITY_COLUMNS))
    timed("entity summary", lambda: summarize(mentions))
    sheets = {"entities": mentions, "sentences": pd.DataFrame(rows["sentences"]), "docs": pd.DataFrame(rows["docs"])}
    workbook = timed("tables.xlsx (entities, sentences, docs)", lambda: xlsx_bytes(sheets))
    tokens = sum(len(parsed.doc) for parsed in docs)
    print(f"{len(docs)} documents of {args.corpus.name}, {tokens:,} tokens, {len(mentions):,} mentions, "
          f"{sum(len(t) for t in sheets.values()):,} xlsx rows ({len(workbook):,} bytes)")
    for name, value in seconds.items():
        print(f"  {name:<40} {value:6.2f} s")
    print(f"  {'total':<40} {sum(seconds.values()):6.2f} s")


if __name__ == "__main__":
    main()
