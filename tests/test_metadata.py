"""Title, author and date of documents: from the text's own lines, from file formats, from a --meta sidecar;
compare --group-by; display names."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from marketingtext.reading.decode import read_source
from marketingtext.reading.metadata import byline_author, find_metadata, parse_date
from marketingtext.tables.documents import display_name, display_names

from .conftest import RAW, ROOT
from .format_writers import SHORT, write_docx, write_html, write_pdf

DEV = ROOT.parent / "shared" / "eval" / "boilerplate_de_dev"
ESSAY_002 = "002_8affbae33090f38e"
PROSE = ("Die Kundenorientierung prägt das Marketing der Bäckerei Müller in Köln seit vielen Jahren, und sie "
         "wird im Gespräch mit den Kunden jeden Tag neu verhandelt.\n"
         "Größere Märkte verlangen eine genaue Analyse der Zielgruppen und ihrer Bedürfnisse, bevor ein "
         "Unternehmen seine Kommunikation plant und Budgets verteilt.\n")


@pytest.mark.parametrize("line, iso", [
    ("3. Dezember 2026", "2026-12-03"), ("03.12.2026", "2026-12-03"), ("2026-12-03", "2026-12-03"),
    ("Dez 3, 2026", "2026-12-03"), ("Veröffentlicht am 10. Februar 20199. Februar 2019", "2019-02-10"),
    ("Do 9 Apr 2020", "2020-04-09"), ("17/11/2019 ~ Cem Basman", "2019-11-17"),
    ("am 1. März 2021, 18 Uhr", "2021-03-01"), ("Datum: 03.Mär.19", "2019-03-03"),
    ("26 Jan, 2022 09:22 Uhr", "2022-01-26"), ("29 / Dezember / 2022", "2022-12-29"),
    ("31.02.2026", ""), ("Seite 12 von 2026", ""), ("Version 2.0.2026", ""),
])
def test_german_date_forms_become_iso(line, iso):
    assert parse_date(line) == iso


@pytest.mark.parametrize("line, author", [
    ("Von Anna Berger", "Anna Berger"), ("Autorin: Jana Schulz", "Jana Schulz"),
    ("Autor: Dr. Peter Maier-Lenz", "Dr. Peter Maier-Lenz"),
    ("verfasst von: Susanne Robra-Bissantz", "Susanne Robra-Bissantz"),
    ("Veröffentlicht am 13. März 2019 von Michael Veeser-Dombrowski", "Michael Veeser-Dombrowski"),
    ("Erstellt von Fabian am Dienstag 6. Mai 2014", "Fabian"),
    # a caption and a phrase with "von" name no author
    ("Titelbild der Blogbeiträge von Stephan Tiersch", ""), ("Innerhalb von 12 Monaten", ""),
])
def test_bylines_name_their_author_and_captions_do_not(line, author):
    assert byline_author(line) == author


def test_constructed_essay_header_gives_title_author_date_and_leaves_the_prose():
    text = "Startseite\nBlog\n\nWarum Kundennähe zählt\nKatrin Vogel\n3. Dezember 2026\n\n" + PROSE
    found = find_metadata(text)
    assert (found.title, found.author, found.date) == ("Warum Kundennähe zählt", "Katrin Vogel", "2026-12-03")
    lines = text.split("\n")
    assert [lines[i] for i in found.lines] == ["Warum Kundennähe zählt", "Katrin Vogel", "3. Dezember 2026"]


def test_an_essay_that_starts_with_its_prose_has_no_title():
    assert find_metadata(PROSE + PROSE).title == ""


def test_byline_with_date_on_one_line_under_the_title(tmp_path):
    path = tmp_path / "beitrag.txt"
    path.write_text("Menü\nSuche\nMarken im Wandel der Zeit\nVeröffentlicht am 13. März 2019 von Michael Weber\n"
                    + PROSE, encoding="utf-8")
    source = read_source(str(path))
    assert (source.title, source.author, source.date) == ("Marken im Wandel der Zeit", "Michael Weber", "2019-03-13")
    # the metadata lines are not prose: gone from the analysed text, counted with what was dropped
    assert "Marken im Wandel" not in source.text and "Veröffentlicht" not in source.text
    assert source.chars_raw - len(source.text) == source.chars_dropped
    whole = read_source(str(path), keep_boilerplate=True)
    assert "Marken im Wandel der Zeit" in whole.text and whole.title == "Marken im Wandel der Zeit"


def test_a_text_that_is_only_a_headline_is_read_not_refused(tmp_path):
    path = tmp_path / "kurz.txt"
    path.write_text("Marketing oder Markt machen?\n", encoding="utf-8")
    source = read_source(str(path))
    assert source.text.strip() == "Marketing oder Markt machen?"


DEV_PAGES = [  # (page, title, author, date) as trafilatura's gold gives them; one byline shape each
    # title, then "Veröffentlicht am 17. Dezember 2019 von Simon Dückert"
    ("088_knowledge-on-air-de-koa039", "KOA039 Live vom KnowledgeCamp 2019", "Simon Dückert", "2019-12-17"),
    # a glued double date and a lower-case handle: "Veröffentlicht am 10. Februar 20199. Februar 2019 von Heiko"
    ("072_heiko-adams-de-laufen", "Laufen im Winter: Von „bäh!“ zu „yeah!“ in 12 Monaten.", "Heiko", "2019-02-10"),
    # "Von Tomas Spahn" on its own line, the date "Fr, 18. Oktober 2019" under it
    ("234_d32ad974a4b04657bb6e4d91852bd52d", "No Peace for Our Time – Pence, Syrien und die Türkei", "Tomas Spahn",
     "2019-10-18"),
    # "durch Yirou Chen" and "24. Oktober 2018" on lines of their own
    ("283_digitale-exzellenz-de-gesundheitswesen",
     "KI @ China (Teil 2): Wie das Fernost-Facebook das Gesundheitswesen revolutioniert", "Yirou Chen", "2018-10-24"),
    # "von flerche" and "21. September 2019" under the title, a sidebar of dated events above it
    ("133_piratenpartei-marburg-de-fridays", "Wir unterstützen Fridays for Future", "flerche", "2019-09-21"),
]


@pytest.mark.skipif(not DEV.is_dir(), reason="the shared dev pages are not here")
@pytest.mark.parametrize("page, title, author, date", DEV_PAGES)
def test_real_dev_pages(page, title, author, date):
    gold = {r["id"]: r for r in map(json.loads, (DEV / "meta.jsonl").open(encoding="utf-8"))}[page]
    source = read_source(str(DEV / "txt" / f"{page}.txt"))
    assert (source.title, source.author, source.date) == (title, author, date)
    assert (title, author, date) == (gold["title"], gold["author"], gold["date"])
    # the headline line is metadata, not a sentence: one line fewer holds it (a "recent posts" list may repeat it)
    raw = (DEV / "txt" / f"{page}.txt").read_text(encoding="utf-8").split("\n")
    assert [line.strip() for line in source.text.split("\n")].count(title) == raw.count(title) - 1


def test_essay_002_names_its_author_and_its_title_is_no_sentence(seeds):
    docs = seeds.docs().set_index("doc")
    assert docs.loc[ESSAY_002, "author"] == "Susanne Robra-Bissantz"
    assert docs.loc[ESSAY_002, "title"] == "Digitales Marketing – in flotten Sprüchen"
    assert docs.loc[ESSAY_002, "date"] == "2024-04-22"
    sentences = seeds.sentences()
    texts = sentences.loc[sentences["doc"] == ESSAY_002, "text"].str.strip()
    assert not texts.str.contains("Robra-Bissantz").any()
    assert not (texts == "Digitales Marketing – in flotten Sprüchen").any()


def test_format_metadata_from_docx_pdf_and_html(tmp_path):
    import docx

    path = write_docx(SHORT, tmp_path / "brief.docx")
    document = docx.Document(str(path))
    document.core_properties.author = "Erika Mustermann"
    document.core_properties.title = "Kundenbrief"
    document.save(str(path))
    source = read_source(str(path))
    assert (source.title, source.author) == ("Kundenbrief", "Erika Mustermann")

    import pypdf

    pdf = write_pdf(SHORT, tmp_path / "essay.pdf")
    writer = pypdf.PdfWriter(clone_from=str(pdf))
    writer.add_metadata({"/Author": "Max Muster", "/Title": "Marktanalyse", "/CreationDate": "D:20261203090000"})
    writer.write(str(pdf))
    source = read_source(str(pdf))
    assert (source.title, source.author, source.date) == ("Marktanalyse", "Max Muster", "2026-12-03")

    page = write_html(SHORT * 3, tmp_path / "blog.html", heading="Kundennähe")
    html = page.read_text(encoding="utf-8").replace(
        "<title>", '<meta name="author" content="Lena Roth"><meta property="article:published_time" '
                   'content="2026-12-01T08:00:00+01:00"><title>')
    page.write_text(html, encoding="utf-8")
    source = read_source(str(page))
    assert (source.author, source.date) == ("Lena Roth", "2026-12-01")


def test_display_name_is_the_title_else_the_file_name():
    assert display_name("001_x", "Marketing oder Markt machen?", "data/raw/001_x.txt") == "Marketing oder Markt machen?"
    assert display_name("000_x", "", "data/raw/000_x.txt") == "000_x.txt"
    assert display_name("stdin", float("nan"), "-") == "stdin"
    table = pd.DataFrame({"doc": ["a", "b", "c"], "title": ["Gleich", "Gleich", ""], "path": ["a.txt", "b.txt",
                                                                                             "c.txt"]})
    assert display_names(table) == {"a": "Gleich (a)", "b": "Gleich (b)", "c": "c.txt"}


@pytest.fixture(scope="module")
def sidecar(tmp_path_factory):
    path = tmp_path_factory.mktemp("meta") / "essays.csv"
    # German Excel's separator; author overridden for 000, a group for every essay
    path.write_text("doc;group;author\n000_c44f16a2d46a17b4;blog;Ralf Beispiel\n001_ddbf49292ca9b49c;blog;\n"
                    f"{ESSAY_002};journal;\n003_ed5dd712890e4a83;journal;\n004_ea3b81d1c43a13bb;blog;\n",
                    encoding="utf-8-sig")
    return path


def test_sidecar_adds_and_overrides_fields(mtext, sidecar):
    result = mtext("docs", str(RAW), "--meta", str(sidecar), "-f", "csv")
    assert result.exit_code == 0, result.stderr
    docs = pd.read_csv(io.BytesIO(result.stdout_bytes), keep_default_na=False).set_index("doc")
    assert docs.loc["000_c44f16a2d46a17b4", "author"] == "Ralf Beispiel"  # overridden
    assert docs.loc[ESSAY_002, "author"] == "Susanne Robra-Bissantz"  # an empty cell keeps what mtext found
    assert list(docs["group"]) == ["blog", "blog", "journal", "journal", "blog"]


@pytest.mark.parametrize("content, says", [
    (None, "no such file"),
    ("name,group\n000_c44f16a2d46a17b4,blog\n", "no 'doc' column"),
    ("doc,group\n000_c44f16a2d46a17b4,blog\nessay_9,blog\n", "'essay_9' not in the corpus"),
    ("doc,words\n000_c44f16a2d46a17b4,12\n", "computed by mtext"),
    ("doc,date\n000_c44f16a2d46a17b4,gestern\n", "not a date"),
])
def test_bad_sidecar_is_one_line_naming_the_file(mtext, tmp_path, content, says):
    path = tmp_path / "meta.csv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = mtext("docs", str(RAW), "--meta", str(path), "-f", "csv")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and says in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_compare_by_a_sidecar_field(mtext, sidecar):
    result = mtext("compare", str(RAW), "--meta", str(sidecar), "--group-by", "group", "--group", "journal",
                   "--group", "blog", "--all", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    table = pd.read_csv(io.BytesIO(result.stdout_bytes))
    # side A is the two journal essays (002, 003), side B the three blog essays: counted from those documents
    assert table["docs_a"].max() == 2 and table["docs_b"].max() == 3
    swapped = mtext("compare", str(RAW), "--meta", str(sidecar), "--group-by", "group", "--group", "blog",
                    "--group", "journal", "--all", "-f", "csv")
    assert pd.read_csv(io.BytesIO(swapped.stdout_bytes))["docs_a"].max() == 3


def test_compare_by_field_refuses_what_it_cannot_split(mtext, sidecar):
    unknown = mtext("compare", str(RAW), "--meta", str(sidecar), "--group-by", "colour", "-f", "csv")
    assert unknown.exit_code == 2 and "no such field" in unknown.stderr
    absent = mtext("compare", str(RAW), "--meta", str(sidecar), "--group-by", "group", "--group", "blog",
                   "--group", "zeitung", "-f", "csv")
    assert absent.exit_code == 2 and "'zeitung'" in absent.stderr and "'journal'" in absent.stderr
    alone = mtext("compare", str(RAW), "--group", "blog", "-f", "csv")
    assert alone.exit_code == 2 and "--group-by" in alone.stderr


def test_sidecar_of_the_whole_corpus_serves_both_sides_of_a_comparison(mtext, sidecar, tmp_path):
    essays = sorted(str(p) for p in RAW.glob("*.txt"))
    result = mtext("compare", essays[0], essays[1], "--meta", str(sidecar), "-f", "csv")
    assert result.exit_code == 0, result.stderr  # the sidecar names essays of neither side: not an error
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("doc,group\nessay_9,blog\n", encoding="utf-8")
    bad = mtext("compare", essays[0], essays[1], "--meta", str(wrong), "-f", "csv")
    assert bad.exit_code == 2 and "'essay_9' not in the corpus" in bad.stderr


def test_texts_that_open_with_their_prose_lose_no_line_to_metadata():
    """Encyclopedia articles start with their first sentence: none of it (nor a sentence with a date and a "von"
    further down, nor a section heading) is a headline or a byline, and no line leaves the text."""
    from pathlib import Path

    wiki = Path(__file__).resolve().parents[2] / "shared" / "bench" / "wiki_de_1M" / "wiki"
    files = sorted(wiki.glob("*.txt"))[:80]
    if not files:
        pytest.skip(f"no encyclopedia articles in {wiki}")
    taken = {f.stem: find_metadata(f.read_text(encoding="utf-8")).lines for f in files}
    assert [name for name, lines in taken.items() if lines] == []
    assert find_metadata("Am 24. April 1945 wurde Ulm von US-Truppen besetzt.\n").author == ""
    assert find_metadata("Von da an überstürzten sich die Ereignisse.\n").author == ""
