"""How far the CRF NER's recall can be pushed by decoding alone, on the NER DEV split: is a miss a close call or
an entity the model has no evidence for?

The dev split of training/prepare_ner_data.py (never its internal test) is parsed once by the shipped offline
pipeline and kept as a DocBin (``--cache``, as bench/ner_layer_errors.py); each sentence is then tagged again by the
CRF of ``--crf`` (default: the shipped one, ``nlp/models/ner_de/crf``) and decoded two ways with the label O's
probability multiplied by a weight w < 1 (w = 1: the shipped Viterbi path):

- ``fill``: the Viterbi path, where it says O but an entity label's marginal beats w × O's, that label;
- ``marginal``: per token the label of the highest weighted marginal.

For each, PER+LOC+ORG exact-span P/R/F1 of the model alone and of the entity layer (false-friend filter,
gazetteer: what `mtext entities` writes), overall and per domain. With ``--crf DIR`` and w = 1 only
(``--weights 1``) it is a quick dev score of a CRF trained by training/train_crf_ner.py on the same parse.

Usage: PYTHONPATH=src python bench/ner_recall_ceiling.py [--cache PATH] [--crf DIR] [--weights 1,0.8,0.6,0.4,0.3]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from eval_ner import count, gold_spans, layer_spans, model_spans, scores  # noqa: E402
from ner_layer_errors import parsed_dev  # noqa: E402


def decoded(viterbi: list[str], marginals: list[dict[str, float]], weight: float, mode: str) -> list[str]:
    """BIO labels of one sentence with O's probability weighted (see the module); w = 1 gives the Viterbi path."""
    if weight == 1.0:
        return viterbi
    out = []
    for label, marginal in zip(viterbi, marginals, strict=True):
        best = max((y for y in marginal if y != "O"), key=lambda y: (marginal[y], y))
        if mode == "fill":
            out.append(best if label == "O" and marginal[best] > weight * marginal["O"] else label)
        else:
            out.append(best if marginal[best] > weight * marginal["O"] else "O")
    return out


def print_evidence(records: list[dict], docs: list, sentences: list, gazetteer) -> None:
    """Gold PER/LOC/ORG entities inside a token (the model alone cannot give them; the entity layer cuts some out of
    a compound or a handle); and of those the Viterbi path misses, how sure the CRF is of the right labels: the
    smallest marginal of the gold BIO label over the entity's tokens."""
    from collections import Counter

    from spacy.tokens import Span

    from marketingtext.nlp.crf_ner import bio_spans

    bands = {"< 0.05": 0, "0.05-0.2": 0, "0.2-0.5": 0, ">= 0.5": 0}
    total, off_tokens, per_domain, cut_out = 0, Counter(), Counter(), Counter()
    for record, doc, per_doc in zip(records, docs, sentences, strict=True):
        where = {}  # token index -> (sentence's first token, its marginals)
        found = set()
        for start, viterbi, marginals in per_doc:
            for k in range(len(marginals)):
                where[start + k] = (start, marginals)
            found |= {(start + s, start + e, label) for s, e, label in bio_spans(viterbi)}
        doc.ents = [Span(doc, s, e, label=label) for s, e, label in sorted(found)]
        layer = layer_spans(doc, gazetteer)
        for begin, end, label in gold_spans(record):
            span = doc.char_span(begin, end)
            if label not in {"PER", "LOC", "ORG"}:
                continue
            per_domain[record["domain"]] += 1
            if span is None:  # "Siemens" in "Siemens-Sprecher", "DB_Bahn" in "@DB_Bahn": no token span is it
                off_tokens[record["domain"]] += 1
                cut_out[record["domain"]] += (begin, end, label) in layer
                continue
            total += 1
            if (span.start, span.end, label) in found:
                continue
            smallest = min(where[i][1][i - where[i][0]].get(("B-" if i == span.start else "I-") + label, 0.0)
                           for i in range(span.start, span.end))
            band = "< 0.05" if smallest < 0.05 else "0.05-0.2" if smallest < 0.2 else "0.2-0.5" if smallest < 0.5 \
                else ">= 0.5"
            bands[band] += 1
    missed = sum(bands.values())
    print("gold PER/LOC/ORG inside a token, per domain (of all; given exactly by the entity layer): "
          + ", ".join(f"{d} {off_tokens[d]} of {n} ({cut_out[d]})" for d, n in sorted(per_domain.items())))
    print(f"gold PER/LOC/ORG on token boundaries: {total}; missed by the Viterbi path: {missed}; the gold labels' "
          "smallest marginal over the entity: " + ", ".join(f"{band} {n} ({n / missed:.0%})"
                                                              for band, n in bands.items()))


def main() -> None:
    from spacy.tokens import Span

    from marketingtext.entities.table import load_gazetteer
    from marketingtext.nlp.crf_ner import CRF_FOLDER, CrfEntityRecognizer, bio_spans, sentence_features
    from marketingtext.nlp.pipeline import ner_model_path

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default=str(ROOT.parent / "scratch" / "ner-dev-docs.spacy"))
    parser.add_argument("--crf", default=str(ner_model_path() / CRF_FOLDER))
    parser.add_argument("--weights", default="1,0.8,0.6,0.4,0.3")
    args = parser.parse_args()

    records, docs = parsed_dev(Path(args.cache))
    gazetteer = load_gazetteer()
    recognizer = CrfEntityRecognizer(str(ner_model_path()), args.crf)
    recognizer._load()
    tagger, labels = recognizer._tagger, recognizer._tagger.labels()
    sentences = []  # per document: (first token, Viterbi labels, marginals per token) per sentence
    for doc in docs:
        per_doc = []
        for sent in doc.sents:
            tokens = list(sent)
            viterbi = tagger.tag(sentence_features(recognizer._words, [t.text for t in tokens],
                                                   [t.tag_ for t in tokens]))
            per_doc.append((sent.start, viterbi,
                            [{y: tagger.marginal(y, k) for y in labels} for k in range(len(tokens))]))
        sentences.append(per_doc)

    print(f"CRF {args.crf}; NER dev split, {len(docs)} documents")
    print_evidence(records, docs, sentences, gazetteer)
    print("PER+LOC+ORG exact-span P / R / F1, overall | per domain")
    weights = [float(w) for w in args.weights.split(",")]
    for mode in ("fill", "marginal"):
        for weight in weights:
            if weight == 1.0 and mode == "marginal":
                continue  # the same as fill at w = 1: the Viterbi path
            rows = {"model": [], "layer": []}
            for record, doc, per_doc in zip(records, docs, sentences, strict=True):
                doc.ents = [Span(doc, start + s, start + e, label=label)
                            for start, viterbi, marginals in per_doc
                            for s, e, label in bio_spans(decoded(viterbi, marginals, weight, mode))]
                gold = gold_spans(record)
                rows["model"].append((record["domain"], gold, model_spans(doc)))
                rows["layer"].append((record["domain"], gold, layer_spans(doc, gazetteer)))
            name = "viterbi" if weight == 1.0 else f"{mode} w={weight:g}"
            for what, pairs in rows.items():
                overall = scores(*count((g, p) for _, g, p in pairs))["PLO"]
                domains = {d: scores(*count((g, p) for x, g, p in pairs if x == d))["PLO"]["f"]
                           for d in sorted({d for d, _, _ in pairs})}
                print(f"{name:18} {what:5} | {overall['p']:.3f} {overall['r']:.3f} {overall['f']:.3f} | "
                      + "  ".join(f"{d} {f:.3f}" for d, f in domains.items()))


if __name__ == "__main__":
    main()
