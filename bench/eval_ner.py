"""Entity quality per label on held-out gold German sentences, with and without the gazetteer.

Gold: every 10th sentence of GermEval 2014 dev (the sentences the offline NER was NOT trained on;
labels mapped as training/prepare_ner_data.py maps them). Predictions come from
``marketingtext.entities.entity_rows`` (model + gazetteer + filters) on the detokenised sentence;
a prediction is correct when its character span and label equal a gold entity's.

Usage: python bench/eval_ner.py [--model auto]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GERMEVAL = ROOT.parent / "shared/data/germeval2014_ner/NER-de-dev.tsv"


def gold_sentences():
    sys.path.insert(0, str(ROOT / "training"))
    from prepare_ner_data import read_germeval, repair_iob

    for i, (words, tags) in enumerate(read_germeval(GERMEVAL)):
        if i % 10:
            continue
        text, spans, current, last_end = "", set(), None, 0
        for word, tag in zip(words, repair_iob(tags), strict=True):
            if text:
                text += " "
            begin = len(text)
            text += word
            if current and not (tag.startswith("I-") and tag[2:] == current[1]):
                spans.add((current[0], last_end, current[1]))
                current = None
            if tag.startswith("B-"):
                current = (begin, tag[2:])
            last_end = len(text)
        if current:
            spans.add((current[0], last_end, current[1]))
        yield text, spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="auto")
    args = parser.parse_args()

    from marketingtext.entities import Gazetteer, entity_rows, load_gazetteer
    from marketingtext.parsing import ParsedDoc
    from marketingtext.pipeline import load_pipeline
    from marketingtext.reading import SourceText

    nlp, info = load_pipeline(args.model)
    data = list(gold_sentences())
    docs = list(nlp.pipe(text for text, _ in data))
    print(f"pipeline {info.describe()}; {len(data)} held-out GermEval sentences, "
          f"{sum(len(g) for _, g in data)} gold entities")
    for name, gazetteer in (("model only", Gazetteer([])), ("with gazetteer", load_gazetteer())):
        tp, fp, fn = Counter(), Counter(), Counter()
        for (text, gold), doc in zip(data, docs, strict=True):
            source = SourceText("s", "s", text, "utf-8", len(text), 0)
            rows = entity_rows(ParsedDoc(source, doc), gazetteer)
            pred = {(r["start_char"], r["end_char"], r["label"]) for r in rows}
            for span in pred:
                (tp if span in gold else fp)[span[2]] += 1
            for span in gold - pred:
                fn[span[2]] += 1
        print(f"\n{name}")
        print(f"{'label':6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}")
        for label in ("PER", "LOC", "ORG", "MISC", "all"):
            t = sum(tp.values()) if label == "all" else tp[label]
            p_ = sum(fp.values()) if label == "all" else fp[label]
            n = sum(fn.values()) if label == "all" else fn[label]
            precision = t / (t + p_) if t + p_ else 0.0
            recall = t / (t + n) if t + n else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            print(f"{label:6} {precision:6.3f} {recall:6.3f} {f1:6.3f} {t + n:5d}")


if __name__ == "__main__":
    main()
