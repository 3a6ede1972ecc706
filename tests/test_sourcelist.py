"""Streamed sources: texts read when their turn comes, one at a time; a changed file is an error."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from marketingtext.reading.decode import SourceText
from marketingtext.reading.sourcelist import SourceChanged, scan_sources, source_key

SATZ = "Der Markt für Bio-Brot wächst, sagt die Bäckerin {n}.\n"


def corpus(tmp_path: Path, count: int = 3) -> Path:
    for n in range(count):
        (tmp_path / f"t{n}.txt").write_text(SATZ.format(n=n), encoding="utf-8")
    return tmp_path


def test_scan_keeps_no_text_and_iteration_reads_again(tmp_path: Path):
    sources, problems = scan_sources([str(corpus(tmp_path))], ["*.txt"], keep_chars=0)
    assert problems == [] and len(sources) == 3 and sources.docs == ["t0", "t1", "t2"]
    assert all(ref.kept is None for ref in sources.refs)  # nothing but paths and digests held
    assert [s.text for s in sources] == [SATZ.format(n=n) for n in range(3)]
    assert [s.text for s in sources] == [SATZ.format(n=n) for n in range(3)]  # re-iterable
    assert sources.digests == [source_key(s) for s in sources]
    assert [s.doc for s in sources[1:]] == ["t1", "t2"] and sources[2].doc == "t2"


def test_iteration_holds_one_text_at_a_time(tmp_path: Path):
    import gc
    import weakref

    sources, _ = scan_sources([str(corpus(tmp_path, 4))], ["*.txt"], keep_chars=0)
    alive = []
    for source in sources:
        alive.append(weakref.ref(source))
        gc.collect()
        assert sum(ref() is not None for ref in alive) == 1  # the earlier ones are gone


def test_a_file_changed_during_the_run_is_an_error(tmp_path: Path):
    sources, _ = scan_sources([str(corpus(tmp_path))], ["*.txt"], keep_chars=0)
    (tmp_path / "t1.txt").write_text("Ganz anderer Text.\n", encoding="utf-8")
    with pytest.raises(SourceChanged, match="t1.txt: changed"):
        list(sources)
    (tmp_path / "t1.txt").unlink()
    with pytest.raises(SourceChanged, match="No such file.*readable when the run started"):
        list(sources)


def test_plain_texts_are_kept_from_the_scan_up_to_a_budget(tmp_path: Path):
    """Texts kept while they fit in ``keep_chars`` are not read again (a changed file is then analysed as scanned,
    matching its key); the rest are read when their turn comes."""
    budget = 2 * len(SATZ.format(n=0))
    sources, _ = scan_sources([str(corpus(tmp_path))], ["*.txt"], keep_chars=budget)
    assert [ref.kept is not None for ref in sources.refs] == [True, True, False]
    for n in range(3):
        (tmp_path / f"t{n}.txt").write_text("Ganz anderer Text.\n", encoding="utf-8")
    assert [s.text for s in sources[:2]] == [SATZ.format(n=n) for n in range(2)]
    with pytest.raises(SourceChanged, match="t2.txt: changed"):
        list(sources)


def test_stdin_is_kept_because_it_cannot_be_read_twice(tmp_path: Path, monkeypatch):
    class Pipe:
        buffer = io.BytesIO(SATZ.format(n=9).encode())

        def isatty(self):
            return False

    monkeypatch.setattr(sys, "stdin", Pipe())
    sources, _ = scan_sources(["-"], ["*.txt"])
    assert [s.text for s in sources] * 2 == [SATZ.format(n=9)] * 2
    assert isinstance(sources[0], SourceText) and sources[0].doc == "stdin"


def test_fields_come_from_the_scan_without_reading_a_file_again(tmp_path: Path):
    """Naming documents by title (terminal reports) and grouping by a field read no file: the scan recorded
    each document's title, author and date (a changed or deleted file would otherwise be an error here)."""
    page = ("Marketing oder Markt machen?\nVon Anna Berger\n\n"
            "Die Kundenorientierung prägt das Marketing der Bäckerei Müller in Köln seit vielen Jahren, und sie wird "
            "im Gespräch mit den Kunden jeden Tag neu verhandelt.\n")
    (tmp_path / "essay.txt").write_text(page, encoding="utf-8")
    sources, _ = scan_sources([str(tmp_path)], ["*.txt"])
    (tmp_path / "essay.txt").unlink()
    assert sources.fields() == [{"doc": "essay", "path": str(tmp_path / "essay.txt"), "format": "txt",
                                 "title": "Marketing oder Markt machen?", "author": "Anna Berger", "date": ""}]


