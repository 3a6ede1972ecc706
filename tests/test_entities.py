"""Entities on the seed essays: authorities canonicalised, people and companies found, no false friends."""

from __future__ import annotations

import pandas as pd
import pytest

from marketingtext.entities import Gazetteer, GazetteerEntry, load_gazetteer


@pytest.fixture(scope="module")
def summary(seed_tables):
    from marketingtext.entities import summarize

    return summarize(seed_tables["entities"])


@pytest.mark.parametrize("name", ["Philip Kotler", "HubSpot", "Heribert Meffert", "Andreas Hess",
                                  "Martin Scheibelhofer", "Winfried Felser", "Google", "Facebook", "Amazon"])
def test_seed_entities_found(summary, name):
    assert name in set(summary["canonical"])


def test_misspelled_kotler_maps_to_canonical(summary):
    row = summary[summary["canonical"] == "Philip Kotler"].iloc[0]
    assert "Philipp Kotler" in row["variants"] and row["kind"] == "marketing scholar"


def test_no_false_friends(seed_tables):
    texts = set(seed_tables["entities"]["text"].str.lower())
    assert not texts & {"marketing", "ich", "wir", "sie", "kommentar", "schreibe einen kommentar", "interaktion"}


def test_bare_surname_resolves_and_genitive_matches(nlp):
    from marketingtext.entities import entity_rows
    from marketingtext.parsing import ParsedDoc
    from marketingtext.reading import SourceText

    text = "Heribert Meffert prägte das Fach. Später widersprach Meffert. Kotlers Buch und HubSpots Blog."
    rows = entity_rows(ParsedDoc(SourceText("t", "t", text, "utf-8", len(text), 0), nlp(text)), load_gazetteer())
    canon = [r["canonical"] for r in rows]
    assert canon.count("Heribert Meffert") == 2
    assert "Philip Kotler" in canon and "HubSpot" in canon


def test_fuzzy_matching_does_not_merge_different_people():
    gaz = Gazetteer([GazetteerEntry("Philip Kotler", "PER", "scholar", ("Kotler",)),
                     GazetteerEntry("Al Ries", "PER", "author", ())])
    assert gaz.fuzzy_person("Philipp Kotler").canonical == "Philip Kotler"
    assert gaz.fuzzy_person("Milton Kotler") is None
    assert gaz.fuzzy_person("Al Rise") is None


def test_user_gazetteer_adds_entries(tmp_path, seeds):
    extra = tmp_path / "mine.toml"
    extra.write_text('[[entity]]\ncanonical = "Susanne Robra-Bissantz"\nlabel = "PER"\nkind = "author"\n'
                     'aliases = ["Robra-Bissantz"]\n', encoding="utf-8")
    table = seeds.entities(gazetteer_files=[str(extra)], summary=True)
    assert isinstance(table, pd.DataFrame)
    assert {"canonical", "label", "kind", "mentions", "docs", "first_doc", "variants"} == set(table.columns)


def test_cooccurrence_edges(seeds):
    edges = seeds.entities(cooccur=True)
    assert list(edges.columns[:2]) == ["source", "target"]
    assert (edges["source"] < edges["target"]).all() and (edges["sentences"] >= 1).all()
