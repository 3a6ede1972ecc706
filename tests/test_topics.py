"""Topics: three clearly different themes come out as three topics; units, compounds, gender forms, tables."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from spacy.tokens import Doc

from marketingtext.engine.parsing import ParsedDoc
from marketingtext.reading.decode import SourceText
from marketingtext.tables.topics import (
    DOC_TOPIC_COLUMNS,
    SMALL_CORPUS,
    TOPIC_COLUMNS,
    TopicError,
    topic_tables,
    topic_units,
    unit_matrix,
)

from .conftest import RAW
from .test_html_report import browser, page_of  # noqa: F401, F811  (the browser fixtures)

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
LER = DATA / "legal_entity_recognition_de" / "ler_test.conll"
MOBIE = DATA / "mobie_de_ner" / "test.conll2003"
DOCS_PER_THEME = 8
TRAFFIC = re.compile(r"\b(Stau|Richtung|gesperrt|Unfall|Fahrstreifen)\b")


def detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([.,;:!?)“\"])", r"\1", text)
    return re.sub(r"([(„]) ", r"\1", text)


def conll_sentences(path: Path, tab: bool) -> list[list[str]]:
    """Sentences (token lists) of a CoNLL file, ``-DOCSTART-`` lines as sentence breaks."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("-DOCSTART-"):
            if current:
                sentences.append(current)
            current = []
            continue
        current.append(line.split("\t" if tab else " ")[0])
    return sentences


def three_themes() -> dict[str, list[str]]:
    """Theme -> 8 document texts: marketing essays (paragraphs), court decisions (LER), traffic reports (MobIE)."""
    if not (LER.is_file() and MOBIE.is_file()):
        pytest.skip("the shared NER data (../shared/data) is not here")
    paragraphs = [p.strip() for f in sorted(RAW.glob("*.txt")) for p in f.read_text().split("\n\n")
                  if len(p.split()) >= 40]
    essays = ["\n\n".join(paragraphs[i::DOCS_PER_THEME][:3]) for i in range(DOCS_PER_THEME)]
    legal = [detokenize([t for s in group for t in s]) for group in
             (conll_sentences(LER, tab=False)[i * 10:(i + 1) * 10] for i in range(DOCS_PER_THEME))]
    reports = [detokenize(s) for s in conll_sentences(MOBIE, tab=True) if TRAFFIC.search(" ".join(s))]
    traffic = ["\n".join(reports[i * 12:(i + 1) * 12]) for i in range(DOCS_PER_THEME)]
    return {"essay": essays, "court": legal, "traffic": traffic}


def parsed(nlp, name: str, text: str) -> ParsedDoc:
    return ParsedDoc(SourceText(doc=name, path=name, text=text, encoding="utf-8", chars_raw=len(text),
                                chars_dropped=0), nlp(text))


@pytest.fixture(scope="module")
def themed(nlp) -> list[ParsedDoc]:
    """24 documents, 8 of each theme, interleaved (the order must not help)."""
    themes = three_themes()
    return [parsed(nlp, f"{theme}_{i}", themes[theme][i])
            for i in range(DOCS_PER_THEME) for theme in sorted(themes)]


def main_topic_purity(doc_topics: pd.DataFrame) -> tuple[float, dict[str, int]]:
    """Share of documents whose main topic is the main topic of most documents of their source; and the
    main topic of each source."""
    main = doc_topics.sort_values(["doc", "share", "topic"], ascending=[True, False, True], kind="mergesort") \
        .groupby("doc", sort=True).head(1)
    source = main["doc"].str.split("_").str[0]
    majority = {s: Counter(main.loc[source == s, "topic"]).most_common(1)[0][0] for s in sorted(set(source))}
    return float((main["topic"].to_numpy() == source.map(majority).to_numpy()).mean()), majority


