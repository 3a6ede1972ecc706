"""Majority vote of several NER models (the question: is an ensemble worth its cost?).

Each model (a ``spacy train`` output folder) runs inside mtext's offline pipeline on one split of
``training/prepare_ner_data.py``; a span counts when at least ``--min-votes`` models predict it with the same label
(overlaps go to the span with more votes, then the longer one). Prints PER+LOC+ORG F1 per domain for each model and
for the vote, model spans only (no filter, no gazetteer).

Usage: python bench/eval_ner_vote.py --split dev --min-votes 2 NAME=PATH NAME=PATH NAME=PATH ...
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from eval_ner import CORE, count, gold_spans, model_spans, offline_pipeline, scores, split_records

DOMAINS = ("germeval-news", "germeval-wiki", "smartdata-news", "ler")


def vote(predictions: list[set], min_votes: int) -> set:
    votes = Counter(span for spans in predictions for span in spans)
    kept: list[tuple[int, int, str]] = []
    for span, n in sorted(votes.items(), key=lambda item: (-item[1], item[0][0] - item[0][1], item[0])):
        if n >= min_votes and not any(span[0] < k[1] and k[0] < span[1] for k in kept):
            kept.append(span)
    return set(kept)


def report(name: str, records: list[dict], predictions: list[set]) -> None:
    pairs = {domain: [] for domain in (*DOMAINS, "all")}
    for record, spans in zip(records, predictions, strict=True):
        pair = ({s for s in gold_spans(record) if s[2] in CORE}, {s for s in spans if s[2] in CORE})
        pairs["all"].append(pair)
        if record["domain"] in pairs:
            pairs[record["domain"]].append(pair)
    cells = "  ".join(f"{d} {scores(*count(p))['PLO']['f']:.3f}" for d, p in pairs.items())
    print(f"{name:24} {cells}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="+", metavar="NAME=PATH")
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--min-votes", type=int, default=2)
    args = parser.parse_args()
    records = split_records(args.split)
    per_model = []
    for name, _, path in (m.partition("=") for m in args.models):
        nlp = offline_pipeline(Path(path))
        per_model.append([model_spans(doc) for doc in nlp.pipe(r["text"] for r in records)])
        report(name, records, per_model[-1])
    report(f"vote >= {args.min_votes} of {len(per_model)}", records,
           [vote(list(spans), args.min_votes) for spans in zip(*per_model, strict=True)])


if __name__ == "__main__":
    main()
