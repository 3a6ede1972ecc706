"""The German syllable counter on hand-counted words (see tests/data/syllables_de.tsv for the convention)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from marketingtext.language.syllables import syllables

GOLD = Path(__file__).parent / "data" / "syllables_de.tsv"


@pytest.mark.parametrize(("word", "expected"), [
    ("Kundenorientierung", 7),  # Kun-den-o-ri-en-tie-rung
    ("Familie", 4), ("Familien", 4), ("Studie", 3),  # unstressed -ie: Fa-mi-li-e
    ("Energie", 3), ("Energien", 4),  # stressed -ie: E-ner-gie, E-ner-gi-en
    ("Ideen", 3), ("Idee", 2), ("Material", 4), ("Nation", 3),
    ("Bäckerei", 3), ("beeinflussen", 4), ("Feuer", 2), ("Häuser", 2),
    ("Software", 2), ("Service", 2), ("Online", 2), ("Team", 1), ("Marketing", 3), ("Kundenservice", 4),
    ("CDU", 3), ("GmbH", 4), ("NATO", 2), ("z.B.", 4),
    ("2024", 7), ("1999", 8), ("3,5", 4),
])
def test_syllables(word, expected):
    assert syllables(word) == expected


@pytest.mark.parametrize("token", ["", " ", "…", "--", "%"])
def test_no_letter_no_syllable(token):
    assert syllables(token) == 0


def test_odd_tokens_never_raise():
    for token in ["0000000000000000000001", "1.2.3.4", "x" * 200, "Ä", "ß", "A-", "-in", "12,", ",5", "ⅷ"]:
        assert syllables(token) >= 0


def test_gold_list_dev_part_is_counted_right():
    with GOLD.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle, delimiter="\t")]
    assert len(rows) >= 300 and sum(row["split"] == "test" for row in rows) >= 100
    wrong = [row["word"] for row in rows if row["split"] == "dev" and syllables(row["word"]) != int(row["syllables"])]
    assert wrong == []
