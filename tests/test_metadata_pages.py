"""Title, author and date of constructed German web pages, one page shape each (issue 27, metadata round of
2026-12-03). Each case failed before its rule (bench/eval_metadata.py, tune pages of the dev set)."""

from __future__ import annotations

import pytest

from marketingtext.reading.metadata import find_metadata

from .test_metadata_shapes import FOOTER, MENU, PROSE  # the same page furniture and article prose

COOKIES = ("Unsere Website verwendet Cookies für verschiedene Zwecke, insbesondere zur Verbesserung ihrer "
           "Funktionsweise, zur Analyse der Nutzung und für personalisierte Werbung. Mit einem Klick auf "
           "„Alle akzeptieren“ stimmen Sie der Verwendung aller Cookies zu; unter „Einstellungen“ können Sie "
           "einzelne Zwecke abwählen. Ihre Einwilligung können Sie jederzeit mit Wirkung für die Zukunft "
           "widerrufen. Weitere Informationen finden Sie in unserer Datenschutzerklärung und im Impressum, "
           "wo wir auch erklären, welche Anbieter die Daten verarbeiten und wie lange sie gespeichert werden.\n"
           "Notwendige Cookies helfen dabei, eine Webseite nutzbar zu machen, indem sie Grundfunktionen wie die "
           "Seitennavigation und den Zugriff auf sichere Bereiche der Webseite ermöglichen.\n")


def lead(*words: str) -> str:
    """An article's first paragraph that takes up its headline's words, as articles do."""
    return (f"Um {', '.join(words)} geht es in diesem Beitrag, der die Lage aus der Sicht der Betroffenen schildert "
            f"und erklärt, was sich in den nächsten Monaten ändern wird und was nicht.\n")


def meta(text: str) -> tuple[str, str, str]:
    found = find_metadata(text)
    return found.title, found.author, found.date


def test_a_cookie_banner_is_no_article_and_the_headline_under_it_is_found():
    page = COOKIES + MENU + "Bäckerei Müller eröffnet zweite Filiale\n3. Dezember 2026\n" + PROSE + FOOTER
    assert meta(page)[0] == "Bäckerei Müller eröffnet zweite Filiale"


def test_a_browser_notice_is_no_article_and_no_headline():
    notice = ("Der Browser wird leider nicht mehr unterstützt!\nAchtung: Bitte aktualisiere deinen Browser, wenn du "
              "mit diesem Browser fortfährst, könnte dein Einkaufserlebnis nicht zufriedenstellend sein, und "
              "manche Seiten unseres Onlineshops werden nicht richtig angezeigt, etwa der Warenkorb und die Kasse, "
              "die Suche und die Merkliste, die du für deine Einkäufe brauchst, ob am Rechner oder auf dem Handy.\n")
    page = (MENU + notice + "Chrome\nFirefox\nSafari\nNachhaltigkeit im Onlineshop\n"
            + lead("Nachhaltigkeit", "Onlineshop") + PROSE * 2 + FOOTER)
    assert meta(page)[0] == "Nachhaltigkeit im Onlineshop"


def test_a_relative_date_under_the_name_marks_the_headline_and_its_byline():
    page = (MENU + "Facebook\nE-Mail\nSt. Magdalener: Rotweine mit Eleganz und Charakter\nJossi Loibl\n"
            "Erstellt: vor 4 Stunden\nAktualisiert: vor 20 Stunden\n4 Min. Lesedauer\n"
            "St. Magdalena und hinten der Rosengarten © Südtirol Wein\n" + PROSE + FOOTER)
    title, author, date = meta(page)
    assert (title, author, date) == ("St. Magdalener: Rotweine mit Eleganz und Charakter", "Jossi Loibl", "")


def test_a_blog_description_above_the_post_date_and_headline():
    description = ("Bumsbutzener Gumpfen sind eine alte schlesische Spezialität, das Rezept ist längst verschollen, "
                   "und Gerüchten zufolge bestehen sie zur Hälfte aus Hefe und zur anderen Hälfte aus Geduld.\n")
    page = ("...\n" + description + "Dienstag, 28. April 2020\nTach auch!\n" + lead("Tach", "auch") + PROSE
            + "Eingestellt von der Michel um 21:11\n" + FOOTER)
    assert meta(page) == ("Tach auch!", "der Michel", "2020-04-28")


