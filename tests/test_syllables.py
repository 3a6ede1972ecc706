"""The German syllable counter on hand-counted words (see tests/data/syllables_de.tsv for the convention)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from marketingtext.language.syllables import syllables

GOLD = Path(__file__).parent / "data" / "syllables_de.tsv"


@pytest.mark.parametrize(("word", "expected"), [
    ("Kundenorientierung", 7),  # Kun-den-o-ri-en-tie-rung
    # final -ie after a consonant is one syllable, stressed or not (Duden: Fa-mi-lie); -ien two (Fa-mi-li-en)
    ("Familie", 3), ("Familien", 4), ("Studie", 2), ("Studien", 3), ("Aktie", 2), ("Linie", 2),
    ("Prämie", 2), ("Kastanie", 3),  # the patterns split these Prä-mi-e, Kas-ta-ni-e
    ("Energie", 3), ("Energien", 4), ("Strategie", 3), ("Batterie", 3), ("Philosophie", 4), ("Genie", 2),
    ("Laie", 2), ("Knie", 1),  # -ie after a vowel or in one syllable: no change
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


@pytest.mark.parametrize(("token", "expected"), [
    ("%¹", 1), ("5¹", 2), ("¹", 1),  # a footnote mark after a number is read apart: fünf, eins (issue 27)
    ("m²", 2), ("CO₂", 3),  # em zwei; Ce-O zwei
    ("²⁰", 2),  # one raised number: zwanzig
    ("½", 2), ("3½", 3), ("¾", 3),  # ein halb; drei ein halb; drei Vier-tel
    ("٢٠٢٤", 7), ("२०२४", 7), ("２０２４", 7), ("𝟚𝟘𝟚𝟜", 7),  # Arabic-Indic, Devanagari, fullwidth, math digits
    ("①", 1), ("⑩", 1), ("⒈", 1), ("᧚", 1),  # circled one, circled ten, "1." and a Tai Lue digit
    ("1,²", 2), ("³,⁵", 2),  # eins, then a raised zwei; drei fünf
])
def test_digits_of_any_script_are_read_as_their_value(token, expected):
    assert syllables(token) == expected


def test_odd_tokens_never_raise():
    for token in ["0000000000000000000001", "1.2.3.4", "x" * 200, "Ä", "ß", "A-", "-in", "12,", ",5", "ⅷ"]:
        assert syllables(token) >= 0


def test_gold_list_dev_part_is_counted_right():
    with GOLD.open(encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle, delimiter="\t")]
    assert len(rows) >= 300 and sum(row["split"] == "test" for row in rows) >= 100
    wrong = [row["word"] for row in rows if row["split"] == "dev" and syllables(row["word"]) != int(row["syllables"])]
    assert wrong == []


def test_the_shipped_table_was_built_from_these_rules_and_answers_as_they_do():
    """language/data/syllables_de.marisa holds word_syllables of wordfreq's words, keyed to this module's text: a
    change of the rules makes the table unused (and this test fails until training/build_syllable_table.py is run)."""
    import re

    from marketingtext.language import syllables as module

    from .conftest import RAW

    table = module._syllable_table()
    assert table is not None, "rules changed: run training/build_syllable_table.py"
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", " ".join(p.read_text(encoding="utf-8")
                                                                    for p in sorted(RAW.glob("*.txt"))))}
    listed = [w for w in sorted(words) if table.get(w)]
    assert len(words) > 2000 and len(listed) > 0.8 * len(words)
    assert all(table.get(w)[0][0] == module.word_syllables(w) for w in listed)
    assert table.get("große") and table.get("schließlich")  # ß spellings of the case-folded list's words


def test_a_table_of_other_rules_is_not_used(tmp_path, monkeypatch):
    import marisa_trie

    from marketingtext.language import syllables as module

    marisa_trie.RecordTrie("<B", [("marketing", (9,)), ("\x01rules 0000 pyphen 0", (0,))]).save(str(tmp_path / "t"))
    monkeypatch.setattr(module, "SYLLABLE_TABLE", tmp_path / "t")
    module._syllable_table.cache_clear()
    module._syllables.cache_clear()
    try:
        assert module._syllable_table() is None and syllables("Marketing") == 3
    finally:
        module._syllable_table.cache_clear()
        module._syllables.cache_clear()


def test_the_prebuilt_hyphenation_patterns_are_pyphens_own(monkeypatch, tmp_path):
    """language.hyphenation reads pyphen's German patterns from the table built with mtext (parsing the .dic took
    0.44 s CPU per process): the same patterns and hyphenations as pyphen's parse; a table of another pyphen or
    pattern file is not used (pyphen parses its own); the build is deterministic."""
    import subprocess
    import sys

    import pyphen

    from marketingtext.language import hyphenation

    path = pyphen.LANGUAGES["de_DE"]
    parsed = pyphen.HyphDict(path)
    monkeypatch.setattr(pyphen, "hdcache", {})
    loaded = hyphenation.german_hyphenator()
    assert loaded.hd is not parsed and loaded.hd.patterns == parsed.patterns and loaded.hd.maxlen == parsed.maxlen
    for word in ("Kundenorientierung", "beeinflussen", "Bauarbeiter", "Museum", "Marketingstrategie"):
        assert loaded.hd.positions(word) == parsed.positions(word)

    assert hyphenation._built_patterns(path) is not None
    monkeypatch.setattr(hyphenation, "source_identity", lambda _: {"pyphen": "0.0", "sha256": "other"})
    assert hyphenation._built_patterns(path) is None  # then pyphen parses its own file, as without the table

    out = tmp_path / "patterns.json.gz"
    script = Path(__file__).resolve().parents[1] / "training" / "build_hyphenation_patterns.py"
    subprocess.run([sys.executable, str(script), str(out)], check=True, capture_output=True)
    assert out.read_bytes() == hyphenation.PATTERNS_FILE.read_bytes()
