"""Passive detection (marketingtext.language.passive.passive_kind) against UD German GSD dev.

Gold: a sentence is passive when it has an ``aux:pass`` relation (werden: Vorgangspassiv, sein: mostly
Zustandspassiv). Each gold sentence's text is parsed on its own by the pipeline (no gold tokens or tags);
a sentence counts as predicted passive when any sentence the pipeline finds in it is. GSD dev is a
development set: the clause rules and verb lists were checked against it.

Usage: python bench/eval_passive.py [--model auto|offline] [--errors] [CONLLU]
"""

from __future__ import annotations

import argparse
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/eval/ud_german_gsd_dev/de_gsd-ud-dev.conllu"


def read_passive_gold(path: Path):
    """Yield (text, gold kinds) per sentence: the lemmas of its aux:pass tokens (werden/sein)."""
    text, kinds = None, set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            text = line[len("# text = "):]
        elif not line.strip():
            if text is not None:
                yield text, kinds
            text, kinds = None, set()
        elif not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) > 7 and cols[7] == "aux:pass":
                kinds.add(cols[2])
    if text is not None:
        yield text, kinds


def scores(pairs) -> str:
    tp = sum(p and g for p, g in pairs)
    fp = sum(p and not g for p, g in pairs)
    fn = sum(g and not p for p, g in pairs)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conllu", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--model", default="auto")
    parser.add_argument("--errors", action="store_true", help="print the sentences judged wrong")
    args = parser.parse_args()

    from marketingtext.language.passive import passive_kind
    from marketingtext.nlp.pipeline import load_pipeline

    nlp, info = load_pipeline(args.model)
    gold = list(read_passive_gold(args.conllu))
    predicted = []
    for doc, (text, kinds) in zip(nlp.pipe(t for t, _ in gold), gold, strict=True):
        found = {passive_kind(s) for s in doc.sents} - {""}
        predicted.append(found)
        if args.errors and bool(found) != bool(kinds):
            print(f"  gold {sorted(kinds) or '-'} predicted {sorted(found) or '-'}: {text}")
    kinds_of_gold = [kinds for _, kinds in gold]
    print(f"pipeline: {info.describe()}")
    print(f"passive on {args.conllu.name} (dev set): {len(gold)} sentences, "
          f"{sum(map(bool, kinds_of_gold))} with aux:pass")
    print("  any passive (vorgang or zustand) vs aux:pass:",
          scores([(bool(p), bool(g)) for p, g in zip(predicted, kinds_of_gold, strict=True)]))
    print("  vorgang vs aux:pass of werden:               ",
          scores([("vorgang" in p, "werden" in g) for p, g in zip(predicted, kinds_of_gold, strict=True)]))

if __name__ == "__main__":
    main()
