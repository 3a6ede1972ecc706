"""Gries' DP (dispersion.gries_dp), checked against values worked out by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from marketingtext.language.dispersion import gries_dp


def test_even_spread_is_zero():
    assert gries_dp([3, 3, 3], [100, 100, 100]) == 0.0
    # proportional to unequal part sizes is even too
    assert gries_dp([1, 2, 3], [10, 20, 30]) == pytest.approx(0.0)


def test_all_in_one_of_five_equal_parts():
    # 0.5 * (|1 - 0.2| + 4 * |0 - 0.2|) = 0.8 = 1 - 1/5
    assert gries_dp([7, 0, 0, 0, 0], [10, 10, 10, 10, 10]) == pytest.approx(0.8)


def test_uneven_by_hand():
    # sizes 0.25 / 0.75, occurrences 3/4 and 1/4: 0.5 * (0.5 + 0.5) = 0.5
    assert gries_dp([3, 1], [100, 300]) == pytest.approx(0.5)


def test_absent_parts_may_be_pooled():
    full = gries_dp([4, 1, 0, 0, 0], [50, 20, 10, 30, 40])
    pooled = gries_dp([4, 1, 0], [50, 20, 80])
    assert full == pytest.approx(pooled)


def test_no_occurrence_or_no_words_is_nan():
    assert math.isnan(gries_dp([0, 0], [10, 10]))
    assert math.isnan(gries_dp([], []))
    assert gries_dp([2, 5], [0, 10]) == 0.0  # an empty part is left out


# --- corpus keywords: heading boilerplate, range and DP columns, topics over shared vocabulary ---

from marketingtext.engine.parsing import ParsedDoc  # noqa: E402
from marketingtext.keywords.table import keyword_table  # noqa: E402
from marketingtext.keywords.terms import doc_terms, fills_line  # noqa: E402
from marketingtext.reading.decode import SourceText  # noqa: E402

TOPICS = {
    "aktie": "Die Aktie ist ein Wertpapier. Eine Aktie verbrieft einen Anteil am Grundkapital. "
             "Aktien werden an der Börse gehandelt. Der Kurs der Aktie schwankt mit der Bilanz.",
    "anleihe": "Die Anleihe ist ein Wertpapier. Eine Anleihe verbrieft eine Forderung. "
               "Anleihen zahlen Zinsen. Der Kurs der Anleihe hängt vom Zins ab, anders als bei der Aktie.",
    "bilanz": "Die Bilanz ist eine Gegenüberstellung. Die Bilanz zeigt Vermögen und Kapital. "
              "Jede Bilanz hat zwei Seiten. Die Bilanz wird trotz Inflation jährlich erstellt.",
    "inflation": "Die Inflation ist ein Anstieg der Preise. Die Inflation mindert die Kaufkraft. "
                 "Eine hohe Inflation schadet Sparern mit einer Anleihe. Die Zentralbank bekämpft die Inflation.",
}


def _article(nlp, name: str, body: str) -> ParsedDoc:
    text = f"{body}\n\n== Geschichte\n\nDer Begriff stammt aus dem Lateinischen.\n\n== Einzelnachweise\n\n" \
           f"Lexikon der Wirtschaft, 2010.\n"
    return ParsedDoc(SourceText(name, f"{name}.txt", text, "utf-8", len(text), 0), nlp(text))


def test_a_term_alone_on_its_line_is_a_heading():
    text = "Einleitung\nDie Literatur zeigt es.\n== Literatur\nFazit:\n"
    assert fills_line(text, 0, 10)
    start = text.index("Literatur")
    assert not fills_line(text, start, start + 9)
    start = text.index("Literatur", start + 1)
    assert fills_line(text, start, start + 9)
    start = text.index("Fazit")
    assert fills_line(text, start, start + 5)


@pytest.fixture(scope="module")
def articles(nlp):
    return [doc_terms(_article(nlp, name, body)) for name, body in TOPICS.items()]


def test_doc_terms_count_heading_lines(articles):
    assert articles[0].terms["einzelnachweis",].own_line == 1
    assert articles[0].terms["aktie",].own_line == 0


def test_repeated_headings_are_no_keywords(articles):
    table = keyword_table(doc_terms_list=articles, top=10)
    lemmas = set(table["lemma"].str.lower())
    assert "einzelnachweis" not in lemmas and "geschichte" not in lemmas
    corpus = table[table["doc"] == "*"]
    assert {"aktie", "anleihe", "bilanz", "inflation"} <= set(corpus["lemma"].str.lower())
    for doc, name in zip(table[table["doc"] != "*"].groupby("doc").groups, TOPICS, strict=True):
        assert doc == name
        top = table[(table["doc"] == doc)].head(3)["lemma"].str.lower()
        assert name in set(top), (doc, list(top))


def test_range_and_dp_columns(articles):
    table = keyword_table(doc_terms_list=articles, top=10)
    corpus = table[table["doc"] == "*"].set_index("lemma")
    assert (corpus["range"] == corpus["docs"]).all()
    assert table["dp"].between(0, 1).all()
    # "Aktie": 4 times in its article, once in another: DP by hand with the documents' word counts
    words = {dt.doc: dt.n_words for dt in articles}
    total = sum(words.values())
    counts = {"aktie": 4, "anleihe": 1}
    expected = 0.5 * (sum(abs(c / 5 - words[d] / total) for d, c in counts.items())
                      + sum(n / total for d, n in words.items() if d not in counts))
    assert corpus.loc["Aktie", "range"] == 2
    assert corpus.loc["Aktie", "dp"] == pytest.approx(expected, abs=1e-4)
    # shared vocabulary ("Begriff", in every document alike) does not outrank the topics
    ranks = dict(zip(corpus.index.str.lower(), corpus["rank"], strict=True))
    assert "begriff" not in ranks or ranks["begriff"] > max(ranks[t] for t in TOPICS)


def test_the_first_line_is_a_title_not_a_heading(nlp):
    text = "Kundenorientierung\n\nKundenorientierung ist das Ziel vieler Firmen.\n\nFazit\n\nDie Kunden entscheiden.\n"
    terms = doc_terms(ParsedDoc(SourceText("essay", "essay.txt", text, "utf-8", len(text), 0), nlp(text))).terms
    assert terms["kundenorientierung",].count == 2 and terms["kundenorientierung",].own_line == 0
    assert terms["fazit",].own_line == 1


def test_scores_made_where_a_document_was_parsed_are_those_the_table_ranks(nlp):
    """A per-term method (mtext, frequency) scores each document where it was parsed (a worker with --jobs): the
    table is the one scoring afterwards gives, also where a boilerplate heading's count changed in prose
    ("Geschichte" as a heading in every article and once in a sentence), and it ranks the scores it was sent."""
    from dataclasses import replace

    from marketingtext.keywords.table import terms_function
    from marketingtext.language.lexicon import zipf

    bodies = dict(TOPICS, aktie=TOPICS["aktie"] + " Die Geschichte der Aktie ist lang. Die Aktie 2.0 ist digital.",
                  anleihe=TOPICS["anleihe"] + " Die Aktie 2.0 ist digital.")
    parsed = [_article(nlp, name, body) for name, body in bodies.items()]
    for method in ("mtext", "frequency"):
        scored = [terms_function(method)(p) for p in parsed]
        assert all(dt.scored_by == method and dt.scores for dt in scored)
        # and the Zipf values mtext's table cannot answer (a version number), for the corpus rows' keyness
        assert scored[0].reference == scored[1].reference == {("aktie", "2.0"): zipf("Aktie 2.0")}
        assert scored[0].terms["geschichte",].count == 2 and scored[0].terms["geschichte",].own_line == 1
        later = keyword_table(doc_terms_list=[doc_terms(p) for p in parsed], method=method, top=10)
        pd.testing.assert_frame_equal(keyword_table(doc_terms_list=scored, method=method, top=10), later)
    sent = scored[1]
    sent.scores = {**sent.scores, ("zins",): {"score": 1e9}}
    table = keyword_table(doc_terms_list=[replace(dt) for dt in scored], method="frequency", top=3)
    assert table[table["doc"] == "anleihe"].iloc[0]["lemma"].lower() == "zins"
