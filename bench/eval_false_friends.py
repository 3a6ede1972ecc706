"""The false-friend filter's effect on the model's entities, and the essays' summary before/after.

Data: GermEval 2014 dev (../shared/data/germeval2014_ner/NER-de-dev.tsv; labels mapped as its
SOURCE.md says: OTH and *deriv -> MISC, *part -> O). These sentences are training data of the
offline NER (all but every 10th sentence; with issue 12's retraining perhaps all of them), so the
figures are a sanity check of the filter, not a quality measure of the model: the ner helper's
bench/eval_ner.py reports the internal test split.

For each variant, the model's entities (exact span and label against the gold outer entities;
the gazetteer's own matches are left out, so only the filter changes) over gold tokens:
``no filter``, ``previous rule`` (the filter of commit BEFORE) and ``issue-12 rule``
(:func:`marketingtext.entities.false_friends.is_false_friend`, a span the gazetteer knows is kept).
Then ``mtext entities --summary`` rows on the five essays with the code of BEFORE and today's.

Usage: PYTHONPATH=src python bench/eval_false_friends.py [--model offline] [--limit N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import types
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GERMEVAL = ROOT.parent / "shared/data/germeval2014_ner/NER-de-dev.tsv"
RAW = ROOT / "data" / "raw"
BEFORE = "cc345d9"  # main before issue 12: per-document canonical names, the old false-friend rule
LABELS = ("PER", "LOC", "ORG", "MISC")
MAPPED = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}


def germeval_sentences(path: Path):
    """(words, {(start_token, end_token, label)}) per sentence."""
    words, tags = [], []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                yield words, spans_of(tags)
            words, tags = [], []
            continue
        _, word, tag, *_ = line.split("\t")
        words.append(word)
        tags.append(tag)


def spans_of(tags: list[str]) -> set[tuple[int, int, str]]:
    spans, start, label = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        kind = tag[2:]
        kind = "O" if kind.endswith("part") else MAPPED.get(kind.removesuffix("deriv"), "O")
        if start is not None and not (tag.startswith("I-") and kind == label):
            spans.add((start, i, label))
            start = None
        if tag.startswith("B-") and kind != "O" or tag.startswith("I-") and kind != "O" and start is None:
            start, label = i, kind
    return spans


def module_at(commit: str, path: str, name: str):
    """``path`` of ``commit`` as a module of the installed package (for its relative imports)."""
    source = subprocess.run(["git", "show", f"{commit}:{path}"], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout
    module = types.ModuleType(f"marketingtext.{name}")
    module.__package__ = "marketingtext"
    sys.modules[module.__name__] = module
    exec(compile(source, f"{commit}:{path}", "exec"), module.__dict__)  # noqa: S102 (our own history)
    return module


def score(docs, gold, keep) -> dict[str, tuple[int, int, int]]:
    tp, fp, fn = Counter(), Counter(), Counter()
    for doc, spans in zip(docs, gold, strict=True):
        pred = set()
        for ent in doc.ents:
            label = {"OTH": "MISC"}.get(ent.label_, ent.label_)
            if label in LABELS and keep(ent, label):
                pred.add((ent.start, ent.end, label))
        for span in pred:
            (tp if span in spans else fp)[span[2]] += 1
        for span in spans - pred:
            fn[span[2]] += 1
    return {label: (tp[label], fp[label], fn[label]) for label in LABELS} | {
        "all": (sum(tp.values()), sum(fp.values()), sum(fn.values()))}


def print_scores(name: str, scores: dict) -> None:
    cells = []
    for label, (t, p, n) in scores.items():
        precision = t / (t + p) if t + p else 0.0
        recall = t / (t + n) if t + n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        cells.append(f"{label} {precision:.3f}/{recall:.3f}/{f1:.3f}")
    print(f"{name:16} " + "  ".join(cells))


def summary_rows(table_module, corpus, **options):
    return table_module.entity_table(corpus.parsed(), summary=True, **options)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="offline")
    parser.add_argument("--limit", type=int, default=0, help="first N sentences only (a quick look)")
    args = parser.parse_args()

    from spacy.tokens import Doc

    import marketingtext as mt
    from marketingtext.entities.table import is_false_friend, load_gazetteer
    from marketingtext.nlp.pipeline import load_pipeline

    nlp, info = load_pipeline(args.model)
    data = list(germeval_sentences(GERMEVAL))[: args.limit or None]
    docs = []
    for words, _ in data:
        doc = Doc(nlp.vocab, words=words)
        for _, component in nlp.pipeline:
            doc = component(doc)
        docs.append(doc)
    gold = [spans for _, spans in data]
    before = module_at(BEFORE, "src/marketingtext/entities.py", "entities_before")
    gazetteer = load_gazetteer()
    variants = {
        "no filter": lambda ent, label: True,
        "previous rule": lambda ent, label: not before._is_false_friend(ent),
        "issue-12 rule": lambda ent, label: bool(gazetteer.lookup(ent.text)) or not is_false_friend(ent, label),
    }
    print(f"pipeline {info.describe()}; GermEval 2014 dev (training data of the NER: a sanity check only), "
          f"{len(data)} sentences, {sum(map(len, gold))} gold entities; P/R/F1, exact span and label")
    for part, keep_sentence in (("all sentences", lambda i: True), ("every 10th (held out of the shipped "
                                                                     "model's training)", lambda i: i % 10 == 0)):
        print(f"\n{part}")
        chosen = [i for i in range(len(data)) if keep_sentence(i)]
        for name, keep in variants.items():
            print_scores(name, score([docs[i] for i in chosen], [gold[i] for i in chosen], keep))

    corpus = mt.load([RAW], model=args.model, use_cache=False, pipeline=(nlp, info)).keep_in_memory()
    from marketingtext.entities import table as entities

    for name, module in ((f"before ({BEFORE})", before), ("issue 12", entities)):
        table = summary_rows(module, corpus)
        print(f"\n`mtext entities --summary` on data/raw, {name}: {len(table)} rows")
        print(table[["canonical", "label", "mentions", "docs", "variants"]].to_string(index=False))


if __name__ == "__main__":
    main()
