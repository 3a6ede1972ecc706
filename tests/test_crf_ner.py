"""The offline pipeline's CRF named-entity recogniser (nlp/crf_ner.py, docs/ner_v05.md "NER v0.6")."""

from __future__ import annotations

import pickle

import pytest

from marketingtext.nlp.crf_ner import CrfEntityRecognizer, bio_spans

TEXT = ("Philip Kotler lehrte an der Northwestern University in Evanston. Heribert Meffert gründete in Münster das "
        "erste Institut für Marketing an einer deutschen Universität. Die Deutsche Bahn AG kauft bei Siemens ein.")


@pytest.mark.parametrize("labels, spans", [
    (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
    (["I-ORG", "I-ORG", "B-ORG"], [(0, 2, "ORG"), (2, 3, "ORG")]),  # an I- after O starts a span
    (["B-PER", "I-LOC", "O"], [(0, 1, "PER"), (1, 2, "LOC")]),  # a label change ends one
    (["O", "O"], []),
])
def test_bio_labels_become_token_spans(labels, spans):
    assert bio_spans(labels) == spans


def test_the_offline_pipeline_names_people_places_and_firms_with_the_crf(nlp):
    assert type(nlp.get_pipe("ner")) is CrfEntityRecognizer
    ents = {(e.text, e.label_) for e in nlp(TEXT).ents}
    assert {("Philip Kotler", "PER"), ("Heribert Meffert", "PER"), ("Münster", "LOC"), ("Evanston", "LOC")} <= ents
    assert {label for text, label in ents if "Siemens" in text} == {"ORG"}
    assert not {text for text, _ in ents if text in ("Institut", "Marketing", "Universität")}


def test_a_worker_gets_the_same_entities_from_a_pickled_recognizer(nlp):
    recognizer = nlp.get_pipe("ner")
    copy = pickle.loads(pickle.dumps(recognizer))
    doc = nlp(TEXT)
    again = copy(nlp(TEXT, disable=["ner"]))
    assert [(e.start, e.end, e.label_) for e in again.ents] == [(e.start, e.end, e.label_) for e in doc.ents]