def test_three_themes_give_three_topics_each_document_under_its_source(themed):
    tables = topic_tables(themed)
    assert list(tables["topics"].columns) == TOPIC_COLUMNS and list(tables["doc_topics"].columns) == DOC_TOPIC_COLUMNS
    purity, majority = main_topic_purity(tables["doc_topics"])
    assert purity == 1.0 and len(set(majority.values())) == 3, (purity, majority)
    chosen = tables["topic_k"].loc[tables["topic_k"]["chosen"], "k"].tolist()
    assert chosen == [3], tables["topic_k"]  # coherence picks the three themes without being told
    labels = dict(zip(tables["topics"]["topic"], tables["topics"]["terms"], strict=True))
    assert "Stau" in labels[majority["traffic"]] and "Marketing" in labels[majority["essay"]]
    shares = tables["doc_topics"].groupby("doc")["share"].sum()
    assert ((shares - 1).abs() < 0.01).all() and len(shares) == 24
    assert tables["topics"]["share"].sum() == pytest.approx(1, abs=0.01)


def test_a_small_corpus_is_modelled_by_paragraphs_and_summed_back(themed):
    """Six documents (< SMALL_CORPUS): each theme's eight texts joined into two; the model sees their paragraphs."""
    joined = []
    for theme in ("court", "essay", "traffic"):
        docs = [p.doc for p in themed if p.source.doc.startswith(theme)]
        for half in (0, 1):
            part = docs[half * 4:(half + 1) * 4]
            doc = Doc.from_docs([d for d in part])
            name = f"{theme}_{half}"
            joined.append(ParsedDoc(SourceText(doc=name, path=name, text=doc.text, encoding="utf-8",
                                               chars_raw=len(doc.text), chars_dropped=0), doc))
    assert len(joined) < SMALL_CORPUS
    units = [topic_units(p) for p in joined]
    assert all(len(u.units) >= 2 for u in units)  # paragraphs or windows, not whole documents
    tables = topic_tables(joined, k=3)
    assert set(tables["doc_topics"]["doc"]) == {p.source.doc for p in joined}
    purity, majority = main_topic_purity(tables["doc_topics"])
    assert purity == 1.0 and len(set(majority.values())) == 3
    # summed back: the corpus share of a topic is the documents' shares weighted by their counted terms
    data = unit_matrix(units)
    terms = pd.Series(np.asarray(data.counts.sum(axis=1)).ravel()).groupby(data.unit_docs).sum()
    weights = pd.Series(terms.to_numpy(), index=[data.doc_names[d] for d in terms.index])
    shares = tables["doc_topics"].pivot(index="doc", columns="topic", values="share")
    expected = shares.mul(weights, axis=0).sum() / weights.sum()
    assert np.allclose(expected.sort_index(), tables["topics"].set_index("topic")["share"].sort_index(), atol=0.002)


def test_essay_topics_are_deterministic_and_read_as_themes(seeds):
    first = topic_tables(seeds.parsed())
    again = topic_tables(seeds.parsed())
    assert first["topics"].equals(again["topics"]) and first["doc_topics"].equals(again["doc_topics"])
    topics = first["topics"]
    assert 2 <= len(topics) <= 10 and topics["topic"].tolist() == list(range(1, len(topics) + 1))
    assert topics["share"].is_monotonic_decreasing
    every_term = {t.split(":")[0] for terms in topics["terms"] for t in terms.split("|")}
    assert not every_term & {"der", "und", "sein", "werden", "haben"}  # stop words out
    assert {"Marketing", "Kunde"} <= every_term


def test_compound_credits_its_head_and_feminine_counts_under_masculine(nlp):
    texts = {"a": "Die Kundenbindung wächst. Die Markenbindung auch. Jede Kundin liebt die Marke.",
             "b": "Der Kunde sucht Bindung. Die Kundin und der Kunde vergleichen die Marke."}
    docs = [parsed(nlp, name, text) for name, text in texts.items()]
    data = unit_matrix([topic_units(p, split=False) for p in docs])
    column = {key: i for i, key in enumerate(data.vocab)}
    counts = data.counts.toarray()
    assert "kundin" not in column and counts[:, column["kunde"]].tolist() == [1, 3]  # Kundin counts as Kunde
    assert "bindung" in column and counts[0, column["bindung"]] == 1.0  # 0.5 from each of the two compounds
    assert "kundenbindung" not in column  # a compound seen in one unit only is below the unit floor


def test_a_k_larger_than_the_corpus_allows_is_a_one_line_error(nlp):
    docs = [parsed(nlp, "a", "Der Kunde kauft die Marke."), parsed(nlp, "b", "Die Marke sucht den Kunden.")]
    with pytest.raises(TopicError, match="--k 50"):
        topic_tables(docs, k=50)
    empty = topic_tables([])
    assert empty["topics"].empty and list(empty["doc_topics"].columns) == DOC_TOPIC_COLUMNS