def test_a_newsroom_under_a_von_label():
    page = (MENU + "DGB: Brückensperrung belegt die Versäumnisse\nVon\nRedaktion\n-\n8. Februar 2022\n"
            + lead("Brückensperrung", "Versäumnisse") + PROSE + FOOTER)
    assert meta(page) == ("DGB: Brückensperrung belegt die Versäumnisse", "Redaktion", "2022-02-08")


def test_several_authors_on_a_line_under_the_teaser():
    teaser = ("Der jährliche Rohstoffkonsum in Deutschland muss bis Mitte des Jahrhunderts mindestens halbiert "
              "werden, und dafür braucht es ein verbindliches Gesetz mit klaren Zielen.\n")
    page = (MENU + "Warum es ein Ressourcenschutzgesetz braucht\n" + teaser
            + "Clara Löw, Siddharth Prakash & Klaus Jacob\nEnergie & Umwelt\n26. Oktober 2023\n" + PROSE + FOOTER)
    assert meta(page) == ("Warum es ein Ressourcenschutzgesetz braucht", "Clara Löw, Siddharth Prakash & Klaus Jacob",
                          "2023-10-26")


def test_a_handle_gives_way_to_a_persons_name():
    headline = "Vegetarier zu sein. Bedarf, Trend oder eigene Entscheidung?\n"
    page = (MENU + headline + "Gespeichert von human am 7. Juli 2019 - 18:44\n" + headline
            + "Analyse des Themas und Vergleich zweier Länder: Österreich und Russland\n"
            "Blog Beitrag von Margarita Koreneva\n" + lead("Vegetarier", "Entscheidung") + PROSE + FOOTER)
    assert meta(page) == (headline.strip(), "Margarita Koreneva", "2019-07-07")


@pytest.mark.parametrize("line", ["2020-04-26 Deutsche Sprache", "Handball Schweiz • 02.02.2022"])
def test_a_section_beside_the_date_is_no_author(line):
    page = MENU + "Redaktion erstellt Glossar zur Corona-Pandemie\n" + line + "\n" + PROSE + FOOTER
    title, author, date = meta(page)
    assert title == "Redaktion erstellt Glossar zur Corona-Pandemie" and author == "" and date


def test_a_press_release_place_line_is_no_headline_and_no_author():
    page = (MENU + "Sicherheits-Check für Künstliche Intelligenz in Autos\n"
            "Sicherheits-Check für Künstliche Intelligenz in Autos\nOrt Saarbrücken\nDatum 28.01.2022\n" + PROSE
            + FOOTER)
    assert meta(page) == ("Sicherheits-Check für Künstliche Intelligenz in Autos", "", "2022-01-28")


def test_a_name_and_date_line_above_the_headline():
    headline = "Eine realistische Interpretation des Keynes-Hicks-Multiplikators"
    page = (MENU + "5343 mal gelesen | 32 Kommentare\nGeorg Quaas, 21. Jan. 2015\n" + headline + "\n"
            + lead("Interpretation", "Keynes-Hicks-Multiplikators") + PROSE + FOOTER)
    assert meta(page) == (headline, "Georg Quaas", "2015-01-21")


def test_a_name_line_above_the_date_line_above_the_headline_unless_a_signature_says_otherwise():
    head = "EVENTS\nNEWSLETTER\nABO\nMore\nBianca Praetorius\n2. Okt. 2022\nDas Dating-Dilemma erfolgreicher Frauen\n"
    page = head + lead("Dating-Dilemma", "erfolgreicher Frauen") + PROSE + FOOTER
    assert meta(page) == ("Das Dating-Dilemma erfolgreicher Frauen", "Bianca Praetorius", "2022-10-02")
    blog = ("Seiten\nGästebuch\nAbout Me\nSerien Killer\nSamstag, 9. September 2017\n"
            "[Rezi] Love is War - Sehnsucht von R. K. Lilley\n" + PROSE + "Eingestellt von Weinlachgummi um 10:52\n")
    assert meta(blog)[1] == "Weinlachgummi"


def test_the_publication_date_beats_the_last_change():
    page = (MENU + "Vom Boden aus gedacht\n" + PROSE + "Letzte Änderung: 31.10.2023 - 14:49:39\n"
            "Erschienen am: 01.11.2023\n" + FOOTER)
    assert meta(page)[2] == "2023-11-01"


