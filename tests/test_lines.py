"""reading.lines: the one home of what boilerplate and metadata know about a line (dates, names, prose checks)."""

from __future__ import annotations

import re
from pathlib import Path

from marketingtext.reading import boilerplate, decode, lines, metadata, walking
from marketingtext.reading.boilerplate import STOPWORDS_HIGH, STOPWORDS_LOW
from marketingtext.reading.lines import (
    DATE_SHAPE,
    SENTENCE_PUNCT,
    first_date,
    function_word_share,
    function_words,
    line_key,
    parse_date,
)

from .conftest import RAW

READING = Path(lines.__file__).parent


def test_month_names_and_date_patterns_are_defined_once():
    # a month table or a date pattern written again in another module of reading/ would drift from this one
    for path in sorted(READING.glob("*.py")):
        if path.name != "lines.py":
            source = path.read_text(encoding="utf-8")
            assert not re.search(r"dez\(ember|\"dezember\"|dezember\|", source, re.IGNORECASE), path.name
            assert "(?P<year>" not in source, path.name


def test_both_modules_use_the_shared_helpers():
    assert metadata.parse_date is parse_date and metadata.MONTHS is lines.MONTHS
    assert boilerplate.line_key is line_key and decode.line_key is line_key
    assert decode.InputProblem is walking.InputProblem


def test_a_date_line_is_a_shape_and_its_date_is_read():
    line = "Veröffentlicht am 3. Dezember 2026 um 14:30 Uhr"
    assert re.search(DATE_SHAPE, line, re.IGNORECASE)
    assert parse_date(line) == "2026-12-03"
    assert first_date(line) == ("2026-12-03", 18, 34)
    assert boilerplate.remove_boilerplate("Menü\n3. Dezember 2026\nImpressum\n").dropped[1] == ("shape: date",
                                                                                               "3. Dezember 2026")


def test_the_date_shape_keeps_its_own_month_names():
    # metadata reads "Mar"; boilerplate's date shape does not, so "12. Marketing …" is no dated line. Both read the
    # Austrian "Jänner"
    assert parse_date("12. Mar 2019") == "2019-03-12" and parse_date("3. Jänner 2020") == "2020-01-03"
    assert not re.fullmatch(DATE_SHAPE, "12. Mar 2019", re.IGNORECASE)
    assert re.fullmatch(DATE_SHAPE, "3. Jänner 2020", re.IGNORECASE)


def test_function_word_share_tells_an_essays_prose_from_a_menu():
    prose = next(line for line in (RAW / "000_c44f16a2d46a17b4.txt").read_text(encoding="utf-8").split("\n")
                 if line.startswith("Dank Google ist es ja relativ einfach"))
    menu = "Startseite Marketing Strategie Kontakt Impressum Datenschutz"
    words = re.findall(r"\w+", prose)
    assert function_word_share(words, function_words()) >= STOPWORDS_HIGH
    assert function_word_share(menu.split(), function_words()) < STOPWORDS_LOW
    assert function_word_share([], function_words()) == 0.0
    assert SENTENCE_PUNCT.search(prose) and not SENTENCE_PUNCT.search(menu)


def test_line_key_folds_edges_spaces_and_case():
    assert line_key(" » Ähnliche  Beiträge • ") == line_key("ähnliche beiträge") == "ähnliche beiträge"


def test_a_folders_skips_come_as_input_problems(tmp_path):
    (tmp_path / "essay.txt").write_text("Ein Text.\n", encoding="utf-8")
    (tmp_path / "weg.txt").symlink_to(tmp_path / "fehlt.txt")
    found = list(decode.find_files([str(tmp_path)]))
    assert found[0] == str(tmp_path / "essay.txt")
    assert isinstance(found[1], decode.InputProblem)
    assert str(found[1]) == f"{tmp_path / 'weg.txt'}: broken symbolic link (its target is missing); skipped"
