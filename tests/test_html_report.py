"""The HTML report: built from the seeds, checked as text and in a real browser (Debian's chromium + Playwright)."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from marketingtext.entities.table import cooccurrences, summarize
from marketingtext.output.html import kwic_json, render_report
from marketingtext.tables.comparison import keyness_table, side_counts, similarity_matrix
from marketingtext.tables.report_data import positions_in, report_data

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
EVIL = "</script><script>window.__pwned = 1</script><b>fett</b>"


@pytest.fixture(scope="session")
def seed_report_data(seeds, seed_tables):
    docs = list(seeds.parsed())
    mentions = seed_tables["entities"]
    compare = keyness_table(side_counts(docs[1:2]), side_counts(docs[4:5]))
    return report_data(docs, seed_tables["docs"], seed_tables["keywords"], summarize(mentions),
                       cooccurrences(mentions), similarity_matrix(docs), compare=compare,
                       compare_labels=(docs[1].source.doc, docs[4].source.doc), title="Marketing-Essays")


@pytest.fixture(scope="session")
def seed_html(seed_report_data) -> str:
    return render_report(seed_report_data)


def test_positions_are_the_lemma_occurrences(seed_report_data, seeds):
    """Kund:innen (lemma Kunde) in essay 002: every word whose lemma key is ``kunde`` is one tick, in order."""
    parsed = next(p for p in seeds.parsed() if p.source.doc.startswith("002"))
    words = [t for t in parsed.doc if not t.is_space and not t.is_punct and any(c.isalnum() for c in t.text)]
    expected = [i for i, t in enumerate(words) if t.lemma_.lower() == "kunde"]
    pos = seed_report_data.positions
    got = pos[(pos["term"] == "Kund:innen") & (pos["doc"] == parsed.source.doc)]
    assert list(got["word_index"]) == expected
    assert len(expected) >= 40  # grep counts 42 "Kund:innen" and one "Kund:in" in the raw text
    assert set(got["doc_words"]) == {len(words)}


def test_positions_of_multi_word_terms_need_every_key_in_order():
    """A two-word term ticks where both keys follow each other, not where its first key stands alone or ends the
    document: "Soziale Medien verändern das Marketing, und soziale Netzwerke sind sozial" (its lemma keys)."""
    keys = ["sozial", "medium", "verändern", "der", "marketing", "und", "sozial", "netzwerk", "sein", "sozial"]
    terms = {"soziale Medien": ("sozial", "medium"), "Marketing": ("marketing",), "sozial": ("sozial",),
             "Medien verändern das": ("medium", "verändern", "der")}
    rows = positions_in(keys, "essay", terms)
    assert [(row["term"], row["word_index"]) for row in rows] == [
        ("soziale Medien", 0), ("Marketing", 4), ("sozial", 0), ("sozial", 6), ("sozial", 9),
        ("Medien verändern das", 1)]
    assert {row["doc_words"] for row in rows} == {10}


def test_kwic_index_finds_kundinnen_under_kunde(seed_report_data):
    data = seed_report_data
    index = kwic_json(data.sentences, data.tokens, list(data.docs["doc"]))
    kunde = index["vocab"].index("kunde")
    assert kunde in index["forms"]["kund:innen"]
    hits = [text[s:e] for _, text, triples in index["sents"]
            for s, e, key in zip(triples[0::3], triples[1::3], triples[2::3], strict=True) if key == kunde]
    assert "Kund:innen" in hits and "Kunden" in hits
    assert "der" not in index["vocab"]  # stop words stay out of the index


def test_report_is_self_contained_and_german(seed_html):
    assert seed_html.startswith("<!DOCTYPE html>")
    assert '<html lang="de">' in seed_html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", seed_html)  # no CDN, no remote file
    assert "@import" not in seed_html and "@media print" in seed_html
    for label in ("Überblick", "Schlüsselwörter", "Entitäten", "Streuung", "Ähnlichkeit der Dokumente", "Vergleich"):
        assert label in seed_html


def test_text_is_escaped(seed_report_data):
    sentences = seed_report_data.sentences.copy()
    sentences.loc[0, "text"] = EVIL
    evil = dataclasses.replace(seed_report_data, sentences=sentences, title="<i>Titel</i> & Co")
    page = render_report(evil)
    assert "<script>window.__pwned" not in page and "<b>fett</b>" not in page
    assert "&lt;i&gt;Titel&lt;/i&gt; &amp; Co" in page
    data = page.split('<script type="application/json" id="mtext-data">')[1].split("</script>")[0]
    assert EVIL in json.dumps(json.loads(data), ensure_ascii=False)  # the text survives, as data


def test_empty_corpus_renders(seed_report_data):
    empty = {f.name: getattr(seed_report_data, f.name).iloc[0:0] for f in dataclasses.fields(seed_report_data)
             if isinstance(getattr(seed_report_data, f.name), pd.DataFrame)}
    page = render_report(dataclasses.replace(seed_report_data, **{**empty, "compare": None}))
    assert "0 Dokumente" in page and 'id="vergleich"' not in page


# --- in the browser -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("browser tests need chromium: apt-get install chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (the dev extra)")
    with sync_api.sync_playwright() as pw:
        executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page_of(browser, tmp_path):
    """Open an HTML string as a file (no server, as a user would), collecting console errors and failed requests."""
    opened = []

    def open_page(text: str):
        path = tmp_path / "report.html"
        path.write_text(text, encoding="utf-8")
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.errors, page.requests = [], []
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("request", lambda r: r.url.startswith("file:") or page.requests.append(r.url))
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        opened.append(page)
        return page

    yield open_page
    for page in opened:
        page.close()


def test_report_in_browser(page_of, seed_html, seed_report_data, tmp_path):
    page = page_of(seed_html)
    assert page.errors == [] and page.requests == []
    charts = page.eval_on_selector_all(".chart", "els => els.map(e => [e.id || e.querySelector('h3')?.textContent,"
                                                 " e.querySelectorAll('svg *').length])")
    assert len(charts) >= 4 + 2 + 5 + 1 + 1 + 1 + 1  # overview, keywords, per doc, network, dispersion, heat-map, cmp
    assert all(n > 0 for _, n in charts), [c for c in charts if c[1] == 0]
    assert page.locator("#kw-cloud svg text[x]").count() >= 10  # the word cloud placed its words
    assert page.locator("#ent-network circle").count() >= 3
    assert page.locator("#sim-heatmap rect").count() == 25  # five essays, 5 x 5

    page.fill("#kwic-input", "Kunde")
    matches = page.locator("#kwic-results td.match").all_text_contents()
    assert "Kund:innen" in matches and "Kunden" in matches
    assert page.locator("#kwic-count").text_content() == f"{len(matches)} Treffer"

    page.select_option("#disp-term", "Marketing")
    ticks = page.locator("#disp-plot line").count()
    # grep finds 72 "Marketing(s)" as a word in the raw files, a few of them in boilerplate lines the reader drops
    assert 65 <= ticks <= 72 and ticks == (seed_report_data.positions["term"] == "Marketing").sum()

    column = page.eval_on_selector_all("#kw-table th", "ths => ths.map(t => t.dataset.column)").index("count")
    count_cells = f"#kw-table tbody tr td:nth-child({column + 1})"
    page.locator("#kw-table th[data-column=count]").click()  # sort by count, ascending; a second click: descending
    page.locator("#kw-table th[data-column=count]").click()
    counts = [int(c.replace(".", "")) for c in page.locator(count_cells).all_text_contents()]
    assert len(counts) == 120 and counts == sorted(counts, reverse=True) and counts[0] == 75  # Kunde, 75x as in kwic
    page.fill("#kw-table input", "Kund")
    assert 1 <= page.locator("#kw-table tbody tr").count() < 120

    screenshot = tmp_path / "report.png"
    page.fill("#kwic-input", "Kunde")
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 50_000
    assert page.errors == []


def test_script_in_text_does_not_run(page_of, seed_report_data):
    sentences = seed_report_data.sentences.copy()
    row = seed_report_data.tokens.iloc[0]
    where = (sentences["doc"] == row["doc"]) & (sentences["sent_id"] == row["sent_id"])
    text = sentences.loc[where, "text"].iloc[0]
    sentences.loc[where, "text"] = text + " " + EVIL
    page = page_of(render_report(dataclasses.replace(seed_report_data, sentences=sentences)))
    page.fill("#kwic-input", row["key"])
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#kwic-results b").count() == 0 and page.errors == []


def many_docs(data, copies: int):
    """The seed report's data with every document copied ``copies`` times under new names."""
    def copied(table: pd.DataFrame, *columns: str) -> pd.DataFrame:
        parts = []
        for i in range(copies):
            part = table.copy()
            for column in columns:
                part[column] = part[column].map(lambda d, i=i: d if d == "*" else f"{i:02d}_{d}")
            parts.append(part if i == 0 else part[part[columns[0]] != "*"])
        return pd.concat(parts, ignore_index=True)

    docs = copied(data.docs, "doc")
    names = list(docs["doc"])
    similarity = pd.DataFrame([{"doc_a": a, "doc_b": b, "similarity": round((i * 7 + j * 3) % 10 / 10, 2)}
                               for i, a in enumerate(names) for j, b in enumerate(names) if i < j])
    return dataclasses.replace(data, docs=docs, keywords=copied(data.keywords, "doc"),
                               positions=copied(data.positions, "doc"), sentences=copied(data.sentences, "doc"),
                               tokens=copied(data.tokens, "doc"), similarity=similarity)


