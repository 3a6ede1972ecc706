"""Silver training sentences from the bench corpus (German Wikipedia): sentences on which two NER models of
the same recipe but different seeds agree exactly, with at least one PER/LOC/ORG entity.

Tried for v0.5 and not taken (README: no dev gain; Wikipedia dev F1 fell). Train on it by giving spacy train a
folder that holds train.spacy and the silver file.

Usage: PYTHONPATH=src python training/silver_wiki.py MODEL_A MODEL_B OUT.spacy [--max-words N] [--max-sents N]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent))
from raw_text import wiki_paragraphs  # noqa: E402

CORE = {"PER", "LOC", "ORG"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("model_a", type=Path)
    parser.add_argument("model_b", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--max-words", type=int, default=400_000)
    parser.add_argument("--max-sents", type=int, default=5000)
    args = parser.parse_args()

    from marketingtext.nlp import german, hanta_tagger  # noqa: F401
    from marketingtext.nlp.pipeline import add_sourced_ner, build_offline_pipeline

    nlp = build_offline_pipeline()
    nlp.remove_pipe("ner")
    add_sourced_ner(nlp, spacy.load(args.model_a), args.model_a)
    ner_a = nlp.get_pipe("ner")
    other = build_offline_pipeline()
    other.remove_pipe("ner")
    add_sourced_ner(other, spacy.load(args.model_b), args.model_b)
    ner_b = other.get_pipe("ner")
    paragraphs, words = [], 0
    for p in wiki_paragraphs(args.shared, min_words=8):
        paragraphs.append(p)
        words += len(p.split())
        if words >= args.max_words:
            break
    kept, seen, agreed = [], 0, 0
    with nlp.select_pipes(disable=["ner"]):
        for doc in nlp.pipe(paragraphs, batch_size=64):
            for sent in doc.sents:
                if not 6 <= len(sent) <= 60:
                    continue
                seen += 1
                a = ner_a(sent.as_doc())
                b = ner_b(sent.as_doc())
                ents_a = [(e.start, e.end, e.label_) for e in a.ents]
                if ents_a != [(e.start, e.end, e.label_) for e in b.ents]:
                    continue
                agreed += 1
                if any(label in CORE for _, _, label in ents_a):
                    kept.append(a)
    random.Random(13).shuffle(kept)
    kept = kept[:args.max_sents]
    DocBin(docs=kept).to_disk(args.out)
    print(f"{seen} sentences, {agreed} agreed, {len(kept)} kept with entities -> {args.out}")


if __name__ == "__main__":
    main()
