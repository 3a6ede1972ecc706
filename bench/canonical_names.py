"""Which names `mtext entities` gives its mentions on a corpus: the folds of a mention into a longer canonical name,
largest first, so that a wrong one ("Europa" -> "Vereinigte Europa") shows at the top.

Reads a mention table (``mtext entities PATHS --output FILE.csv``); prints the mentions, the distinct canonical
names, and the folds: model and rule mentions whose canonical name has more words than the mention, per
(mention, label, canonical name) with how many mentions each spelling has in the corpus. ``--against OLD.csv``
(the same corpus's table from another version, same mentions): how many mentions changed their canonical name or
their corpus label, and the largest changes. ``--time``: seconds ``entities.canonical.canonicalise`` takes to name
the table's mentions again from their text (median of 3; run it with each version's ``PYTHONPATH`` to compare).

Usage: PYTHONPATH=src python bench/canonical_names.py MENTIONS.csv [--against OLD.csv] [--top 40] [--time]
  e.g. mtext entities ../shared/bench/wiki_de_1M/wiki --output /tmp/mentions.csv
"""

from __future__ import annotations

import argparse

import pandas as pd

KEYS = ["doc", "start_char", "end_char", "text", "label"]


def folds(mentions: pd.DataFrame) -> pd.DataFrame:
    """(text, label, canonical, mentions folded, mentions of the text, mentions of the canonical name as written)."""
    found = mentions[mentions["source"].isin(["model", "rule"])]
    spelled = found.groupby(["text", "label"]).size()
    longer = found[found["canonical"].str.split().str.len() > found["text"].str.split().str.len()]
    table = longer.groupby(["text", "label", "canonical"]).size().reset_index(name="folded")
    table["text_n"] = [int(spelled.get((t, lab), 0)) for t, lab in zip(table["text"], table["label"], strict=True)]
    table["canonical_n"] = [int(spelled.get((c, lab), 0))
                            for c, lab in zip(table["canonical"], table["label"], strict=True)]
    return table.sort_values(["folded", "text", "canonical"], ascending=[False, True, True])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mentions")
    parser.add_argument("--against", default="")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--time", action="store_true")
    args = parser.parse_args()

    pd.set_option("display.width", 200)
    mentions = pd.read_csv(args.mentions, keep_default_na=False)
    table = folds(mentions)
    print(f"{len(mentions):,} mentions, {mentions['canonical'].nunique():,} canonical names; "
          f"{int(table['folded'].sum()):,} mentions named by a longer name ({len(table):,} spellings)")
    print(table.head(args.top).to_string(index=False))
    if args.time:
        print(f"canonicalise: {time_canonicalise(mentions):.2f} s for {len(mentions):,} mentions (median of 3)")
    if args.against:
        old = pd.read_csv(args.against, keep_default_na=False)
        if len(old) != len(mentions) or not old[KEYS].equals(mentions[KEYS]):
            raise SystemExit(f"{args.against}: not the same mentions; compare tables of the same corpus")
        renamed = old["canonical"] != mentions["canonical"]
        relabelled = old["corpus_label"] != mentions["corpus_label"]
        print(f"\nagainst {args.against}: {int(renamed.sum()):,} of {len(mentions):,} mentions renamed, "
              f"{int(relabelled.sum()):,} with another corpus label; canonical names "
              f"{old['canonical'].nunique():,} -> {mentions['canonical'].nunique():,}")
        changes = pd.DataFrame({"text": mentions["text"][renamed], "before": old["canonical"][renamed],
                                "now": mentions["canonical"][renamed]})
        counted = changes.value_counts().reset_index(name="mentions")
        print(counted.sort_values(["mentions", "text", "now"], ascending=[False, True, True])
              .head(args.top).to_string(index=False))


def time_canonicalise(mentions: pd.DataFrame, runs: int = 3) -> float:
    """Median seconds of naming the mentions again from their text (as rows come from the documents)."""
    import statistics
    import time

    from marketingtext.entities.table import ENTITY_COLUMNS, canonicalise

    rows = mentions[ENTITY_COLUMNS].assign(canonical=mentions["text"])
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        canonicalise(rows)
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)


if __name__ == "__main__":
    main()
