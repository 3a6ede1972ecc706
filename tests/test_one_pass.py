"""Work shared and lookups that do not scan the document: analyze parses each text once, and the entity rows'
span and sentence lookups give what a scan of every mention would give."""

from __future__ import annotations

import json

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import marketingtext as mt
from marketingtext.entities.gazetteer import Mention
from marketingtext.entities.table import SpanIndex, entity_rows, load_gazetteer
from marketingtext.language.words import numbered_sentences
from marketingtext.tables.comparison import similarity_matrix

from .conftest import RAW


def test_analyze_with_its_report_parses_each_document_once(tmp_path, pipeline):
    """Without a cache every pass over the documents is a parse: the tables, the report's word index and its
    similarity matrix come from one (they took three)."""
    corpus = mt.load([RAW], pipeline=pipeline, use_cache=False)
    parsed = []
    corpus.on_parsed = parsed.append
    corpus.analyze(tmp_path / "out")
    assert len(parsed) == len(corpus.sources) == 5
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "000_c44f16a2d46a17b4" in html and "kunde" in html


def test_the_report_from_one_pass_is_the_report_from_the_documents(seeds, seed_tables):
    """The report's data gathered on the way (similarity, positions, KWIC index) equals what the documents give."""
    from marketingtext.tables.report_data import ReportWords

    words = ReportWords.of(seeds.parsed())
    pd.testing.assert_frame_equal(words.similarity(), similarity_matrix(seeds.parsed()))
    assert seeds.report(tables=seed_tables, words=words) == seeds.report(tables=seed_tables)


def test_analyze_summarizes_the_entities_once_for_its_report_and_overview(tmp_path, mtext, monkeypatch):
    """`mtext analyze` shows the entity summary twice (report.html and the terminal overview): made once."""
    import marketingtext.entities.table as entity_table

    summaries = []
    summarize = entity_table.summarize

    def counted(*args, **kwargs):
        summaries.append(len(args[0]))
        return summarize(*args, **kwargs)

    monkeypatch.setattr(entity_table, "summarize", counted)
    result = mtext("analyze", str(RAW), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert len(summaries) == 1 and summaries[0] > 0, summaries
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    top = summarize(pd.read_csv(tmp_path / "out" / "entities.csv")).iloc[0]["canonical"]
    assert top in result.output and top in html  # the most mentioned entity, in both


def test_run_json_records_inputs_at_scan_time(tmp_path, pipeline):
    import hashlib

    corpus = mt.load([RAW], pipeline=pipeline, use_cache=False)
    inputs = corpus.run_info()["inputs"]
    texts = [source.text for source in corpus.sources]
    assert [i["text_sha256"] for i in inputs] == [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]
    assert [i["chars"] for i in inputs] == [len(t) for t in texts]
    assert json.dumps(inputs)  # plain data


spans = st.lists(st.tuples(st.integers(0, 300), st.integers(1, 40)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(spans, st.integers(0, 320), st.integers(1, 60))
def test_span_index_finds_exactly_the_overlapping_mentions(found, start, length):
    mentions = [Mention(s, s + n, "x" * n, "ORG", "model") for s, n in found]
    query = Mention(start, start + length, "y", "ORG", "model")
    expected = sorted((m for m in mentions if m.start < query.end and query.start < m.end),
                      key=lambda m: (m.start, m.end))
    assert [(m.start, m.end) for m in SpanIndex(mentions).overlapping(query)] == [(m.start, m.end) for m in expected]


def test_each_mention_is_in_the_sentence_that_holds_it(seeds):
    gazetteer = load_gazetteer()
    for parsed in seeds.parsed():
        sentences = list(numbered_sentences(parsed.doc))
        rows = entity_rows(parsed, gazetteer)
        assert rows
        for row in rows:
            holding = [sid for sid, sent in sentences if sent.start_char <= row["start_char"] < sent.end_char]
            assert holding == [row["sent_id"]], row