def test_many_documents_are_summarised(page_of, seed_report_data):
    page = page_of(render_report(many_docs(seed_report_data, 9)))  # 45 documents
    assert page.errors == []
    assert page.locator("#overview-charts .chart").count() == 4
    assert page.locator("#overview-charts svg").first.locator("rect").count() == 20  # a histogram, not 45 bars
    assert page.locator("#kw-per-doc .chart").count() == 30
    assert page.locator("#sim-heatmap rect").count() == 40 * 40  # the 40 longest documents
    page.select_option("#disp-term", "Marketing")
    assert page.locator("#disp-plot svg > rect").count() == 30  # the 30 documents with most hits
    page.fill("#kwic-input", "Kunde")
    assert page.locator("#kwic-count").text_content() == "675 Treffer"  # 9 x 75
    assert page.locator("#kwic-results tr").count() == 500  # shown lines are capped


def test_thin_lines_keeps_evenly_spaced_occurrences():
    from marketingtext.tables.report_data import thin_lines

    keys = ["kunde"] * 51 + ["markt"] * 9
    tokens = pd.DataFrame({"doc": "d", "sent_id": range(60), "start": 0, "end": 5, "key": keys})
    kept, counts = thin_lines(tokens, 11)
    # 51 occurrences, 11 lines: every fifth (0, 5, ..., 50); markt (9 <= 11) keeps all
    assert list(kept.loc[kept["key"] == "kunde", "sent_id"]) == list(range(0, 51, 5))
    assert (kept["key"] == "markt").sum() == 9 and counts == {"kunde": 51}
    assert thin_lines(tokens, None)[0].equals(tokens)


