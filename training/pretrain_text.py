"""Tagged raw German text for ``spacy pretrain`` of the NER's tok2vec (characters objective).

Sources, as for the static vectors (raw_text.py): the benchmark corpus ../shared/bench/wiki_de_1M
(encyclopedia articles, CC BY-SA) and the texts of the NER *train* split only, never the dev or internal
test split. Every paragraph runs through mtext's tokenizer, sentence rules and HanTa, so the tok2vec
sees the same STTS tags in pretraining as in NER training and at run time.

Usage: PYTHONPATH=src python training/pretrain_text.py ../shared training/corpus_tagged/train.spacy OUT.spacy
"""

from __future__ import annotations

import sys
from itertools import chain
from pathlib import Path

import spacy
from spacy.tokens import DocBin


def main(shared: Path, train: Path, out: Path) -> None:
    from marketingtext.nlp.german import add_german_tokenizer_rules
    from prepare_ner_data import tagging_pipeline
    from raw_text import distinct_train_docs, wiki_paragraphs

    nlp = spacy.blank("de")
    add_german_tokenizer_rules(nlp)
    tagging_pipeline(nlp)
    docbin = DocBin(attrs=["ORTH", "TAG", "SENT_START"])
    words = 0
    wiki = nlp.pipe(wiki_paragraphs(shared, min_words=5), batch_size=64)
    for doc in chain(wiki, distinct_train_docs(train, nlp.vocab)):
        docbin.add(doc)
        words += len(doc)
    docbin.to_disk(out)
    print(f"{len(docbin)} documents, {words} tokens written to {out}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
