"""The place and person-name lists the offline NER reads as word features (marketingtext.nlp.name_lists)."""

from __future__ import annotations

import pickle

import pytest
import spacy

from marketingtext.nlp.name_lists import (
    FIRST_NAME,
    LIST_FILE,
    PLACE,
    PLACE_DERIVED,
    SURNAME,
    install_name_flags,
    read_name_lists,
)
from marketingtext.nlp.pipeline import load_pipeline, ner_model_path

FLAGS = {"place": PLACE, "derived": PLACE_DERIVED, "first": FIRST_NAME, "last": SURNAME}
SHIPPED_LISTS = ner_model_path() / LIST_FILE


def flags_of(nlp, text: str) -> dict[str, set[str]]:
    return {token.text: {name for name, flag in FLAGS.items() if token.check_flag(flag)} for token in nlp(text)}


@pytest.fixture(scope="module")
def listed_nlp():
    nlp = spacy.blank("de")
    install_name_flags(nlp.vocab, SHIPPED_LISTS)
    return nlp


def test_villages_and_names_no_sentence_could_reveal_are_listed(listed_nlp):
    flags = flags_of(listed_nlp, "Regina Pöll kommt aus Wiesa , Barbara Reichmann aus Dättwil bei Baden .")
    assert "place" in flags["Wiesa"] and "place" in flags["Dättwil"]  # a Saxon village, a Swiss quarter
    assert "first" in flags["Regina"] and "first" in flags["Barbara"]
    assert "last" in flags["Reichmann"] and "last" in flags["Pöll"]
    assert flags["kommt"] == flags["aus"] == flags["bei"] == set()


def test_german_names_of_foreign_places_and_genitives_count(listed_nlp):
    flags = flags_of(listed_nlp, "Die Bahn von Mailand nach Lissabon ist Deutschlands und Europas Stolz .")
    for place in ("Mailand", "Lissabon", "Deutschlands", "Europas"):
        assert "place" in flags[place], place


def test_words_made_from_places_have_their_own_flag(listed_nlp):
    text = "Frankfurter und Münchner Banken feiern den Sachsen-Anhalt-Tag mit italienische Weinen ."
    flags = flags_of(listed_nlp, text)
    for word in ("Frankfurter", "Münchner", "Sachsen-Anhalt-Tag", "italienische"):
        assert flags[word] == {"derived"}, word
    assert flags["Banken"] == flags["Weinen"] == set()


def test_common_nouns_that_name_small_places_are_left_out():
    """``Berg`` and ``Stein`` are villages too; as features they would only say "a capitalised noun"."""
    lists = read_name_lists(SHIPPED_LISTS)
    assert {"Berg", "Stein", "Wald", "Post"}.isdisjoint(lists.places)
    assert "Essen" in lists.places  # a city of half a million stays, whatever else the word means


def test_the_offline_pipeline_sets_the_flags_in_every_worker():
    nlp, _ = load_pipeline("offline")
    assert flags_of(nlp, "Sie wohnt in Diepholz .")["Diepholz"] == {"place"}
    clone = pickle.loads(pickle.dumps(nlp.vocab))  # spawned worker processes get the vocabulary pickled
    assert clone["Köthen"].check_flag(PLACE) and not clone["Tisch"].check_flag(PLACE)


def test_a_process_reads_the_lists_once_for_the_flags_hanta_and_the_crf(monkeypatch):
    """The lexeme flags, HanTa's name lemmas and the CRF's word features ask for the same 108,000 names: one read
    (0.15 s) serves all three, and the sets are the same objects."""
    import gzip

    from marketingtext.nlp.crf_ner import load_word_features
    from marketingtext.nlp.pipeline import ner_model_path

    opened = []
    real_open = gzip.open
    monkeypatch.setattr(gzip, "open", lambda path, *args, **kwargs: opened.append(path) or real_open(
        path, *args, **kwargs))
    first = read_name_lists(SHIPPED_LISTS)
    features = load_word_features(ner_model_path(), ner_model_path() / "crf")
    again = read_name_lists(SHIPPED_LISTS.parent / ".." / SHIPPED_LISTS.parent.name / LIST_FILE)
    assert len(opened) <= 1  # none when an earlier test of this process read them
    assert again is first and features.place.names is first.places
