"""The NER's floret vectors with remembered rows give spaCy's own rows, and the NER finds the same entities."""

from __future__ import annotations

import numpy as np
from spacy.attrs import ORTH
from spacy.vectors import Vectors

from .conftest import RAW


def plain_copy(vectors) -> Vectors:
    copy = Vectors(strings=vectors.strings)
    copy.from_bytes(vectors.to_bytes())
    return copy


def test_the_offline_pipeline_remembers_rows_and_they_are_spacys(cnn_nlp):
    nlp = cnn_nlp
    from marketingtext.nlp.floret_rows import RememberedRows

    vectors = nlp.vocab.vectors
    assert isinstance(vectors, RememberedRows)
    plain = plain_copy(vectors)
    texts = [path.read_text(encoding="utf-8") for path in sorted(RAW.glob("*.txt"))]
    for text in texts + texts[:1]:  # the first essay again: its rows come from the table now
        keys = nlp.make_doc(text).to_array(ORTH)
        ours, spacys = vectors.get_batch(keys), plain.get_batch(keys)
        assert ours.dtype == spacys.dtype and ours.shape == spacys.shape
        assert np.array_equal(ours, spacys)
    assert len(vectors._row_of) > 2000


def test_the_ner_finds_the_same_entities_with_spacys_vectors(cnn_nlp):
    nlp = cnn_nlp
    texts = [path.read_text(encoding="utf-8") for path in sorted(RAW.glob("*.txt"))]
    remembered = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]
    kept = nlp.vocab.vectors
    try:
        nlp.vocab.vectors = plain_copy(kept)
        plain = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]
    finally:
        nlp.vocab.vectors = kept
    assert sum(map(len, remembered)) > 20
    assert remembered == plain