def test_thinned_kwic_says_so(page_of, seeds, seed_tables, seed_report_data):
    data = report_data(seeds.parsed(), seed_tables["docs"], seed_tables["keywords"], seed_report_data.entities,
                       seed_report_data.cooccurrences, seed_report_data.similarity, kwic_per_key=10)
    assert data.key_counts["kunde"] == 75 and (data.tokens["key"] == "kunde").sum() == 10
    assert set(zip(data.tokens["doc"], data.tokens["sent_id"], strict=True)) == \
        set(zip(data.sentences["doc"], data.sentences["sent_id"], strict=True))  # only sentences with a line
    page = page_of(render_report(data))
    page.fill("#kwic-input", "Kunde")
    assert page.locator("#kwic-count").text_content().startswith("10 Treffer (von 75;")
    assert page.errors == []


def test_kwic_budget_indexes_frequent_lemmas_first():
    from marketingtext.tables.report_data import fit_budget

    sentences = pd.DataFrame({"doc": "d", "sent_id": [0, 1, 2], "text": ["x" * 10, "y" * 20, "z" * 30]})
    tokens = pd.DataFrame({"doc": "d", "sent_id": [0, 1, 2, 0], "start": 0, "end": 1, "key": ["a", "a", "b", "c"]})
    # a (2 lines) costs 10 + 20 = 30 and fits; b would add 30 more; c's sentence is already in: free
    assert set(fit_budget(tokens, sentences, {}, 30)["key"]) == {"a", "c"}
    assert set(fit_budget(tokens, sentences, {"b": 500}, 30)["key"]) == {"b"}  # b's true count ranks it first
    assert fit_budget(tokens, sentences, {}, 60).equals(tokens)


