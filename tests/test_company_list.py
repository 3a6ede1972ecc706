"""training/build_company_list.py: listed companies become gazetteer entries under their everyday names."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

from build_company_list import company_entries, short_name  # noqa: E402


@pytest.mark.parametrize(("listed", "short"), [
    ("The Coca-Cola Company", "Coca-Cola"),
    ("Mercedes-Benz Group", "Mercedes-Benz"),
    ("Block, Inc.", "Block"),
    ("Puma (brand)", "Puma"),
    ("Swiss Reinsurance Company Ltd", "Swiss Reinsurance"),
    ("Deutsche Bank", "Deutsche Bank"),
    ("Anglo American plc", "Anglo American"),
])
def test_short_name_drops_legal_form_and_brackets(listed, short):
    assert short_name(listed) == short


def test_first_word_names_the_company_when_the_rest_says_its_kind():
    entries = company_entries(["Dell Technologies Inc.", "Siemens", "Siemens Energy", "Siemens Systems",
                               "Acme Systems", "Acme Brands"])
    assert entries["Dell Technologies"] == {"Dell Technologies", "Dell Technologies Inc.", "Dell"}
    assert entries["Siemens Systems"] == {"Siemens Systems"}  # Siemens is a company of its own
    assert "Acme" not in entries["Acme Systems"] | entries["Acme Brands"]  # two companies go by it


def test_spellings_in_another_case_are_one_company_and_authorities_keep_their_names():
    entries = company_entries(["STABILUS SE", "Stabilus", "Nasdaq, Inc.", "Alphabet Inc."], frozenset({"nasdaq"}))
    assert entries == {"Stabilus": {"Stabilus", "STABILUS", "STABILUS SE"}, "Alphabet": {"Alphabet", "Alphabet Inc."}}


def test_two_listings_of_one_company_are_one_entry():
    entries = company_entries(["Unilever PLC", "Unilever N.V.", "Siemens", "Siemens Energy", "F"])
    assert entries == {"Unilever": {"Unilever", "Unilever PLC", "Unilever N.V."}, "Siemens": {"Siemens"},
                       "Siemens Energy": {"Siemens Energy"}}


def test_packaged_list_names_each_company_once_and_leaves_the_authorities_theirs():
    from marketingtext.entities.gazetteer import read_gazetteer_file

    entries = read_gazetteer_file(ROOT / "src/marketingtext/entities/data/companies.toml")
    authorities = read_gazetteer_file(ROOT / "src/marketingtext/entities/data/authorities.toml")
    by_name = {e.canonical: e for e in entries}
    assert len(entries) > 1500 and {e.label for e in entries} == {"ORG"}
    spellings = [a for e in entries for a in {s.lower() for s in (e.canonical, *e.aliases, *e.model_aliases)}]
    assert len(spellings) == len(set(spellings))  # no spelling two companies share, whatever its case
    assert not set(spellings) & {a.lower() for e in authorities for a in (e.canonical, *e.aliases)}
    assert "Allianz" in by_name["Allianz"].model_aliases  # an ordinary German word
    assert by_name["Coca-Cola"].aliases == ("The Coca-Cola Company",) and not by_name["Coca-Cola"].model_aliases
