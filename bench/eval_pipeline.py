"""Sentence boundaries, POS and lemma accuracy of mtext's pipeline on UD German GSD (dev).

Gold sentences are joined into paragraphs of PARAGRAPH sentences (separated by one space),
the pipeline splits them again, and predicted sentence ends are compared with gold ends as
character offsets (precision, recall, F1). UPOS and lemma accuracy are counted on the tokens
whose character span matches a gold token exactly (the share that do is printed too).

Usage: python bench/eval_pipeline.py [--model auto|offline|de_core_news_sm] [--misses N] [CONLLU]

``--misses N`` prints the N most frequent lemma misses (form, gold lemma, predicted lemma, gold UPOS).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/eval/ud_german_gsd_dev/de_gsd-ud-dev.conllu"
PARAGRAPH = 8


def read_conllu(path: Path):
    """Yield (text, [(form, upos, lemma)]) per sentence; multiword ranges give the surface form."""
    text, tokens = None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            text = line[len("# text = "):]
        elif not line.strip():
            if text is not None:
                yield text, tokens
            text, tokens = None, []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "." in cols[0]:
                continue
            tokens.append((cols[1], cols[3], cols[2], "-" in cols[0]))
    if text is not None:
        yield text, tokens


def gold_token_spans(text: str, tokens):
    """Character spans of gold surface tokens (multiword tokens keep the range's own tags: none)."""
    spans, pos, skip = {}, 0, 0
    for form, upos, lemma, is_range in tokens:
        if skip:
            skip -= 1
            continue
        start = text.find(form, pos)
        if start < 0:
            continue
        pos = start + len(form)
        if is_range:
            skip = 2
            continue
        spans[(start, pos)] = (upos, lemma)
    return spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conllu", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--model", default="auto")
    parser.add_argument("--misses", type=int, default=0, help="print the N most frequent lemma misses")
    args = parser.parse_args()

    from marketingtext.nlp.pipeline import load_pipeline

    nlp, info = load_pipeline(args.model)
    sentences = list(read_conllu(args.conllu))
    tp = fp = fn = 0
    matched = total_gold = pos_ok = lemma_ok = 0
    misses: Counter = Counter()
    for i in range(0, len(sentences), PARAGRAPH):
        group = sentences[i:i + PARAGRAPH]
        text, gold_ends, gold_spans, offset = "", set(), {}, 0
        for sent_text, tokens in group:
            if text:
                text += " "
            offset = len(text)
            text += sent_text
            gold_ends.add(len(text))
            for (s, e), tags in gold_token_spans(sent_text, tokens).items():
                gold_spans[(s + offset, e + offset)] = tags
        doc = nlp(text)
        pred_ends = {s[-1].idx + len(s[-1]) for s in doc.sents}
        tp += len(pred_ends & gold_ends)
        fp += len(pred_ends - gold_ends)
        fn += len(gold_ends - pred_ends)
        total_gold += len(gold_spans)
        for token in doc:
            tags = gold_spans.get((token.idx, token.idx + len(token)))
            if tags:
                matched += 1
                pos_ok += token.pos_ == tags[0]
                right = token.lemma_.lower() == tags[1].lower()
                lemma_ok += right
                if not right:
                    misses[(token.text, tags[1], token.lemma_, tags[0])] += 1
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"pipeline: {info.describe()}")
    print(f"sentences: {len(sentences)} gold; boundary precision {precision:.3f} recall {recall:.3f} "
          f"F1 {2 * precision * recall / (precision + recall):.3f}")
    print(f"tokens: {matched}/{total_gold} gold tokens matched ({matched / total_gold:.1%}); "
          f"UPOS accuracy {pos_ok / matched:.4f}; lemma accuracy {lemma_ok / matched:.4f} "
          f"({matched - lemma_ok} misses)")
    for (form, gold, predicted, upos), count in misses.most_common(args.misses):
        print(f"{count:4d}  {form}  gold {gold}  predicted {predicted}  ({upos})")


if __name__ == "__main__":
    main()
