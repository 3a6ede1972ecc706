"""Tagged raw German text for ``spacy pretrain`` of the NER's tok2vec (characters objective).

Sources, as for the static vectors (raw_text.py): the benchmark corpus ../shared/bench/wiki_de_1M
(encyclopedia articles, CC BY-SA) and the texts of the NER *train* split only, never the dev or internal
test split. Every paragraph runs through mtext's tokenizer, sentence rules and HanTa, so the tok2vec
sees the same STTS tags in pretraining as in NER training and at run time.

Usage: PYTHONPATH=src python training/pretrain_text.py ../shared training/corpus_tagged/train.spacy OUT.spacy
"""

from __future__ import annotations

import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin


def wiki_paragraphs(shared: Path):
    for path in sorted((shared / "bench" / "wiki_de_1M" / "wiki").glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            if len(paragraph.split()) >= 5:
                yield paragraph.strip()


def main(shared: Path, train: Path, out: Path) -> None:
    from marketingtext.german import add_german_tokenizer_rules
    from prepare_ner_data import tagging_pipeline

    nlp = spacy.blank("de")
    add_german_tokenizer_rules(nlp)
    tagging_pipeline(nlp)
    docbin = DocBin(attrs=["ORTH", "TAG", "SENT_START"])
    words = 0
    for doc in nlp.pipe(wiki_paragraphs(shared), batch_size=64):
        docbin.add(doc)
        words += len(doc)
    seen = set()
    for doc in DocBin().from_disk(train).get_docs(nlp.vocab):
        if doc.text not in seen:  # GermEval train documents are repeated in the DocBin
            seen.add(doc.text)
            docbin.add(doc)
            words += len(doc)
    docbin.to_disk(out)
    print(f"{len(docbin)} documents, {words} tokens written to {out}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
