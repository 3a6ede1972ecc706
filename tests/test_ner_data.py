"""training/prepare_ner_data.py: label mapping, seeded document splits, span clean-up."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

from prepare_ner_data import (  # noqa: E402
    DFKI_MAP,
    GERMEVAL_MAP,
    LER_MAP,
    map_tag,
    repair_iob,
    smartdata_docs,
    split_of,
)


def test_labels_map_as_the_sources_say():
    assert map_tag("B-LOCderiv", GERMEVAL_MAP) == "B-MISC"  # "deutsche"
    assert map_tag("B-ORGpart", GERMEVAL_MAP) == "O"  # "EU-Kommission"
    assert map_tag("I-GRT", LER_MAP) == "I-ORG"  # Bundesgerichtshof
    assert map_tag("B-GS", LER_MAP) == "O"  # a law is not an entity here
    assert map_tag("B-location-street", DFKI_MAP) == "B-LOC"
    assert map_tag("B-date", DFKI_MAP) == "O"
    assert repair_iob(["O", "I-PER", "I-LOC"]) == ["O", "B-PER", "B-LOC"]


def test_document_split_is_seeded_and_keeps_the_shares():
    keys = [f"http://example.de/{i}" for i in range(4000)]
    splits = [split_of(key, (0.2, 0.1)) for key in keys]
    assert splits == [split_of(key, (0.2, 0.1)) for key in reversed(keys)][::-1]
    assert 0.17 < splits.count("test") / len(keys) < 0.23
    assert 0.08 < splits.count("dev") / len(keys) < 0.12


def test_smartdata_spans_align_to_tokens_without_edge_whitespace(tmp_path):
    text = "Der Autobauer Daimler AG\u00a0 baut in Sindelfingen.\nMehr von Dieter Zetsche."
    company, city, person = text.index("Daimler"), text.index("Sindelfingen"), text.index("Dieter")
    record = {"id": "http://www.handelsblatt.com/x", "text": text, "entities": [
        [company, company + len("Daimler AG\u00a0 "), "organization-company"],  # runs into the spaces
        [city + 1, city + len("Sindelfingen") - 1, "location-city"],  # cut inside the word: expanded
        [person, person + len("Dieter Zetsche"), "person"], [0, 3, "date"]]}
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    ((split, domain, doc),) = list(smartdata_docs(path, spacy.blank("de")))
    assert domain == "smartdata-news"
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Daimler AG", "ORG"), ("Sindelfingen", "LOC"), ("Dieter Zetsche", "PER")]