# --- German, fitted, at both widths (issue 29) ------------------------------------------------------------------

# Boxes whose text must not overflow (scrollWidth > clientWidth), and every SVG text inside its picture.
OVERFLOWS_JS = """() => {
  const bad = [], name = (e) => e.tagName + (e.id ? "#" + e.id : "") + " " + (e.textContent || "").slice(0, 40);
  const boxes = "th, td, h1, h2, h3, p, dt, dd, .howto, .chart, .tablebox, section, main";
  for (const e of document.querySelectorAll(boxes)) {
    if (e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1) {
      bad.push(["box", name(e), e.scrollWidth, e.clientWidth]);
    }
  }
  for (const t of document.querySelectorAll("svg text")) {
    if (t.getAttribute("visibility") === "hidden" || !t.textContent) continue;
    const r = t.getBoundingClientRect(), box = t.ownerSVGElement.getBoundingClientRect();
    if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
      bad.push(["svg text", t.textContent, Math.round(r.left - box.left), Math.round(box.right - r.right)]);
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth) {
    bad.push(["page", "wider than the window", document.documentElement.scrollWidth, window.innerWidth]);
  }
  return bad;
}"""
# Every text the reader sees, except verbatim text from the essays (terms, names, sentences) and tooltips.
NUMBERS_JS = """() => {
  const skip = "script, style, title, option, select, .lbl, .cloud, td.txt, .verbatim, table.kwic, h3.doc";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), out = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.textContent.trim() && !n.parentElement.closest(skip)) out.push(n.textContent);
  }
  return out;
}"""
GERMAN_NUMBER = re.compile(r"(\d{1,3}(\.\d{3})+|\d{1,4})(,\d+)?")  # 1.090 · 6.273 · 41,61 · 0,001 · 2024
ENGLISH_THOUSANDS = re.compile(r"[1-9]\d{0,2},\d{3}")  # 1,090 reads as 1.090 in English: never shown (2 decimals)


def numbers_in(text: str) -> list[str]:
    """Every number written in ``text`` (digits with their separators; not digits inside a word such as a hash)."""
    return [m.group().rstrip(".,") for m in re.finditer(r"(?<![\w.,])\d[\d.,]*", text)]


def not_german(numbers: list[str]) -> list[str]:
    return [n for n in numbers if not GERMAN_NUMBER.fullmatch(n) or ENGLISH_THOUSANDS.fullmatch(n)]


def test_number_check_tells_german_from_english():
    assert not_german(numbers_in("6.273 Wörter, 41,61 Punkte, p < 0,001 (1,2E-7), 2024, 10–12, 2×")) == []
    assert not_german(numbers_in("192.88 1,090.00 0.26 1,090 12345 mtext 0.1.0")) == \
        ["192.88", "1,090.00", "0.26", "1,090", "12345", "0.1.0"]
    assert numbers_in("000_c44f16a2d46a17b4 Marketing 4.0.") == ["000", "4.0"]


