"""Raw German text for the NER's static vectors (floret), one tokenised sentence per line.

Sources: the benchmark corpus ../shared/bench/wiki_de_1M (encyclopedia articles, CC BY-SA) and the
texts of the NER *train* split only (training/corpus*/train.spacy): nothing from the dev or internal
test split, so the vectors have never seen a sentence the NER is selected or reported on.
Tokenised with mtext's own German tokenizer, as the pipeline tokenises at run time.

Usage: PYTHONPATH=src python training/raw_text.py ../shared training/corpus_tagged/train.spacy OUT.txt
"""

from __future__ import annotations

import sys
from itertools import chain
from pathlib import Path

import spacy
from spacy.tokens import DocBin


def wiki_paragraphs(shared: Path, min_words: int = 1):
    """The bench corpus's paragraphs of at least ``min_words`` words, stripped, file by file."""
    for path in sorted((shared / "bench" / "wiki_de_1M" / "wiki").glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            if len(paragraph.split()) >= min_words:
                yield paragraph.strip()


def distinct_train_docs(train: Path, vocab):
    """The train split's documents, each once (GermEval train documents are repeated in the DocBin)."""
    seen = set()
    for doc in DocBin().from_disk(train).get_docs(vocab):
        if doc.text not in seen:
            seen.add(doc.text)
            yield doc


def main(shared: Path, train: Path, out: Path) -> None:
    from marketingtext.nlp.german import add_german_tokenizer_rules

    nlp = spacy.blank("de")
    add_german_tokenizer_rules(nlp)
    lines = 0
    with open(out, "w", encoding="utf-8") as sink:
        for doc in chain(map(nlp.make_doc, wiki_paragraphs(shared)), distinct_train_docs(train, nlp.vocab)):
            sink.write(" ".join(t.text for t in doc if not t.is_space) + "\n")
            lines += 1
    print(f"{lines} lines written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
