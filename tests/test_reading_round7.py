"""Page furniture and metadata shapes of the seventh reading round (issue 27): constructed German pages, one shape
each (bench/eval_boilerplate.py, bench/eval_metadata.py, dev set). Each rule's cases fail without the rule; the
guards (a value a table repeats, the label "Von:" that was read before) fail with a naive version of it."""

from __future__ import annotations

import pytest

from marketingtext.reading.boilerplate import remove_boilerplate
from marketingtext.reading.metadata import byline_author, find_metadata

from .test_metadata_shapes import FOOTER, MENU, PROSE

HEADLINE = "Wie kleine Händler ihre Kunden halten\n"


def dropped(page: str) -> dict[str, str]:
    return {line: cls for cls, line in remove_boilerplate(page).dropped}


# ---- boilerplate


def test_the_box_under_a_heading_about_the_author_goes_whatever_its_first_words():
    bio = ("Hej! Ich bin Christoph, leidenschaftlicher Angler und Autor dieses Artikels. Hier teile ich mein Wissen "
           "mit euch, und wenn dir der Text gefallen hat, freue ich mich über einen Kaffee.")
    page = MENU + HEADLINE + PROSE + PROSE + "Über den Autor\n" + bio + "\n" + FOOTER
    cleaned = remove_boilerplate(page)
    assert bio not in cleaned.text and "Über den Autor" not in cleaned.text
    assert PROSE.split("\n")[0] in cleaned.text
    # the same heading and portrait above the article's end is no box: the text goes on under it
    assert "Christoph" in remove_boilerplate(MENU + HEADLINE + "Über den Autor\n" + bio + "\n" + PROSE * 3).text


RECIPE_STEPS = ["Heize den Backofen auf 180 Grad vor und fette die Form gut ein.",
                "Verrühre die weiche Butter mit dem Zucker, bis die Masse hell und cremig ist.",
                "Wasche nun 250 g Erdbeeren und schneide sie in kleine Würfel.",
                "Schlage die Sahne mit dem Sahnesteif steif und hebe die Früchte unter."]


def test_a_buttons_label_under_every_picture_goes_and_the_steps_between_stay():
    steps = "".join(f"{step}\nBild anzeigen Bild schließen\n{n} von 4\n" for n, step in enumerate(RECIPE_STEPS, 1))
    page = MENU + "Erdbeer-Maulwurfkuchen\n" + PROSE + steps + FOOTER
    cleaned = remove_boilerplate(page)
    assert "Bild anzeigen" not in cleaned.text
    assert dropped(page)["Bild anzeigen Bild schließen"] == "shape: button"
    assert all(step in cleaned.text for step in RECIPE_STEPS)


def test_a_value_a_table_repeats_is_data_not_a_button():
    table = "Reifezeit\n" + "".join(f"{kind}\n12 Monate\n" for kind in ("Crianza", "Reserva", "Gran Reserva",
                                                                        "Joven"))
    page = MENU + HEADLINE + PROSE + table + PROSE + FOOTER
    assert remove_boilerplate(page).text.count("12 Monate") == 4


@pytest.mark.parametrize("line", [
    "(Foto: DBT/Stella von Saldern (bearbeitet durch die Redaktion))",  # a credit in brackets under a picture
    "Abbildung: Vergleich der Schneehöhen auf dem Gletscher",
    "Du willst nichts mehr verpassen?", "Dann folge uns auf:", "Jetzt registrieren",
    "Wenn Ihnen unser Artikel gefallen hat: Unterstützen Sie diese Form des",
    "Unser kostenloser Newsletter informiert Sie über unsere neuesten Beiträge.",
    "If you enjoyed reading this post, please consider supporting us.",
])
def test_credits_and_the_sites_requests_go(line):
    page = MENU + HEADLINE + PROSE + line + "\n" + PROSE.replace("Köln", "Bonn") + FOOTER
    assert line not in remove_boilerplate(page).text


