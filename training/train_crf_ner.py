"""Train the offline pipeline's CRF named-entity recogniser (src/marketingtext/nlp/crf_ner.py).

Data: the train split of training/prepare_ner_data.py run with ``--tag`` (HanTa's STTS tags on every token, as the
pipeline gives them), e.g. ``python training/prepare_ner_data.py ../shared/data training/corpus --tag``. Only
train.spacy is read; the dev split chooses the settings (bench/eval_ner.py --split dev), the internal test reports.

Steps: the floret vectors of the NER folder (``src/marketingtext/nlp/models/ner_de/vocab``) of the 60,000 most
frequent training words, length-normalised, are clustered by k-means (scikit-learn's MiniBatchKMeans, seed 0) into 64
and into 512 clusters; each token's features are ``crf_ner.sentence_features`` (the function the pipeline tags
with); python-crfsuite's L-BFGS with L1 ``--c1`` and L2 ``--c2`` trains on every sentence's BIO labels.
Writes ``model.crf``, ``centroids_64.npy``, ``centroids_512.npy`` and ``features.json`` to ``--out``
(default: the folder the pipeline reads, src/marketingtext/nlp/models/ner_de/crf).

Usage: PYTHONPATH=src python training/train_crf_ner.py training/corpus [--out DIR] [--c1 0.05] [--c2 0.01]
       [--iterations 150] [--features basic|rich] [--clusters 64,512]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
NER_FOLDER = ROOT / "src" / "marketingtext" / "nlp" / "models" / "ner_de"
CLUSTER_WORDS = 60_000


def bio_labels(tokens) -> list[str]:
    return ["O" if t.ent_iob_ in ("", "O") else f"{t.ent_iob_}-{t.ent_type_}" for t in tokens]


def main() -> None:
    import pycrfsuite
    import spacy
    from sklearn.cluster import MiniBatchKMeans
    from spacy.tokens import DocBin

    from marketingtext.nlp.crf_ner import (
        CLUSTER_SIZES,
        CRF_FOLDER,
        FEATURES_FILE,
        MODEL_FILE,
        load_word_features,
        sentence_features,
    )

    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--out", type=Path, default=NER_FOLDER / CRF_FOLDER)
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--features", choices=("basic", "rich"), default="basic")
    parser.add_argument("--clusters", default=",".join(map(str, CLUSTER_SIZES)),
                        help="k-means cluster counts of the word vectors, comma-separated (default: the shipped)")
    args = parser.parse_args()
    sizes = [int(k) for k in args.clusters.split(",")]

    nlp = spacy.blank("de")
    docs = list(DocBin().from_disk(args.corpus / "train.spacy").get_docs(nlp.vocab))
    frequent = [word for word, _ in Counter(t.text for doc in docs for t in doc).most_common(CLUSTER_WORDS)]
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / FEATURES_FILE).write_text(json.dumps({"features": args.features, "clusters": sizes,
                                                      "c1": args.c1, "c2": args.c2,
                                                      "iterations": args.iterations}, indent=1) + "\n")
    from spacy.strings import StringStore
    from spacy.vectors import Vectors

    vectors = Vectors(strings=StringStore())
    vectors.from_disk(NER_FOLDER / "vocab")
    matrix = vectors.get_batch(frequent)
    matrix = matrix / (np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-9)
    for k in sizes:
        kmeans = MiniBatchKMeans(n_clusters=k, random_state=0, n_init=3, batch_size=4096).fit(matrix)
        np.save(args.out / f"centroids_{k}.npy", kmeans.cluster_centers_.astype(np.float32))
    words = load_word_features(NER_FOLDER, args.out)
    trainer = pycrfsuite.Trainer(verbose=False)
    sentences = 0
    for doc in docs:
        for sent in (doc.sents if doc.has_annotation("SENT_START") else [doc[:]]):
            tokens = list(sent)
            trainer.append(sentence_features(words, [t.text for t in tokens], [t.tag_ for t in tokens]),
                           bio_labels(tokens))
            sentences += 1
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True})
    start = time.process_time()
    trainer.train(str(args.out / MODEL_FILE))
    print(f"{len(docs)} documents, {sentences} sentences; trained in {time.process_time() - start:.0f} s CPU; "
          f"wrote {args.out}")


if __name__ == "__main__":
    main()