def test_a_labelled_date_in_the_author_box_after_the_article():
    page = (MENU + "Energiesparen bei Cern: Teilchenbeschleuniger macht Winterpause\n" + PROSE
            + "Tags\nCern, Energie sparen, Forschung\nAuthor Greentech.LIVE Redaktion\nDate 6. Dezember 2022\n"
            + "Greentech.LIVE\nc/o Innoport RT\nMax-Planck-Straße 68/1\nTwitter\nYouTube\nLinkedIn\n" + FOOTER)
    assert meta(page)[1:] == ("Greentech.LIVE Redaktion", "2022-12-06")


@pytest.mark.parametrize("line", ["150 g MinusL Joghurt mit", "Alle Sanierungsbeispiele"])
def test_a_cut_teaser_or_a_link_to_a_list_is_no_headline(line):
    page = MENU + line + "\n12. März 2021\n" + PROSE + FOOTER
    assert meta(page)[0] == ""


def test_a_role_before_the_name_beside_the_date():
    page = (MENU + "Auto leasen oder kaufen: Für wen lohnt sich was?\nTeilen\n"
            "FOCUS-Online-Experte Robin Tschöpe\nFreitag, 06.07.2018, 10:29\n" + PROSE + FOOTER)
    assert meta(page)[1:] == ("Robin Tschöpe", "2018-07-06")


def test_an_author_box_after_the_article():
    page = (MENU + "Firmenwagen: Leasing oder Finanzierung?\n12. März 2021\n" + PROSE
            + "Ähnliche Beiträge\nFirmenautoleasing: Funktionsweise und Vorteile\nMartin Junker\n"
            + "Alles von Martin Junker\nKontakt | +49 030 5683 8000 60\n" + FOOTER)
    assert meta(page)[1] == "Martin Junker"


def test_a_headline_under_a_teaser_over_a_paragraph_that_opens_with_the_date():
    teaser = ("Sensation in der schwarzen Hochburg Petersberg bei Fulda! Aus dem Stand heraus wird die 32 Jahre alte "
              "Claudia Brandes Bürgermeisterin der Großgemeinde, und die CDU steht vor einem Scherbenhaufen.\n")
    headline = "Claudia Brandes und ihr links-grünes Bündnis müssen jetzt liefern"
    page = (MENU + "Für Arbeitgeber\nMontag, 06.11.2023\nPolitik\nKultur\n" + teaser + "Twittern\n"
            "KOMMENTAR Bürgermeisterwahl in Petersberg\n" + headline + "\n06.11.23 - " + teaser
            + lead("Claudia Brandes", "ihr links-grünes Bündnis", "was sie jetzt liefern müssen") + PROSE + FOOTER)
    assert meta(page)[0] == headline


def test_a_site_name_shown_three_times_is_no_headline_and_the_byline_may_stand_far_under_the_headline():
    headline = "Mein cosy Home Gift Guide bei Westwing Collection"
    links = "".join(f"Gift Guide Nummer {n}\n" for n in range(40))  # a long sidebar: the byline is past the half
    page = (links + "Journelles\n" + headline + "\n16.12.2022\nWohnen\nJessie\nAnzeige, enthält Affiliate Links\n"
            "Gründerin Journelles\nJournelles\nArtikel von: Jessie\n" + lead("Journelles", "Westwing", "Gift Guide")
            + PROSE + FOOTER + "Journelles\n")
    assert meta(page) == (headline, "Jessie", "2022-12-16")


def test_the_headline_above_its_subtitle_is_the_title():
    page = (MENU + "Aktuelles\n/ Neue Artikel\nVom Boden aus gedacht\n"
            "Ann Cotten verwebt in „Die Anleitungen der Vorfahren“ Lokales und Globales\nVon Vanessa Franke\n"
            "Besprochene Bücher / Literaturhinweise\n" + lead("Ann Cotten", "die Anleitungen der Vorfahren",
                                                               "den Boden", "Lokales und Globales") + PROSE + FOOTER)
    assert meta(page)[:2] == ("Vom Boden aus gedacht", "Vanessa Franke")


def test_the_creation_date_beats_the_update_on_one_line():
    page = (MENU + "Bäckerei Müller eröffnet zweite Filiale\nAktualisiert am 04.12.2026 | Erstellt am 03.12.2026\n"
            + lead("Bäckerei Müller", "zweite Filiale") + PROSE + FOOTER)
    assert meta(page)[2] == "2026-12-03"