# ---- metadata


def test_a_name_between_a_time_and_a_comment_count_is_the_byline():
    page = MENU + HEADLINE + "23.06.2016 um 16:14 Uhr - Markus Reuter - 91 Ergänzungen\n" + PROSE + FOOTER
    assert find_metadata(page).author == "Markus Reuter"
    assert find_metadata(page).date == "2016-06-23"


def test_a_name_under_the_teaser_under_the_headlines_copy_is_the_byline():
    headline = "Abstandsregeln und Fieberkontrollen: Wie Firmen ihre Beschäftigten schützen"
    page = (MENU + headline + "\n29.04.2020, 15:59 Uhr\n" + headline.replace(":", " :") + "\n"
            "Damit Mitarbeiter gesund bleiben, müssen sich Unternehmen einiges einfallen lassen.\n"
            "Marie Rövekamp\n" + PROSE + FOOTER)
    found = find_metadata(page)
    assert (found.title, found.author, found.date) == (headline, "Marie Rövekamp", "2020-04-29")


@pytest.mark.parametrize("label", ["Von:", "Über den Autor/ die Autorin", "Zur Autorin"])
def test_a_name_under_an_author_label_at_the_end_is_the_author(label):
    page = MENU + HEADLINE + PROSE + PROSE + label + "\nGötz Warnke\nMeist gesucht:\n" + FOOTER
    assert find_metadata(page).author == "Götz Warnke"


@pytest.mark.parametrize("line, author", [
    ("Dezember 26, 2019 von Andrea Kategorien: Allgemein | Hinterlasse einen Kommentar", "Andrea"),
    ("Text von Christian Seiler Illustration von Markus Roost", "Christian Seiler"),
])
def test_a_bylines_name_ends_before_the_category_and_the_pictures_credit(line, author):
    assert byline_author(line) == author


@pytest.mark.parametrize("button", ["› Drucken", "[› redaktion@beispiel.de", "Jetzt spenden", "Wer wir sind"])
def test_a_button_or_an_address_is_never_the_title(button):
    page = MENU + button + "\n3. Dezember 2026\n" + PROSE + FOOTER
    assert find_metadata(page).title == ""


def test_a_kicker_with_a_dash_makes_no_subtitle_of_the_headline():
    headline = "„Es bricht eine andere Zeit der Datennutzung an“"
    page = ("Thema – Corona\n" + headline + "\nDie Krise durch Big Data überwinden: zu schön, um wahr zu sein?\n"
            "Interview: Julia Lauter\n31.03.2020\n" + PROSE + FOOTER)
    assert find_metadata(page).title == headline


def test_an_ingredient_list_with_spoons_and_bags_stays_whole():
    # the quantities between "135 g" and "155 g" name their spoon's fill ("2 gestr. TL") or a bag ("3 Btl."): the
    # run of quantities must not break there, or its first lines read as a menu between share buttons
    ingredients = ("Zutaten\n135 g\nButter\n2 gestr. TL\nBackpulver\n2 gestr. EL\nBack-Kakao\n1 gehäufter EL\n"
                   "Speisestärke\n3 Btl.\nGelatine fix\n155 g\nZucker\n")
    page = (MENU + "Maulwurfkuchen mit Erdbeeren\nTeilen\nAuf Facebook teilen\nDrucken\n" + ingredients
            + PROSE + FOOTER)
    kept = remove_boilerplate(page).text
    assert all(line in kept.split("\n") for line in ingredients.split("\n")[1:-1])


def test_a_button_under_the_teaser_is_no_byline():
    page = (MENU + HEADLINE + "Mit Kleinwindkraft zu mehr Autarkie: die Balkonkraftwerke und was sie leisten.\n"
            "PDF Vorschau\n" + PROSE + "Von:\nGötz Warnke\n" + FOOTER)
    assert find_metadata(page).title == HEADLINE.strip()
    assert find_metadata(page).author == "Götz Warnke"
