"""Convert the openly licensed German NER corpora in ../shared/data/ to spaCy DocBin files.

Labels are mapped onto de_core_news_sm's scheme (PER, LOC, ORG, MISC) as each SOURCE.md advises:
GermEval OTH and *deriv -> MISC, *part -> O; LER PER/RR/AN -> PER, LD/ST/STR/LDS -> LOC,
ORG/UN/INN/GRT/MRK -> ORG, legal norms -> O; Europeana PER/LOC/ORG as they are.

Usage: python training/prepare_ner_data.py ../shared/data training/corpus
Writes train.spacy and dev.spacy (dev = every 10th GermEval sentence, the data closest to essays).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

GERMEVAL_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "OTH": "MISC"}
LER_MAP = {
    "PER": "PER", "RR": "PER", "AN": "PER",
    "LD": "LOC", "ST": "LOC", "STR": "LOC", "LDS": "LOC",
    "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG", "MRK": "ORG",
}
EUROPEANA_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}
# Court decisions are far from essay prose: keep every sentence with a PER/LOC/ORG entity
# and only this share of the others, so the legal register does not dominate training.
LER_EMPTY_SENTENCE_SHARE = 0.15
EUROPEANA_MAX_SENTENCE = 60


def map_tag(tag: str, mapping: dict[str, str]) -> str:
    """Map an IOB tag through ``mapping``; unknown types and ``*part`` become O."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    if kind.endswith("deriv") and mapping is GERMEVAL_MAP:
        kind = "OTH"
    label = mapping.get(kind)
    return f"{prefix}-{label}" if label else "O"


def repair_iob(tags: list[str]) -> list[str]:
    """Turn an I- tag that does not continue an entity of its type into B-."""
    fixed = []
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and (i == 0 or fixed[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        fixed.append(tag)
    return fixed


def read_germeval(path: Path):
    words, tags = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                yield words, tags
            words, tags = [], []
            continue
        cols = line.split("\t")
        words.append(cols[1])
        tags.append(map_tag(cols[2], GERMEVAL_MAP))
    if words:
        yield words, tags


def read_conll(path: Path, mapping: dict[str, str], split_on_period: bool = False):
    words, tags = [], []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            if words:
                yield words, tags
            words, tags = [], []
            continue
        parts = line.split()
        if len(parts) < 2:
            continue
        words.append(parts[0])
        tags.append(map_tag(parts[-1], mapping))
        if split_on_period and (parts[0] in {".", "!", "?"} or len(words) >= EUROPEANA_MAX_SENTENCE):
            yield words, tags
            words, tags = [], []
    if words:
        yield words, tags


def to_doc(vocab, words: list[str], tags: list[str]) -> Doc:
    return Doc(vocab, words=words, ents=repair_iob(tags))


def main(shared_data: Path, out_dir: Path) -> None:
    rng = random.Random(13)
    vocab = spacy.blank("de").vocab
    train, dev = DocBin(), DocBin()
    counts = {"germeval": 0, "ler": 0, "europeana": 0}
    for i, (w, t) in enumerate(read_germeval(shared_data / "germeval2014_ner" / "NER-de-dev.tsv")):
        (dev if i % 10 == 0 else train).add(to_doc(vocab, w, t))
        counts["germeval"] += 1
    for name in ("ler_dev.conll", "ler_test.conll"):
        for w, t in read_conll(shared_data / "legal_entity_recognition_de" / name, LER_MAP):
            if any(tag != "O" for tag in t) or rng.random() < LER_EMPTY_SENTENCE_SHARE:
                train.add(to_doc(vocab, w, t))
                counts["ler"] += 1
    for name in ("enp_DE.lft.bio", "enp_DE.onb.bio"):
        path = shared_data / "europeana_newspapers_de_ner" / name
        for w, t in read_conll(path, EUROPEANA_MAP, split_on_period=True):
            train.add(to_doc(vocab, w, t))
            counts["europeana"] += 1
    out_dir.mkdir(parents=True, exist_ok=True)
    train.to_disk(out_dir / "train.spacy")
    dev.to_disk(out_dir / "dev.spacy")
    print(f"sentences used: {counts}; train {len(train)}, dev {len(dev)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
