"""The false-friend filter on the NER *dev* split: what it drops, right and wrong, with today's rules and a
commit's, and the five essays' entity summary.

Data: the dev split written by ``training/prepare_ner_data.py`` (rebuilt here, seed 13: GermEval 2014 dev
documents, SmartData, LER blocks; ``dev.jsonl``-style records), the split the filter's rules were checked on.
It is a dev set: these figures chose the rules. Held-out figures are ``bench/eval_ner.py``'s internal test.
Each model span (PER/LOC/ORG) is right when span and label equal a gold entity's. A rule that drops spans that
are right more often than about one in three lowers F1; the table shows how much each version drops.

Usage: python bench/eval_filter_dev.py [--before d7dabaf] [--no-essays]
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ("PER", "LOC", "ORG")


def old_filter(commit: str, folder: Path):
    """``is_false_friend`` as it was at ``commit`` (its module, loaded beside today's package)."""
    source = subprocess.run(["git", "show", f"{commit}:src/marketingtext/false_friends.py"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    path = folder / "false_friends_before.py"
    path.write_text(source.replace("from .", "from marketingtext."), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("false_friends_before", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.is_false_friend


def scores(counts: Counter, gold: int, version: str) -> str:
    tp, fp = counts[(version, "kept", True)], counts[(version, "kept", False)]
    p, r = tp / max(tp + fp, 1), tp / max(gold, 1)
    f = 2 * p * r / max(p + r, 1e-9)
    dropped_right, dropped_wrong = counts[(version, "dropped", True)], counts[(version, "dropped", False)]
    return f"{version:14} P {p:.3f} R {r:.3f} F1 {f:.3f}   dropped: {dropped_right} right, {dropped_wrong} wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="d7dabaf", help="the commit whose filter is compared [d7dabaf]")
    parser.add_argument("--no-essays", action="store_true", help="skip the essays' summary")
    args = parser.parse_args()
    from eval_ner import split_records
    from marketingtext.entities.false_friends import is_false_friend
    from marketingtext.nlp.pipeline import load_pipeline

    nlp, info = load_pipeline("offline")
    with tempfile.TemporaryDirectory() as tmp:
        versions = {"no filter": lambda ent, label: False, f"rules {args.before}": old_filter(args.before, Path(tmp)),
                    "rules today": is_false_friend}
        counts, gold = Counter(), 0
        records = split_records("dev")
        for record in records:
            doc = nlp(record["text"])
            truth = {(s, e, label) for s, e, label in record["spans"] if label in CORE}
            gold += len(truth)
            for ent in (e for e in doc.ents if e.label_ in CORE):
                right = (ent.start_char, ent.end_char, ent.label_) in truth
                for version, drops in versions.items():
                    counts[(version, "dropped" if drops(ent, ent.label_) else "kept", right)] += 1
    print(f"NER dev split: {len(records)} documents/sentences, {gold} PER/LOC/ORG entities; model {info.describe()}")
    for version in versions:
        print(scores(counts, gold, version))
    if not args.no_essays:
        import marketingtext as mt
        from marketingtext.entities.table import summarize

        summary = summarize(mt.load([ROOT / "data" / "raw"], pipeline=(nlp, info), use_cache=False).entities())
        print(f"\nessays (data/raw): {len(summary)} summary rows")
        for row in summary.itertuples():
            print(f"  {row.canonical} ({row.label}{', ' + row.kind if row.kind else ''}): {row.mentions}")


if __name__ == "__main__":
    main()
