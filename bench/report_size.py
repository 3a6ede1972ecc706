"""Size of the HTML report, and the time to build it, for a folder of texts.

Builds the report the way ``mtext report`` will (analyze -> entity summary and pairs -> similarity ->
report_data -> render_report) and prints the file size split into its parts (data JSON by key, script, style).
Parsing uses mtext's persistent Doc cache, so a second run only measures the report.

Usage: python bench/report_size.py [FOLDER ...] [--out report.html]
Data: data/raw (the five seed essays; default) or ../shared/bench/wiki_de_1M/wiki (274 German Wikipedia
articles, the throughput corpus; not a dev or test split of anything).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import marketingtext as mt
from marketingtext.entities.table import cooccurrences, summarize
from marketingtext.output.html import _asset, payload, render_report, script_json
from marketingtext.tables.comparison import similarity_matrix
from marketingtext.tables.report_data import report_data

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", default=[str(ROOT / "data" / "raw")])
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    corpus = mt.load(args.folders).keep_in_memory()
    start = time.perf_counter()
    tables = corpus.analyze()
    parsed = list(corpus.parsed())
    analysed = time.perf_counter()
    mentions = tables["entities"]
    data = report_data(parsed, tables["docs"], tables["keywords"], summarize(mentions), cooccurrences(mentions),
                       similarity_matrix(parsed))
    collected = time.perf_counter()
    page = render_report(data)
    rendered = time.perf_counter()
    size = len(page.encode())
    print(f"{len(parsed)} documents, {int(tables['docs']['words'].sum())} words")
    print(f"analyze (incl. parsing or cache reads) {analysed - start:.1f} s, report_data {collected - analysed:.1f} s,"
          f" render {rendered - collected:.1f} s")
    print(f"report: {size / 1e6:.2f} MB ({size} bytes)")
    for key, value in payload(data).items():
        print(f"  data.{key}: {len(script_json(value).encode()) / 1e3:.1f} kB")
    for asset in ("report_charts.js", "report.js", "report.css"):
        print(f"  {asset}: {len(_asset(asset).encode()) / 1e3:.1f} kB")
    if args.out:
        Path(args.out).write_text(page, encoding="utf-8")
        print(f"written to {args.out}")


if __name__ == "__main__":
    main()