def test_the_repeated_line_count_reads_texts_as_the_real_reading_does(tmp_path: Path):
    """corpus_repeated_lines reads plain files without the metadata search: the same text as read_source gives
    with --keep-boilerplate (cp1252, no final newline, CRLF, a headline and byline, an empty and a binary file)."""
    from marketingtext.reading.decode import _plain_text, read_source

    menu = "Startseite\r\nÜber uns\r\nKontakt\r\n"
    (tmp_path / "a.txt").write_bytes((menu + "Preise für Brötchen\r\nVon Anna Berger\r\n\r\n" + SATZ).encode("cp1252"))
    (tmp_path / "b.txt").write_text(menu.replace("\r\n", "\n") + SATZ.format(n=2).rstrip("\n"), encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / "d.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    for path in sorted(tmp_path.iterdir()):
        source = read_source(str(path), keep_boilerplate=True)
        assert _plain_text(str(path)) == (source.text if isinstance(source, SourceText) else None), path.name


def test_reading_in_several_processes_gives_the_same_sources_in_order(tmp_path: Path):
    """``jobs=2`` reads files in a pool (the scan is a run's serial part): the same documents, texts, problems and
    dropped boilerplate (the menu all pages share), in the same order, duplicate stems renamed as one by one."""
    menu = "Startseite\nÜber uns\nKontakt\n"
    for n in range(4):
        body = f"Preise für Brötchen {n}\nVon Anna Berger\n\n{menu}{SATZ.format(n=n)}"
        (tmp_path / f"t{n}.txt").write_bytes(body.encode("cp1252" if n == 2 else "utf-8"))
    (tmp_path / "leer.txt").write_bytes(b"")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "t1.txt").write_text(menu + SATZ.format(n=7), encoding="utf-8")

    def scanned(jobs: int):
        sources, problems = scan_sources([str(tmp_path)], ["*.txt"], jobs=jobs)
        return [(s.doc, s.text, s.title, s.author, s.encoding, s.boilerplate_lines) for s in sources], problems

    one_by_one, in_pool = scanned(1), scanned(2)
    assert in_pool == one_by_one
    docs = [doc for doc, *_ in in_pool[0]]
    assert docs == ["t1", "t0", "t1~2", "t2", "t3"]  # the walk's order: a folder's subfolders first
    assert [p.path for p in in_pool[1]] == [str(tmp_path / "leer.txt")]
    assert in_pool[0][1][1].startswith("Preise für Brötchen 0\n") and "Startseite" in in_pool[0][1][5]


def test_meanwhile_runs_while_the_workers_read(tmp_path: Path):
    """corpus.load imports spaCy and loads the pipeline while other processes read the files: ``meanwhile`` is
    called once, with the workers already started (forked before it loads anything), or before reading alone."""
    import multiprocessing

    corpus(tmp_path, 3)
    seen = []

    def workers_now() -> None:
        seen.append(len(multiprocessing.active_children()))

    scan_sources([str(tmp_path)], ["*.txt"], jobs=2, meanwhile=workers_now)
    scan_sources([str(tmp_path)], ["*.txt"], jobs=1, meanwhile=workers_now)
    assert seen == [2, 0]


def test_spacy_is_imported_only_when_the_pipeline_loads():
    """The CLI and the corpus module import no spaCy (about a second), nor does reading a page (the stop words are
    read from spaCy's file): a run imports it while its files are read, and processes that read import none. Nor do
    the modules `mtext entities` and `mtext analyze` import before reading (the entity table, the terminal reports,
    passive voice) or the gazetteer they check first."""
    import subprocess

    essay = sorted((Path(__file__).resolve().parents[1] / "data" / "raw").glob("*.txt"))[0]
    code = ("import sys, marketingtext.cli, marketingtext.corpus\n"
            "import marketingtext.entities.table, marketingtext.output.terminal, marketingtext.tables.sentences\n"
            "marketingtext.entities.table.load_gazetteer(())\n"
            "from marketingtext.reading.decode import read_source\n"
            f"source = read_source({str(essay)!r})\n"
            "print(len(source.text) > 1000, 'spacy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "False"]
