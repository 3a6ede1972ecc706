"""Title, author and date from the shapes saved web pages show (issue 27, part 3): constructed German pages, one
shape each. Each case failed before its rule was added (bench/eval_metadata.py, tune pages of the dev set)."""

from __future__ import annotations

import pytest

from marketingtext.reading.metadata import byline_author, find_metadata, is_name_line, parse_date

MENU = "Startseite\nThemen\nÜber uns\nKontakt\nImpressum\nSuche\n"
PROSE = ("Die Kundenorientierung prägt das Marketing der Bäckerei Müller in Köln seit vielen Jahren, und sie "
         "wird im Gespräch mit den Kunden jeden Tag neu verhandelt.\n"
         "Größere Märkte verlangen eine genaue Analyse der Zielgruppen und ihrer Bedürfnisse, bevor ein "
         "Unternehmen seine Kommunikation plant und Budgets verteilt.\n"
         "Kleine Händler in der Innenstadt setzen dagegen auf persönliche Beratung, regionale Produkte und "
         "eine Stammkundschaft, die sie beim Namen kennen.\n")
FOOTER = "Ähnliche Beiträge\nDatenschutz\n© 2026 Bäckerei Müller\n"


def meta(text: str) -> tuple[str, str, str]:
    found = find_metadata(text)
    return found.title, found.author, found.date


@pytest.mark.parametrize("line, iso", [
    ("04.05.20 14:50", "2020-05-04"), ("Kultur, 2.11.22", "2022-11-02"), ("03.12.26", "2026-12-03"),
    ("https://www.beispiel.de/2019/10/19/ein-titel/", "2019-10-19"),
    # version numbers and impossible days are no dates
    ("Version 3.10.22.1", ""), ("v1.2.20", ""), ("Kapitel 3.1.12", ""), ("31.02.26", ""),
])
def test_short_years_and_dates_in_web_addresses(line, iso):
    assert parse_date(line) == iso


@pytest.mark.parametrize("line, author", [
    ("Von Fiona Bornhöft und Mariam Hofbeck", "Fiona Bornhöft und Mariam Hofbeck"),
    ("Von Clara Löw & Klaus Jacob", "Clara Löw & Klaus Jacob"),
    ("Von Anna Berger und ihrem Team", "Anna Berger"),
    ("Von Anna Berger, Max Muster und Eva Roth", "Anna Berger, Max Muster und Eva Roth"),
    ("Eingestellt von der Michel um 21:11", "der Michel"),  # Blogger's signature: the handle as written
    ("Author Redaktion", "Redaktion"),
    ("Posted on 25. Januar 202225. Januar 2022Author Redaktion", "Redaktion"),
    ("Author Greentech.LIVE Redaktion", "Greentech.LIVE Redaktion"),
    ("Ein Kommentar von Anna Berger", "Anna Berger"), ("Eine Analyse von Max Muster", "Max Muster"),
    # a sentence that starts with "Von" names nobody, and a photo's credit names no author
    ("Von Atemschutzmaske über Exit-Strategie und Kontaktverbot bis Zoonose", ""), ("Foto von Anna Berger", ""),
])
def test_a_byline_names_every_author(line, author):
    assert byline_author(line) == author


def test_a_name_under_an_author_label_beside_the_headline():
    menu = "".join(f"Themenbereich {n}\n" for n in range(30))  # a long menu: the label is not in the page's first half
    page = menu + "Kundenorientierung in der Bäckerei Müller\nInformation\nAutor\nNikolai Huke,\n" + PROSE
    assert meta(page)[:2] == ("Kundenorientierung in der Bäckerei Müller", "Nikolai Huke")


def test_text_vorlesen_is_a_button_not_a_byline():
    assert byline_author("28.04.2021 - 07:18 | Quelle: dpa-afx | Text vorlesen Stop Pause Fortsetzen") == ""
    assert byline_author("21.04.2021 | Text: Anna Berger") == "Anna Berger"


def test_a_headline_may_start_with_a_brand_in_lower_case():
    page = MENU + "iMac 5K im Praxistest – Danke an die Community\n12. April 2019\n" + PROSE
    assert meta(page)[0] == "iMac 5K im Praxistest – Danke an die Community"