def test_analyze_writes_topic_tables_and_the_report_draws_them(seeds, seed_tables, page_of, tmp_path):  # noqa: F811
    assert {"topics", "doc_topics", "topic_k"} <= set(seed_tables)
    topics, doc_topics = seed_tables["topics"], seed_tables["doc_topics"]
    assert len(doc_topics) == 5 * len(topics) and seed_tables["topic_k"]["chosen"].sum() == 1
    page = page_of(seeds.report(tables=seed_tables))
    assert page.errors == []
    assert page.locator("nav a[href='#themen']").count() == 1
    assert page.locator("#topic-terms .chart").count() == len(topics)
    assert page.locator("#topic-heatmap rect").count() == 5 * len(topics)
    note = page.locator("#topic-note").text_content()
    assert note.startswith(f"k = {len(topics)} Themen, gewählt nach Kohärenz")
    first_terms = page.locator("#topic-terms .chart").first.locator("svg text.lbl").all_text_contents()
    assert first_terms[:3] == topics["label"].iloc[0].split(" · ")
    page.screenshot(path=str(tmp_path / "themen.png"), full_page=True)


def test_cli_says_which_k_and_why_and_refuses_an_impossible_k(cache_dir, pipeline):
    from typer.testing import CliRunner

    from marketingtext.cli import app

    runner = CliRunner()
    shown = runner.invoke(app, ["topics", str(RAW), "-v", "-f", "csv", "--cache-dir", str(cache_dir)])
    assert shown.exit_code == 0, shown.stderr
    note = [line for line in shown.stderr.splitlines() if line.startswith("mtext: topics: k = ")]
    assert len(note) == 1 and "paragraphs" in note[0] and "k=2 " in note[0]  # the units and every k tried
    table = pd.read_csv(pd.io.common.BytesIO(shown.stdout_bytes))
    assert list(table.columns) == TOPIC_COLUMNS and note[0].startswith(f"mtext: topics: k = {len(table)}:")
    refused = runner.invoke(app, ["topics", str(RAW), "--k", "99", "--cache-dir", str(cache_dir)])
    assert refused.exit_code == 2 and refused.stderr.strip().count("\n") == 0
    assert "--k 99" in refused.stderr and "Traceback" not in refused.stderr


def test_a_heading_in_every_document_is_boilerplate_and_not_counted(nlp):
    """"Geschichte" heads a section of each article: not a topic word there; the words of the text still count."""
    docs = [parsed(nlp, name, f"{name}\n\nDer Kunde kauft im Laden an der Ecke sehr gern {thing} ein.\n\n"
                              f"Geschichte\n\nDie {thing} gefallen dem Kunden seit vielen Jahren sehr gut.")
            for name, thing in (("Haus", "Produkte"), ("Garten", "Produkte"), ("Baum", "Waren"))]
    data = unit_matrix([topic_units(p, split=False) for p in docs])
    assert "geschichte" not in data.vocab and {"kunde", "produkt"} <= set(data.vocab), data.vocab



def test_the_topics_are_fitted_on_one_blas_thread_and_come_out_as_with_threads(seeds, monkeypatch):
    """Threads buy nothing on matrices this small and stall on a busy machine (bench/speed_topics.py): the fits run
    on one BLAS thread, and the tables are those of a threaded BLAS."""
    import contextlib

    from threadpoolctl import threadpool_info

    from marketingtext.tables import topics

    units = [topic_units(p, split=True) for p in seeds.parsed()]
    threads_seen = []
    real_fit = topics.fit_topics

    def spy(*args, **kwargs):
        threads_seen.append(max((i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"), default=1))
        return real_fit(*args, **kwargs)

    monkeypatch.setattr(topics, "fit_topics", spy)
    one_thread = topic_tables(doc_units=units)
    assert len(threads_seen) >= 5 and set(threads_seen) == {1}
    monkeypatch.setattr(topics, "one_blas_thread", contextlib.nullcontext)
    threaded = topic_tables(doc_units=units)
    for name in one_thread:
        pd.testing.assert_frame_equal(one_thread[name], threaded[name])
