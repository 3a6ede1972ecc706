"""Parallel and distributed parsing give the same tables as one process; cluster failures are one line."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest

from marketingtext.engine.cluster import text_batches

from .conftest import RAW


def test_text_batches_keep_order_and_size():
    texts = [f"Satz {i}. " * (i + 1) for i in range(12)]
    batches = list(text_batches(texts, batch_chars=60))
    assert [t for batch in batches for t in batch] == texts
    assert all(sum(map(len, batch[:-1])) < 60 for batch in batches)
    assert len(batches) > 3


def _tables_of(tmp_path, name, pipeline, **options):
    import marketingtext as mt

    corpus = mt.load([RAW], cache_dir=tmp_path / name, pipeline=pipeline, **options)
    return corpus.analyze()


def _assert_same_tables(expected: dict, actual: dict) -> None:
    assert expected.keys() == actual.keys()
    for name in expected:
        pd.testing.assert_frame_equal(expected[name], actual[name], obj=name)


def test_two_processes_give_the_tables_of_one(tmp_path, pipeline, seed_tables):
    _assert_same_tables(seed_tables, _tables_of(tmp_path, "jobs2", pipeline, jobs=2))


def test_dask_local_cluster_gives_the_tables_of_one_process(tmp_path, pipeline, seed_tables):
    pytest.importorskip("distributed")
    tables = _tables_of(tmp_path, "dask", pipeline, jobs=2, scheduler="local")
    _assert_same_tables(seed_tables, tables)
    assert len(tables["sentences"]) > 300 and tables["entities"]["canonical"].eq("Philip Kotler").any()


def test_unreachable_scheduler_is_one_line_and_exit_2(tmp_path):
    pytest.importorskip("distributed")
    env = {**os.environ, "MTEXT_DASK_SCHEDULER": "tcp://127.0.0.1:9"}
    cmd = [sys.executable, "-m", "marketingtext", "keywords", str(RAW), "--cache-dir", str(tmp_path), "-f", "csv"]
    result = subprocess.run(cmd, capture_output=True, env=env, timeout=300)
    stderr = result.stderr.decode()
    assert result.returncode == 2 and result.stdout == b""
    assert "Traceback" not in stderr and "tcp://127.0.0.1:9" in stderr
    assert stderr.strip().count("\n") == 0, stderr


def _calls_recorded(monkeypatch, tmp_path, module, name: str):
    """Wrap ``module.name`` so that each call, in whichever process, appends that process's id to a file;
    gives a function that reads the ids back."""
    log = tmp_path / f"{name}.pids"
    original = getattr(module, name)

    def recorded(*args, **kwargs):
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, recorded)
    return lambda: [int(pid) for pid in log.read_text(encoding="utf-8").split()] if log.exists() else []


def test_with_two_jobs_the_workers_make_every_documents_rows(tmp_path, pipeline, seed_tables, monkeypatch):
    import marketingtext as mt
    from marketingtext.tables import documents

    made_in = _calls_recorded(monkeypatch, tmp_path, documents, "doc_row")
    tables = mt.load([RAW], pipeline=pipeline, use_cache=False, jobs=2).analyze()
    _assert_same_tables(seed_tables, tables)
    # one row per essay, each made by a worker: the main process only merges them
    assert len(made_in()) == len(seed_tables["docs"]) == 5
    assert os.getpid() not in made_in()


def test_with_two_jobs_keyword_terms_are_made_in_the_workers(tmp_path, pipeline, seeds, monkeypatch):
    import marketingtext as mt
    from marketingtext.keywords import table

    expected = seeds.keywords(method="yake", top=10)  # YAKE reads each document's text: kept in the worker's terms
    made_in = _calls_recorded(monkeypatch, tmp_path, table, "doc_terms")
    actual = mt.load([RAW], pipeline=pipeline, use_cache=False, jobs=2).keywords(method="yake", top=10)
    pd.testing.assert_frame_equal(expected, actual)
    assert len(made_in()) == 5 and os.getpid() not in made_in()


def test_a_text_of_several_chunks_and_the_cache_with_two_jobs(tmp_path, pipeline, monkeypatch):
    """A text longer than a parse chunk is parsed in pieces by both workers and its rows made by the main
    process; the workers' cache entries read back give the same tables."""
    import shutil

    import marketingtext as mt
    from marketingtext.engine import parsing

    monkeypatch.setattr(parsing, "CHUNK_CHARS", 3_000)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("000_c44f16a2d46a17b4.txt", "003_ed5dd712890e4a83.txt"):  # 5,841 and 5,037 characters
        shutil.copy(RAW / name, folder / name)
    (folder / "kurz.txt").write_text("Die Kundenbindung wächst. Philip Kotler schreibt über Marketing.\n",
                                     encoding="utf-8")
    one = mt.load([folder], pipeline=pipeline, use_cache=False).analyze()
    two = mt.load([folder], pipeline=pipeline, cache_dir=tmp_path / "cache", jobs=2)
    _assert_same_tables(one, two.analyze())
    assert all(two.cache.has(source.text) for source in two.sources)
    from_cache = mt.load([folder], pipeline=pipeline, cache_dir=tmp_path / "cache")
    from_cache.tables = None  # the Docs, not the finished tables
    _assert_same_tables(one, from_cache.analyze())