def test_a_breadcrumb_is_no_prose_and_points_at_the_headline():
    crumb = ("Sie sind hier: Aktuelles Presseinformationen Land zahlte rund 1,4 Millionen Euro Prämie für "
             "Wildschweine im Jagdjahr 2020/2021\n")
    page = MENU + crumb + "Suche\n02.01.2022\nLand zahlte rund 1,4 Millionen Euro Prämie für Wildschweine im " \
        "Jagdjahr 2020/2021\n" + PROSE
    assert meta(page)[:1] == ("Land zahlte rund 1,4 Millionen Euro Prämie für Wildschweine im Jagdjahr 2020/2021",)
    # without separators: the trail "Start Top Thema <headline>" above a headline in a menu-like block
    page = ("Start\nNews\nSport\nKultur\nStart Top Thema DGB: Brückensperrung belegt die Versäumnisse\nTop Thema\n"
            "Lüdenscheid\nDGB: Brückensperrung belegt die Versäumnisse\nVon\nRedaktion\n-\n8. Februar 2022\n0\n"
            "Der Gewerkschaftsbund sieht in der Brückensperrung die Versäumnisse der Politik: Seit Jahren sei bekannt, "
            "dass die Brücke marode ist, und geschehen sei nichts.\n" + PROSE)
    assert meta(page)[0] == "DGB: Brückensperrung belegt die Versäumnisse"


def test_gallery_captions_do_not_start_the_article():
    captions = "".join(f"{n}/3 Am Freitagabend krachte ein junger Lenker in Lenzburg mit seinem Wagen in eine "
                       f"Leitplanke, die Polizei sperrte die Strasse für Stunden.\n" for n in (1, 2, 3))
    page = MENU + captions + "Junge Lenker schrotten zwei Sportwagen\n19.10.2019 11:36\n" + PROSE
    assert meta(page)[0] == "Junge Lenker schrotten zwei Sportwagen"


def test_a_headline_shown_twice_with_the_name_under_its_copy():
    page = (MENU + "Topinambur ernten: drei Tipps\nTopinambur ernten: drei Tipps\nKathrin Hofmeister\n"
            + PROSE.split("\n")[0] + "\n26 Jan, 2022 09:22 Uhr\n" + PROSE)
    assert meta(page) == ("Topinambur ernten: drei Tipps", "Kathrin Hofmeister", "2022-01-26")


def test_the_line_above_its_byline_beats_a_teaser_below_it():
    page = (MENU + "Gesundheit\nWas bringen alternative Therapien?\nVon Claudia Riedler 19. Oktober 2019 00:04 Uhr\n"
            "Komplementärmediziner im Gespräch mit dem Onkologen\n" + PROSE)
    assert meta(page) == ("Was bringen alternative Therapien?", "Claudia Riedler", "2019-10-19")


@pytest.mark.parametrize("byline, author", [
    ("Georg Quaas, 21. Jan. 2015", "Georg Quaas"),  # found before too: the comma lists below must keep it
    ("Markus M. Haefliger, London, Beat Bumbacher 19.10.2019, 23:38 Uhr",
     "Markus M. Haefliger, London, Beat Bumbacher"),
    ("17. Februar 2020 Frau Sabienes Kommentare 4 Kommentare", "Frau Sabienes"),
    ("Paddy · April 19, 2019 · Mac · 7 comments", "Paddy"),
    # a section's name before the date is no handle
    ("Nachricht | 30.10.2021 | Migration", ""),
    # a word glued to the date is no handle
    ("Anglertalkhejfish7. Januar 2022", ""),
])
def test_names_beside_the_date_under_the_headline(byline, author):
    page = MENU + "Der Nervenkrieg um den Brexit geht weiter\n" + byline + "\n" + PROSE
    title, found, date = meta(page)
    assert title == "Der Nervenkrieg um den Brexit geht weiter" and found == author and date


def test_a_blog_signature_below_the_post_names_its_author():
    page = (MENU + "Samstag, 9. September 2017\nLiebe ist Krieg: eine Rezension\n" + PROSE + PROSE
            + "Eingestellt von Weinlachgummi um 10:52\nLabels: Rezension\n" + FOOTER
            + "".join(f"Gelesen: Buch Nummer {n}\n" for n in range(20)))  # the blog's sidebar
    assert meta(page)[1] == "Weinlachgummi"


