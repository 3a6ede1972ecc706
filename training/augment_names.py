"""Mention replacement: copies of the train split's documents with each PER/LOC/ORG name swapped for another
name of the same label from the train split, so the NER learns names from their context and not by heart
(rare names are what it misses on encyclopedia and business text). Each copy is tagged by mtext's sentence
rules and HanTa afresh, as at run time. Only train documents are read or written: dev and test stay as they are.

Usage: PYTHONPATH=src python training/augment_names.py training/corpus_tagged/train.spacy OUT.spacy [COPIES]
OUT holds the original documents and COPIES (default 1) replaced copies of each one with a name.
"""

from __future__ import annotations

import random
import re
import sys
from collections import defaultdict
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

SEED = 13
SWAPPED = ("PER", "LOC", "ORG")
# A replacement name is clean: words, initials, hyphens, "&" (no OCR punctuation or quotes swept into the span).
CLEAN_TOKEN = re.compile(r"^[\w&'.-]+$")


def inventory(docs) -> dict[str, list[tuple[str, ...]]]:
    """Every distinct name per label, as its tokens, in first-seen order (sampled uniformly: rare names as
    often as frequent ones)."""
    names = defaultdict(dict)
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ in SWAPPED and is_clean(ent):
                names[ent.label_].setdefault(tuple(t.text for t in ent), None)
    return {label: list(found) for label, found in names.items()}


def is_clean(ent) -> bool:
    words = [t.text for t in ent]
    return all(CLEAN_TOKEN.match(w) for w in words) and words[0][:1].isupper() and words[-1][-1:].isalnum()


def swapped(doc, names, rng: random.Random):
    """The document's words and IOB tags with every PER/LOC/ORG name replaced by a random one of its label."""
    words, spaces, tags, i = [], [], [], 0
    for ent in doc.ents:
        for token in doc[i:ent.start]:
            words.append(token.text), spaces.append(bool(token.whitespace_)), tags.append("O")
        new = rng.choice(names[ent.label_]) if ent.label_ in SWAPPED else tuple(t.text for t in ent)
        words.extend(new)
        spaces.extend([True] * (len(new) - 1) + [bool(ent[-1].whitespace_)])
        tags.extend([f"B-{ent.label_}"] + [f"I-{ent.label_}"] * (len(new) - 1))
        i = ent.end
    for token in doc[i:]:
        words.append(token.text), spaces.append(bool(token.whitespace_)), tags.append("O")
    return words, spaces, tags


def main(train: Path, out: Path, copies: int) -> None:
    from marketingtext.nlp.german import add_german_tokenizer_rules
    from prepare_ner_data import tagging_pipeline

    nlp = spacy.blank("de")
    add_german_tokenizer_rules(nlp)
    annotators = tagging_pipeline(nlp)
    docs = list(DocBin().from_disk(train).get_docs(nlp.vocab))
    names = inventory(docs)
    rng = random.Random(SEED)
    result = DocBin(store_user_data=False)
    added = 0
    for doc in docs:
        result.add(doc)
        if not any(ent.label_ in SWAPPED for ent in doc.ents):
            continue
        for _ in range(copies):
            words, spaces, tags = swapped(doc, names, rng)
            new = Doc(nlp.vocab, words=words, spaces=spaces, ents=tags)
            for annotate in annotators:
                new = annotate(new)
            result.add(new)
            added += 1
    result.to_disk(out)
    print(f"{len(docs)} documents + {added} with names swapped -> {out}; "
          + ", ".join(f"{label} {len(found)} names" for label, found in sorted(names.items())))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 1)