def test_with_two_jobs_docs_sentences_and_entities_are_the_tables_of_one(tmp_path, pipeline, seeds, monkeypatch):
    import shutil

    import marketingtext as mt
    from marketingtext.entities import table as entity_module
    from marketingtext.tables import sentences

    names = ["000_c44f16a2d46a17b4", "003_ed5dd712890e4a83"]
    folder = tmp_path / "in"
    folder.mkdir()
    for name in names:
        shutil.copy(RAW / f"{name}.txt", folder / f"{name}.txt")
    one = seeds.subset(names)
    made_in = _calls_recorded(monkeypatch, tmp_path, sentences, "sentence_rows")
    entities_made_in = _calls_recorded(monkeypatch, tmp_path, entity_module, "entity_rows")
    two = mt.load([folder], pipeline=pipeline, use_cache=False, jobs=2)
    expected_docs = one.docs().drop(columns="path")
    pd.testing.assert_frame_equal(expected_docs, two.docs().drop(columns="path"))
    pd.testing.assert_frame_equal(one.sentences(), two.sentences())
    pd.testing.assert_frame_equal(one.entities(summary=True), two.entities(summary=True))
    ours = os.getpid()
    assert made_in().count(ours) == 2 and len(made_in()) == 4  # the two essays in memory, then in the workers
    assert entities_made_in().count(ours) == 2 and len(entities_made_in()) == 4


