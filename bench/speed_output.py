"""CPU seconds of ``mtext analyze --out``'s serial tail: tables.xlsx, report.html and the report's per-document words.

The documents are parsed first (or read from the Doc cache) and the tables built once, untimed; then each part is
timed as ``analyze --out`` runs it, in CPU seconds of this process (``time.process_time``: the machine may be busy):

- ``report words``: ``ReportWords.add`` over every document (in the workers with ``--jobs 2``), keyword terms,
  text and sentence words given (made by the other tables first in analyze);
- ``tables.xlsx``: ``xlsx_bytes(titled_sheets(tables))``;
- ``CSV files``: every table's CSV (``serialize``);
- ``report.html``: ``Corpus.report`` with the tables and words at hand; then, with Python's cycle collector off, its
  steps one by one: ``report_data`` (entity summary, pairs, similarity, KWIC index), ``payload`` (the JSON's
  values) and ``render_report`` (the page: the payload made and encoded).

Each part runs ``--repeat`` times; the lowest figure is printed with the others after it. Their spread is mostly
the cycle collector: a full pass over the heap is paid by whichever step allocates when it falls due.
Run it with two versions of ``src`` (PYTHONPATH) in turn to compare them.

``--whole`` times one whole ``corpus.analyze(out)`` with warm caches instead (and xlsx_bytes and Corpus.report in it).

Usage: python bench/speed_output.py [--files 27] [--corpus DIR] [--cache-dir DIR] [--repeat 5] [--whole]
Data: the first 27 of the 274 German Wikipedia articles in ../shared/bench/wiki_de_1M/wiki (the throughput corpus;
not a dev or test split of anything), or any folder, e.g. data/raw (the five essays).
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared/bench/wiki_de_1M/wiki"


def cpu_seconds(work, repeat: int, collector: bool = True) -> list[float]:
    """CPU seconds of each of ``repeat`` runs of ``work``; ``collector=False``: with Python's cycle collector off
    (the code's own work, without the collector's passes over the whole heap, which fall where they fall)."""
    figures = []
    for _ in range(repeat):
        if not collector:
            gc.disable()
        try:
            start = time.process_time()
            work()
            figures.append(time.process_time() - start)
        finally:
            gc.enable()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=27, help="the first N texts of the folder (sorted by name)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--cache-dir", type=Path, default=None, help="a Doc cache (default: a temporary one)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--whole", action="store_true",
                        help="time one whole corpus.analyze(out) instead, caches warm (a first run fills them)")
    args = parser.parse_args()
    if args.whole:
        whole_analyze(args)
        return

    import marketingtext as mt
    from marketingtext.entities.table import cooccurrences, summarize
    from marketingtext.keywords.table import terms_function
    from marketingtext.language.words import sentence_words
    from marketingtext.nlp.doc_text import doc_text
    from marketingtext.output.html import payload, render_report
    from marketingtext.output.writers import serialize, titled_sheets, xlsx_bytes
    from marketingtext.tables.report_data import ReportWords, report_data
    from marketingtext.tables.sidecar import apply_sidecar

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        for path in sorted(args.corpus.glob("*.txt"))[: args.files]:
            (folder / path.name).write_bytes(path.read_bytes())
        corpus = mt.load([str(folder)], cache_dir=args.cache_dir or Path(tmp) / "cache")
        corpus.tables = None  # the table cache must not answer: the tables are built from the documents
        parsed = list(corpus.parsed())
        tables = corpus.analyze()
    tables = {**tables, "docs": apply_sidecar(tables["docs"], corpus.meta)}
    terms = [terms_function()(p) for p in parsed]

    def gather() -> ReportWords:
        words = ReportWords()
        for p, t in zip(parsed, terms, strict=True):
            words.add(p, t)
        return words

    def gather_timed() -> float:
        """CPU seconds of ``add`` alone: in analyze, the document's text and sentence words are at hand (cached,
        the other tables made them first), so they are made here before the clock runs."""
        words, spent = ReportWords(), 0.0
        for p, t in zip(parsed, terms, strict=True):
            doc_text(p.doc), sentence_words(p.doc)
            start = time.process_time()
            words.add(p, t)
            spent += time.process_time() - start
        return spent

    words = gather()
    mentions = tables["entities"]

    def collect():
        return report_data(words, tables["docs"], tables["keywords"], summarize(mentions), cooccurrences(mentions),
                           words.similarity(), title="mtext", meta={"Pipeline": corpus.pipeline.describe()},
                           topics={n: tables[n] for n in ("topics", "doc_topics", "topic_k") if n in tables})

    data = collect()
    parts = {
        "tables.xlsx (xlsx_bytes)": lambda: xlsx_bytes(titled_sheets(tables)),
        "CSV files (serialize)": lambda: [serialize(t, "csv") for t in tables.values()],
        "report.html (Corpus.report)": lambda: corpus.report(title="mtext", tables=tables, words=words),
    }
    parts_alone = {  # the report's steps called one by one, collector off
        "report_data": collect,
        "payload": lambda: payload(data),
        "render_report (payload included)": lambda: render_report(data),
    }
    rows = sum(len(t) for t in titled_sheets(tables).values())
    tokens = sum(len(p.doc) for p in parsed)
    print(f"{len(parsed)} documents of {args.corpus}, {tokens:,} tokens, {rows:,} xlsx rows; CPU seconds, "
          f"lowest of {args.repeat} (all runs)")
    show("report words (ReportWords.add)", [gather_timed() for _ in range(args.repeat)])
    for name, work in parts.items():
        show(name, cpu_seconds(work, args.repeat))
    print("the report's steps alone, cycle collector off:")
    for name, work in parts_alone.items():
        show(name, cpu_seconds(work, args.repeat, collector=False))


def whole_analyze(args) -> None:
    """CPU seconds of ``corpus.analyze(out)`` as ``mtext analyze`` runs it with warm caches (the tables from the table
    cache, the report's words read again from the Doc cache), and of ``xlsx_bytes`` and ``Corpus.report`` in it."""
    import marketingtext as mt
    from marketingtext.corpus import Corpus
    from marketingtext.output import writers

    spent: dict[str, float] = {}

    def timed(name: str, function):
        def run(*arguments, **options):
            start = time.process_time()
            result = function(*arguments, **options)
            spent[name] = time.process_time() - start
            return result
        return run

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        for path in sorted(args.corpus.glob("*.txt"))[: args.files]:
            (folder / path.name).write_bytes(path.read_bytes())
        cache = args.cache_dir or Path(tmp) / "cache"
        mt.load([str(folder)], cache_dir=cache).analyze(Path(tmp) / "first")  # fills the caches
        writers.xlsx_bytes = timed("xlsx_bytes", writers.xlsx_bytes)
        Corpus.report = timed("Corpus.report", Corpus.report)
        start = time.process_time()
        mt.load([str(folder)], cache_dir=cache).analyze(Path(tmp) / "out")
        spent["load and analyze, in all"] = time.process_time() - start
    print(f"{args.files} documents of {args.corpus}, caches warm; CPU seconds of one run")
    for name, value in spent.items():
        print(f"  {name:<34} {value:6.2f} s")


def show(name: str, figures: list[float]) -> None:
    print(f"  {name:<34} {min(figures):6.2f} s   ({', '.join(f'{f:.2f}' for f in figures)})")


if __name__ == "__main__":
    main()
