"""Raw German text for ``spacy pretrain`` of the NER's tok2vec: one {"text": ...} JSON object a line.

Sources: the German Wikipedia bench corpus (../shared/bench/wiki_de_1M, one paragraph a line) and the
texts of the TRAIN split only of LER and SmartData (as prepare_ner_data.py splits them), so no
internal dev or test text is seen, not even unlabelled.

Usage: PYTHONPATH=src python training/prepare_pretrain_text.py ../shared training/corpus/pretrain.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy

from prepare_ner_data import all_docs

MIN_CHARS = 40


def wiki_paragraphs(folder: Path):
    for path in sorted(folder.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            if len(paragraph.strip()) >= MIN_CHARS:
                yield paragraph.strip()


def train_texts(shared_data: Path):
    from marketingtext.german import add_german_tokenizer_rules

    nlp = spacy.blank("de")
    add_german_tokenizer_rules(nlp)
    for split, domain, doc in all_docs(shared_data, nlp):
        if split == "train" and domain in {"ler", "smartdata-news", "smartdata-traffic"}:
            yield doc.text.strip()


def main(shared: Path, out: Path) -> None:
    lines = 0
    with open(out, "w", encoding="utf-8") as sink:
        for text in [*wiki_paragraphs(shared / "bench/wiki_de_1M/wiki"), *train_texts(shared / "data")]:
            sink.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
            lines += 1
    print(f"{lines} texts written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
