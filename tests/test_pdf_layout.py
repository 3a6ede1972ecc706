"""PDF layout rules on hand-made lines: line-end hyphens, running headers and page numbers, paragraph gaps."""

from __future__ import annotations

import pytest

from marketingtext.reading.formats.pdf_layout import Line, drop_running_lines, join_broken_line, paragraphs


@pytest.mark.parametrize(("head", "tail", "joined"), [
    ("Die Kun-", "den kaufen", "Die Kunden kaufen"),
    ("im Online-", "Marketing", "im Online-Marketing"),
    ("für B2B-", "2C-Modelle", "für B2B-2C-Modelle"),
    ("Print-", "und Online-Medien", "Print- und Online-Medien"),
    ("Preis -", "nicht Menge", "Preis - nicht Menge"),
    ("das Ende", "der Zeile", "das Ende der Zeile"),
])
def test_line_end_hyphens(head, tail, joined):
    assert join_broken_line(head, tail) == joined


def test_running_lines_and_page_numbers_go_but_body_stays():
    def page(n: int, body: list[str]) -> list[Line]:
        lines = [Line("Zeitschrift für Marketing 12/2024", 800)]
        lines += [Line(text, 700 - 14 * i) for i, text in enumerate(body)]
        return [*lines, Line(f"- {n} -", 40)]

    pages = [page(1, ["Erste Zeile mit Text.", "Zweite Zeile"]), page(2, ["Dritte Zeile", "Vierte Zeile."]),
             page(3, ["Fünfte Zeile hier", "Letzte Zeile."])]
    kept = drop_running_lines(pages)
    assert [[line.text for line in p] for p in kept] == [
        ["Erste Zeile mit Text.", "Zweite Zeile"], ["Dritte Zeile", "Vierte Zeile."],
        ["Fünfte Zeile hier", "Letzte Zeile."]]


def test_paragraph_breaks_from_line_gaps():
    lines = [Line("Ein langer Absatz beginnt auf dieser Zeile und", 700), Line("endet auf der zweiten Zeile", 686),
             Line("Ein zweiter Absatz nach einer Lücke beginnt hier", 660), Line("und geht weiter bis zum Ende", 646)]
    assert paragraphs([lines]) == ("Ein langer Absatz beginnt auf dieser Zeile und endet auf der zweiten Zeile\n"
                                   "Ein zweiter Absatz nach einer Lücke beginnt hier und geht weiter bis zum Ende")