@pytest.mark.parametrize("width", [1366, 390])
def test_report_fits_and_speaks_german_at(width, browser, seed_html, tmp_path):
    """At a desktop and a phone width: nothing overflows its box or picture, every number is German, every
    table header is German with the CSV column name in its tooltip; a screenshot of each width is kept."""
    path = tmp_path / "report.html"
    path.write_text(seed_html, encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    page.fill("#kwic-input", "Kunde")
    page.screenshot(path=str(tmp_path / f"report-{width}.png"), full_page=True)
    shots = os.environ.get("MTEXT_SCREENSHOTS")  # a folder to keep the screenshots in, for a person to look at
    if shots:
        shutil.copy(tmp_path / f"report-{width}.png", Path(shots) / f"report-{width}.png")
    assert errors == []
    assert page.evaluate(OVERFLOWS_JS) == []
    texts = page.evaluate(NUMBERS_JS)
    numbers = [n for text in texts for n in numbers_in(text)]
    assert len(numbers) > 300 and not_german(numbers) == []  # the tables, bars, heat-map and notes all count
    heads = page.eval_on_selector_all("th", "ths => ths.map(t => [t.textContent, t.dataset.column, t.title])")
    english = {"doc", "count", "score", "dp", "per_10k", "mentions", "variants", "canonical", "log_ratio", "favours",
               "chars_dropped", "mean_sentence_len", "key", "docs", "term"}
    assert heads and not [h for h in heads if h[0] in english]
    assert all(f"„{column}“" in tip for _, column, tip in heads)
    for section in ("ueberblick", "schluesselwoerter", "entitaeten", "streuung", "kwic", "aehnlichkeit", "vergleich"):
        assert page.locator(f"#{section} .howto").count() == 1, section
    if width == 1366:  # every label whole (a long one wraps), and the tables fit: no sideways scrolling
        shortened = page.eval_on_selector_all("svg text", "ts => ts.map(t => t.firstChild?.textContent || '')"
                                              ".filter(s => s.includes('…'))")
        assert shortened == []
        wide = page.eval_on_selector_all(".tablebox .scroll", "els => els.filter(e => e.scrollWidth > e.clientWidth"
                                         " + 1).map(e => e.parentElement.parentElement.id)")
        assert wide == []
    page.close()


def test_documents_are_named_by_title_or_file(browser, seed_report_data, tmp_path):
    """A document with a title is shown by it, one without by its file name; the file name is the tooltip."""
    from marketingtext.tables.report_data import doc_display_names

    docs = seed_report_data.docs.copy()
    first, second = docs["doc"].iloc[0], docs["doc"].iloc[1]
    docs["title"] = ["Marketing 4.0: eine sehr lange Überschrift, die in keine Beschriftung passt", "  "] + \
        [None] * (len(docs) - 2)
    names = doc_display_names(docs)
    assert names[first]["name"].startswith("Marketing 4.0") and names[first]["file"] == f"{first}.txt"
    assert names[second] == {"name": f"{second}.txt", "file": f"{second}.txt"}  # blank title: the file name
    assert doc_display_names(docs.drop(columns=["title", "path"]))[first] == {"name": first, "file": first}
    path = tmp_path / "report.html"
    path.write_text(render_report(dataclasses.replace(seed_report_data, docs=docs)), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(path.as_uri())
    heads = page.eval_on_selector_all("#kw-per-doc h3", "hs => hs.map(h => [h.textContent, h.title])")
    assert heads[0] == [names[first]["name"], f"{first}.txt"] and heads[1] == [f"{second}.txt", f"{second}.txt"]
    cell = page.locator("#docs-table tbody td.doc").first
    assert cell.text_content() == names[first]["name"] and cell.get_attribute("title") == f"{first}.txt"
    # too long for one line of the label column: wrapped between words onto three, the whole title on hover
    lines = page.eval_on_selector_all("#disp-plot svg text.lbl", "ts => ts.map(t => t.firstChild.textContent)")[:3]
    assert len(lines[0]) < len(names[first]["name"]) and " ".join(lines) == names[first]["name"]
    label = page.locator("#disp-plot svg text.lbl").first
    assert names[first]["name"] in label.locator("title").text_content()
    assert page.evaluate(OVERFLOWS_JS) == []
    page.close()
