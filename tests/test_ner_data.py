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
    all_docs,
    map_tag,
    read_germeval_bioes,
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


def test_germeval_train_bioes_reads_as_bio_with_the_dev_mapping_and_clean_text(tmp_path):
    lines = ["Angela B-PER", "Merkel E-PER", "lobt O", "die O", "deutsche S-LOCDERIV", "EU-Kommission S-ORGPART",
             "in O", "Sankt B-LOC", "Peter I-LOC", "Ording E-LOC", "\u00ad O", "Ein\u00adtrag O", "\u0096 O",
             "", "Reuters S-ORG", ""]
    path = tmp_path / "train_bioes.train"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (words, tags), (words2, tags2) = list(read_germeval_bioes(path))
    assert words == ["Angela", "Merkel", "lobt", "die", "deutsche", "EU-Kommission", "in", "Sankt", "Peter", "Ording",
                     "Eintrag", "\u2013"]  # soft hyphens gone (a token of nothing else dropped), U+0096 read as cp1252
    assert tags == ["B-PER", "I-PER", "O", "O", "B-MISC", "O", "O", "B-LOC", "I-LOC", "I-LOC", "O", "O"]
    assert (words2, tags2) == (["Reuters"], ["B-ORG"])


def test_germeval_train_goes_to_the_train_side_only(tmp_path):
    data = tmp_path / "data"
    (data / "germeval2014_ner_train").mkdir(parents=True)
    (data / "germeval2014_ner_train" / "train_bioes.train").write_text("Reuters S-ORG\nmeldet O\n\n", encoding="utf-8")
    (data / "germeval2014_ner").mkdir()
    (data / "germeval2014_ner" / "NER-de-dev.tsv").write_text("", encoding="utf-8")
    (data / "smartdata_de_ner").mkdir()
    (data / "smartdata_de_ner" / "smartdata_v1_minus_heldout.jsonl").write_text("", encoding="utf-8")
    (data / "legal_entity_recognition_de").mkdir()
    for name in ("ler_dev.conll", "ler_test.conll"):
        (data / "legal_entity_recognition_de" / name).write_text("", encoding="utf-8")
    (data / "europeana_newspapers_de_ner").mkdir()
    for name in ("enp_DE.lft.bio", "enp_DE.onb.bio"):
        (data / "europeana_newspapers_de_ner" / name).write_text("", encoding="utf-8")
    (data / "mobie_de_ner").mkdir()
    for name in ("train.conll2003", "dev.conll2003"):
        (data / "mobie_de_ner" / name).write_text("", encoding="utf-8")
    docs = list(all_docs(data, spacy.blank("de")))
    assert [(split, domain, [t.text for t in doc]) for split, domain, doc in docs] == [
        ("train", "germeval-train", ["Reuters", "meldet"])]