def test_von_on_its_own_beats_an_embedded_post():
    page = (MENU + "Kundenorientierung in der Bäckerei Müller\n" + PROSE + PROSE
            + "Ein Beitrag geteilt von Esmeralda Merlot (@esmeralda) am Apr 21, 2019 um 4:47 PDT\n" + PROSE
            + "Themen\nvon Ulrike\n18.10.2019 16:06 Uhr\nMehr zum Thema\n" + FOOTER
            + "".join(f"Neu im Sortiment: Brot Nummer {n}\n" for n in range(20)))
    assert meta(page)[1:] == ("Ulrike", "2019-10-18")


def test_a_long_line_that_opens_with_its_date_and_author():
    line = ("Veröffentlicht: 05.01.2020 | Autor: gnaddrig | Abgelegt unter: Fotografie, Kamera | Tags: Abendhimmel, "
            "Kondensstreifen, Schwarzweiß, Stadt, Silhouette, Winter, Dämmerung, Dächer\n")
    page = MENU + "Scherenschnitt (3)\n" + line + PROSE + "Anhora sagt:\n06.01.2020 um 9:16\nSchöne Bilder!\n"
    assert meta(page) == ("Scherenschnitt (3)", "gnaddrig", "2020-01-05")


def test_a_headline_may_name_a_date_but_a_dated_list_entry_is_none():
    headline = "Ergebnisse: Regionalmeisterschaft der Schülerinnen, Aalen, 19.5.2007"
    page = MENU + headline + "\nvon Marc Scheloske | 20. Mai 2007 | Ergebnisse\n" + PROSE
    assert meta(page) == (headline, "Marc Scheloske", "2007-05-20")
    listing = "".join(f"Siedlung {n}, Kleinring {n} Dessau{n}. Oktober 2015 - 11:08\n" for n in range(2, 9))
    assert "Dessau" not in meta(PROSE + listing)[0]


@pytest.mark.parametrize("line, title", [
    ("Tote Hummeln unter Linden | Aktion Hummelschutz", "Tote Hummeln unter Linden"),
    ("Was wir über uns nicht hören wollen - fassette.net", "Was wir über uns nicht hören wollen"),
    # a dash that joins a headline's halves stays
    ("Würde des Lebens – ein Projekt", "Würde des Lebens – ein Projekt"),
])
def test_the_site_name_after_the_headline_goes(line, title):
    assert meta(MENU + line + "\n3. Dezember 2026\n" + PROSE)[0] == title


@pytest.mark.parametrize("line", ["Übersetzer: Sonja Häußler", "Blog Blog Status Status Team Team", "Suchen ..."])
def test_labels_and_menus_are_no_headlines(line):
    assert meta("Gesundheit\n" + line + "\n3. Dezember 2026\n" + PROSE)[0] != line


def test_a_date_guessed_from_far_away_is_left_empty():
    # no date line near the headline: a sentence naming a date, a teaser's date and the footer's are no date
    page = (MENU + "Mail-Aktion an den Bundestag\n"
            "Ich habe am 12. Mai 2006 eine Mail-Aktion an die Mitglieder des Bundestages gestartet.\n"
            + PROSE + "Weitere Beiträge\n5. Juli 2018 weiterlesen\n" + FOOTER + "31.01.2022\n")
    assert meta(page)[2] == ""
    # a date line under the article (its last change) still counts
    assert meta(MENU + "Mail-Aktion an den Bundestag\n" + PROSE + "Letzte Änderung:\n14.01.2022 um 09:25\n")[2] \
        == "2022-01-14"


def test_a_menu_entry_with_a_function_word_is_no_name():
    assert not is_name_line("Für Arbeitgeber") and not is_name_line("Über Uns")
    assert is_name_line("Frau Sabienes") and is_name_line("Christoph von Ritter")
    page = MENU + "Ausbildung im Handwerk\nFür Arbeitgeber\n06.11.2023\n" + PROSE
    assert meta(page)[1] == ""