def test_with_two_jobs_a_document_whose_rows_raise_in_a_worker_is_left_out_with_one_problem(tmp_path, pipeline,
                                                                                           monkeypatch):
    """The worker that fails to make a document's rows sends the Doc instead; the main process makes them again,
    where the table asks for them, so the guard names that document as with one process."""
    from .test_no_document_kills_a_run import FOOTNOTE, GOOD_A, GOOD_B, old_syllables

    monkeypatch.setattr("marketingtext.tables.sentences.syllables", old_syllables)
    for name, text in (("a_gut", GOOD_A), ("b_fussnote", FOOTNOTE), ("c_gut", GOOD_B)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    import marketingtext as mt

    corpus = mt.load([tmp_path], pipeline=pipeline, use_cache=False, jobs=2)
    tables = corpus.analyze()
    assert sorted(tables["sentences"]["doc"].unique()) == sorted(tables["docs"]["doc"]) == ["a_gut", "c_gut"]
    assert len(corpus.problems) == 1 and corpus.problems[0].path.endswith("b_fussnote.txt")
    assert "invalid literal" in corpus.problems[0].message


def test_work_is_handed_out_longest_first_per_window_and_comes_back_in_order():
    """With several processes a long document at the end of a corpus no longer runs alone while the others idle:
    within a window the longest work goes first (ties in input order), and the results are put back in order."""
    from marketingtext.engine.parsing import _in_order, _Job, _longest_first

    texts = ["kurz.", "ein sehr viel längerer Satz über Marketing.", "mittellanger Satz.", "x" * 60, "auch kurz."]
    handed = list(_longest_first([_Job(text) for text in texts], window_chars=100))
    # the first window closes at 100 characters (texts 0-3), the last text is a window of its own
    assert [index for index, _ in handed] == [3, 1, 2, 0, 4]
    finished = [(index, job.text.upper()) for index, job in reversed(handed)]  # any order of completion
    assert list(_in_order(finished)) == [text.upper() for text in texts]


def test_an_error_comes_when_its_turn_comes_after_the_documents_before_it():
    """Results arrive in any order with several processes: a failed job (or a file that could not be read again)
    is raised only after the documents before it are given out, as it was when results came in input order."""
    from marketingtext.engine.parsing import _in_order, _Job, _longest_first

    given = []
    with pytest.raises(ValueError, match="kaputt"):
        for result in _in_order([(1, ValueError("kaputt")), (2, "c"), (0, "a")]):
            given.append(result)
    assert given == ["a"]

    def unreadable():
        yield _Job("erster Text.")
        yield _Job("zweiter, etwas längerer Text.")
        raise OSError("t3.txt changed")

    handed = list(_longest_first(unreadable(), window_chars=10))
    assert [index for index, _ in handed] == [0, 1, 2] and isinstance(handed[2][1], OSError)


def test_small_windows_with_a_long_document_last_give_the_tables_of_one_process(tmp_path, pipeline, monkeypatch):
    """Longest first across several windows (one document each, the longest last) changes no table."""
    import marketingtext as mt
    from marketingtext.engine import parsing

    texts = sorted(RAW.glob("*.txt"), key=lambda p: p.stat().st_size)
    for n, path in enumerate(texts):
        (tmp_path / f"{n}_{path.name}").write_bytes(path.read_bytes())
    one = mt.load([tmp_path], pipeline=pipeline, use_cache=False).analyze()
    monkeypatch.setattr(parsing, "WINDOW_CHARS", 6_000)
    two = mt.load([tmp_path], pipeline=pipeline, use_cache=False, jobs=2).analyze()
    _assert_same_tables(one, two)


def test_with_two_jobs_and_nothing_cached_the_pipeline_is_warmed_before_the_workers_fork(tmp_path, pipeline, seeds,
                                                                                          cache_dir, monkeypatch):
    """What the pipeline loads on first use (HanTa, its name lists, wordfreq) is loaded once in the main process
    while the files are read, so the workers forked later share it; not with one process, nor when the cache holds
    this pipeline's documents (a re-run parses little)."""
    import marketingtext as mt
    import marketingtext.corpus as corpus
    from marketingtext.nlp import hanta_tagger
    from marketingtext.nlp.pipeline import warm_up

    warmed = []
    monkeypatch.setattr(corpus, "warm_up", lambda nlp: warmed.append(nlp))
    mt.load([RAW], pipeline=pipeline, use_cache=False, jobs=2)
    assert warmed == [pipeline[0]]
    mt.load([RAW], pipeline=pipeline, use_cache=False, jobs=1)
    mt.load([RAW], pipeline=pipeline, cache_dir=cache_dir, jobs=2)  # the seeds' cache
    mt.load([RAW], pipeline=pipeline, cache_dir=tmp_path / "new", jobs=2)  # an empty cache
    assert warmed == [pipeline[0]] * 2

    hanta_tagger.load_hanta.cache_clear()
    hanta_tagger.load_english_hanta.cache_clear()
    warm_up(pipeline[0])
    assert "ner" in pipeline[0].pipe_names  # so the entity layer's English tagger is loaded too
    assert hanta_tagger.load_hanta.cache_info().currsize == hanta_tagger.load_english_hanta.cache_info().currsize == 1


def test_with_two_jobs_analyze_fits_topics_and_builds_the_workbook_beside_the_main_process(tmp_path, pipeline,
                                                                                            cache_dir, monkeypatch):
    """analyze's tail: the topic model beside the keyword and entity tables, the workbook beside the report, each
    in a forked child with --jobs 2 (in the main process with one job); the files are the same bytes."""
    import marketingtext as mt
    from marketingtext.output import writers
    from marketingtext.tables import topics

    topics_in = _calls_recorded(monkeypatch, tmp_path, topics, "topic_tables")
    workbook_in = _calls_recorded(monkeypatch, tmp_path, writers, "workbook_bytes")
    written = {}
    for jobs in (1, 2):
        corpus = mt.load([RAW], pipeline=pipeline, cache_dir=cache_dir, jobs=jobs)  # the seeds' parsed documents
        corpus.tables = None  # no table from the cache: every table is built
        corpus.analyze(tmp_path / f"jobs{jobs}")
        written[jobs] = {p.name: p.read_bytes() for p in (tmp_path / f"jobs{jobs}").iterdir() if p.name != "run.json"}
    assert topics_in()[0] == workbook_in()[0] == os.getpid()
    assert len(topics_in()) == len(workbook_in()) == 2 and os.getpid() not in (topics_in()[1], workbook_in()[1])
    assert written[1] == written[2] and {"topics.csv", "tables.xlsx", "report.html"} <= set(written[1])


def test_work_alongside_gives_its_result_or_raises_its_error_in_the_main_process():
    from marketingtext.engine.alongside import Alongside

    for enabled in (True, False):
        assert Alongside(sorted, "Kundenbindung", enabled=enabled).result() == sorted("Kundenbindung")
        assert (Alongside(os.getpid, enabled=enabled).result() == os.getpid()) is not enabled
        with pytest.raises(ValueError, match="invalid literal"):
            Alongside(int, "5 %¹", enabled=enabled).result()
    failing = Alongside(_unpicklable_error, enabled=True)
    with pytest.raises(RuntimeError, match="Kein Ergebnis"):
        failing.result()


def test_work_alongside_is_done_in_the_main_process_when_the_child_dies():
    from marketingtext.engine.alongside import Alongside

    parent = os.getpid()
    assert Alongside(_exit_unless_in, parent).result() == parent


class _LocalError(Exception):
    def __reduce__(self):
        raise TypeError("cannot pickle")


def _unpicklable_error():
    raise _LocalError("Kein Ergebnis")


def _exit_unless_in(pid: int) -> int:
    if os.getpid() != pid:
        os._exit(3)  # the child dies without sending anything
    return pid


def test_with_two_jobs_cached_documents_are_read_and_made_into_rows_by_the_workers(tmp_path, pipeline, cache_dir,
                                                                                 seed_tables, monkeypatch):
    """Another command over a corpus parsed before: each worker reads its documents from the cache and makes their
    rows (the main process only merges), nothing is parsed again; a damaged entry is parsed by a worker and stored
    again, long texts included."""
    import shutil

    import marketingtext as mt
    from marketingtext.engine import parsing
    from marketingtext.tables import documents

    rows_in = _calls_recorded(monkeypatch, tmp_path, documents, "doc_row")
    parsed_in = _calls_recorded(monkeypatch, tmp_path, parsing, "_parse_whole")
    copied = tmp_path / "cache"
    shutil.copytree(cache_dir, copied)
    corpus = mt.load([RAW], pipeline=pipeline, cache_dir=copied, jobs=2)
    corpus.tables = None  # the Docs, not the finished tables
    _assert_same_tables(seed_tables, corpus.analyze())
    assert len(rows_in()) == 5 and os.getpid() not in rows_in()
    assert parsed_in() == []

    longest = max(corpus.sources, key=lambda source: len(source.text))
    entry = corpus.cache._path(longest.text)
    entry.write_bytes(b"damaged")
    monkeypatch.setattr(parsing, "CHUNK_CHARS", 3_000)  # so the damaged document is parsed in chunks
    again = mt.load([RAW], pipeline=pipeline, cache_dir=copied, jobs=2)
    again.tables = None
    _assert_same_tables(seed_tables, again.analyze())  # the worker warns of the damage on its stderr
    assert len(parsed_in()) == 1 and parsed_in()[0] != os.getpid()
    assert again.cache.get(longest.text, pipeline[0].vocab) is not None  # stored again


def test_with_two_jobs_kwic_collocations_ngrams_and_topics_are_made_in_the_workers(tmp_path, pipeline, cache_dir,
                                                                                  monkeypatch):
    """Each document's part of these tables is made where the document is parsed or read from the cache: with two
    jobs in the workers (the main process merges), and the tables are those of one process."""
    import marketingtext as mt
    from marketingtext.tables import collocations, kwic, ngrams, topics

    one = mt.load([RAW], pipeline=pipeline, cache_dir=cache_dir)
    one.tables = None
    expected = [one.kwic("Kunde"), one.collocations("Marketing"), one.ngrams(), *one.topic_tables().values()]
    made_in = [_calls_recorded(monkeypatch, tmp_path, module, name) for module, name in
               ((kwic, "kwic_rows"), (collocations, "collocation_sentences"), (ngrams, "ngram_sentences"),
                (topics, "topic_units"))]
    two = mt.load([RAW], pipeline=pipeline, cache_dir=cache_dir, jobs=2)
    two.tables = None
    actual = [two.kwic("Kunde"), two.collocations("Marketing"), two.ngrams(), *two.topic_tables().values()]
    for want, got in zip(expected, actual, strict=True):
        pd.testing.assert_frame_equal(want, got)
    assert len(expected[0]) > 10 and len(expected[2]) > 10
    for pids in made_in:
        assert len(pids()) == 5 and os.getpid() not in pids()


def test_with_two_jobs_the_reports_words_are_gathered_in_the_workers(tmp_path, pipeline, cache_dir, seeds,
                                                                    seed_tables, monkeypatch):
    """`mtext report` over tables it has (from the table cache): the words of its index, positions and similarity
    are gathered per document in the workers, and the report is the same."""
    import marketingtext as mt
    from marketingtext.tables import report_data

    expected = seeds.report(tables=seed_tables)
    made_in = _calls_recorded(monkeypatch, tmp_path, report_data, "document_words")
    two = mt.load([RAW], pipeline=pipeline, cache_dir=cache_dir, jobs=2)
    assert two.report(tables=seed_tables) == expected
    assert len(made_in()) == 5 and os.getpid() not in made_in()


def test_with_two_jobs_the_similarity_matrix_and_the_style_profile_are_made_in_the_workers(tmp_path, pipeline,
                                                                                          cache_dir, monkeypatch):
    """`compare --matrix` and `--style`: each document's lemma counts and words made where it is parsed or read from
    the cache (the workers with two jobs); the same matrix and profile as one process gives."""
    import marketingtext as mt
    from marketingtext.tables import comparison

    one = mt.load([RAW], pipeline=pipeline, cache_dir=cache_dir)
    one.tables = None
    expected = one.similarity(), one.style(n_entities=0)
    made_in = [_calls_recorded(monkeypatch, tmp_path, comparison, name) for name in ("document_bag", "style_words")]
    two = mt.load([RAW], pipeline=pipeline, cache_dir=cache_dir, jobs=2)
    two.tables = None
    pd.testing.assert_frame_equal(expected[0], two.similarity())
    assert two.style(n_entities=0) == expected[1] and expected[1]["documents"] == 5 and len(expected[0]) == 10
    for pids in made_in:
        assert len(pids()) == 5 and os.getpid() not in pids()
