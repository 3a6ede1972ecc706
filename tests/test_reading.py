"""Reading files: encodings, normalisation, boilerplate, and bad input as problems, not tracebacks."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from marketingtext.reading.boilerplate import strip_boilerplate
from marketingtext.reading.decode import InputProblem, SourceText, normalize_text, read_source, read_sources

from .conftest import RAW

GERMAN = "Die Kundenorientierung „größer“ – Marketing für Bäcker und Öko-Läden kostet 5 €.\n"


def test_cp1252_bytes_decode_with_quotes_and_euro(tmp_path: Path):
    path = tmp_path / "cp.txt"
    path.write_bytes(GERMAN.encode("cp1252"))
    source = read_source(str(path))
    assert isinstance(source, SourceText)
    assert source.encoding == "cp1252"
    assert "„größer“" in source.text and "€" in source.text


def test_latin1_bytes_decode(tmp_path: Path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Übermäßige Größe der Bäckerei ärgert Kunden.\n".encode("latin-1"))
    source = read_source(str(path))
    assert source.encoding == "latin-1"
    assert source.text.startswith("Übermäßige Größe")


def test_utf8_bom_is_removed(tmp_path: Path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffÄrger über Kund:innen.\r\nZweite Zeile.".encode())
    source = read_source(str(path))
    assert source.encoding == "utf-8-sig"
    assert source.text == "Ärger über Kund:innen.\nZweite Zeile."  # the file's own ending: no line break added


def test_normalisation_removes_invisible_characters_and_ligatures():
    text = "Mar\u00adketing\u200b ist ef\ufb01zient.\r\nA\u0308rger"
    assert normalize_text(text) == "Marketing ist effizient.\nÄrger"


def test_bad_inputs_become_problems(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    good = tmp_path / "good.txt"
    good.write_text("Marketing ist wichtig.\n", encoding="utf-8")
    results = list(read_sources([str(tmp_path / "missing.txt"), str(empty), str(binary), str(good)]))
    problems = [r for r in results if isinstance(r, InputProblem)]
    assert [Path(p.path).name for p in problems] == ["missing.txt", "empty.txt", "image.txt"]
    assert "no such file" in problems[0].message
    assert "empty" in problems[1].message
    assert "binary" in problems[2].message
    assert [r.doc for r in results if isinstance(r, SourceText)] == ["good"]


def test_folder_without_matching_files_is_a_problem(tmp_path: Path):
    (tmp_path / "notes.csv").write_text("a,b\n")
    [problem] = list(read_sources([str(tmp_path)]))
    assert isinstance(problem, InputProblem) and "--glob" in problem.message


def test_seed_boilerplate_is_dropped_and_essay_kept():
    source = read_source(str(next(RAW.glob("004_*.txt"))))
    assert "Schreibe einen Kommentar" not in source.text
    assert "Deine E-Mail-Adresse wird nicht veröffentlicht" not in source.text
    assert "zwei × 4 =" not in source.text
    assert "Winfried Felser" in source.text  # the essay's own paragraphs stay
    assert source.chars_dropped > 500
    header = read_source(str(next(RAW.glob("002_*.txt"))))
    assert "Skip to main content" not in header.text
    assert "search-config" not in header.text
    assert "Ok Boomer." in header.text
    related = read_source(str(next(RAW.glob("000_*.txt"))))
    assert "Mehr zu diesem Thema" not in related.text and "Personal Branding: Tutorium" not in related.text
    assert "Stay tuned." in related.text


def test_every_long_seed_paragraph_survives():
    for path in sorted(RAW.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        kept, _ = strip_boilerplate(text)
        # the first 2 long paragraphs of every essay are essay text, never boilerplate
        long_lines = [line for line in text.splitlines() if len(line) > 300][:2]
        assert long_lines and all(line in kept for line in long_lines), path.name


def test_seeds_are_byte_identical_to_shared_corpus():
    shared = RAW.parents[2] / "shared" / "corpus"
    if not shared.exists():
        shared = RAW.parents[1].parent / "shared" / "corpus"
    if not shared.exists():
        pytest.skip("../shared/corpus is missing (the shared data folder beside the project)")
    shared_files = sorted(shared.glob("*.txt"))
    assert len(shared_files) == len(list(RAW.glob("*.txt"))) == 5
    for path in shared_files:
        assert (RAW / path.name).read_bytes() == path.read_bytes()


def test_control_characters_become_breaks_or_spaces_never_glue_words(tmp_path: Path):
    path = tmp_path / "pdf.txt"
    path.write_bytes("Der Markt\fwächst.\vDie Kundin\u2028kauft\u2029online\x85und\x01gern\x9f.".encode())
    text = read_source(str(path)).text
    assert text.split() == ["Der", "Markt", "wächst.", "Die", "Kundin", "kauft", "online", "und", "gern", "."]
    assert "Markt wächst" in text and "Die Kundin\nkauft\n\nonline" in text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_bom_are_text_not_binary(tmp_path: Path, encoding):
    path = tmp_path / "wide.txt"
    path.write_bytes(GERMAN.encode(encoding))
    source = read_source(str(path))
    assert isinstance(source, SourceText), source
    assert source.encoding == encoding and source.text == GERMAN


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_bom(tmp_path: Path, encoding):
    path = tmp_path / "bom.txt"
    path.write_bytes(GERMAN.encode(encoding))
    source = read_source(str(path))
    assert source.encoding == encoding and source.text == GERMAN


def problems_and_docs(paths) -> tuple[list[tuple[str, str]], list[str]]:
    results = list(read_sources([str(p) for p in paths]))
    problems = [(Path(r.path).name, r.message) for r in results if isinstance(r, InputProblem)]
    return problems, [r.doc for r in results if isinstance(r, SourceText)]


def test_every_skipped_path_in_a_folder_is_a_problem(tmp_path: Path):
    corpus = tmp_path / "korpus"
    corpus.mkdir()
    (corpus / "gut.txt").write_text(GERMAN)
    (corpus / "tot.txt").symlink_to(tmp_path / "gibt-es-nicht.txt")
    (corpus / "kreis.txt").symlink_to(corpus / "kreis.txt")
    (corpus / "ordner.txt").mkdir()
    (corpus / "ordner.txt" / "innen.txt").write_text(GERMAN)
    problems, docs = problems_and_docs([corpus])
    assert docs == ["gut", "innen"]
    reasons = dict(problems)
    assert "loop" in reasons["kreis.txt"]
    assert "broken symbolic link" in reasons["tot.txt"]
    assert "folder named like a text file" in reasons["ordner.txt"]


def test_unlistable_subfolder_is_a_problem(tmp_path: Path, monkeypatch):
    import os

    (tmp_path / "gut.txt").write_text(GERMAN)
    (tmp_path / "geheim").mkdir()
    (tmp_path / "geheim" / "x.txt").write_text(GERMAN)
    real_scandir = os.scandir

    def scandir(path):  # as chmod 000 would do (root ignores chmod, so the test says it directly)
        if Path(path).name == "geheim":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    problems, docs = problems_and_docs([tmp_path])
    assert docs == ["gut"]
    assert problems == [("geheim", "permission denied; cannot list this folder (chmod +rx)")]


def test_symlinked_folder_followed_once_and_loops_stop(tmp_path: Path):
    real = tmp_path / "echt"
    real.mkdir()
    (real / "a.txt").write_text(GERMAN)
    (real / "zurueck").symlink_to(real)  # a loop: echt/zurueck -> echt
    top = tmp_path / "oben"
    top.mkdir()
    (top / "link").symlink_to(real)  # a symlinked folder: followed
    problems, docs = problems_and_docs([top])
    assert docs == ["a"]
    assert [name for name, _ in problems] == ["zurueck"] and "already read" in problems[0][1]
    problems, docs = problems_and_docs([top, real])  # the same folder named twice: read once
    assert docs == ["a"] and [name for name, _ in problems] == ["zurueck", "echt"]


def test_broken_symlink_given_directly_is_a_problem(tmp_path: Path):
    link = tmp_path / "weg.txt"
    link.symlink_to(tmp_path / "nirgends.txt")
    problems, docs = problems_and_docs([link])
    assert docs == [] and "broken symbolic link" in problems[0][1]


class FakeStdin:
    def __init__(self, data: bytes, tty: bool) -> None:
        self.buffer = io.BytesIO(data)
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def test_stdin_on_a_terminal_says_how_to_end_and_twice_is_a_problem(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", FakeStdin(GERMAN.encode(), tty=True))
    results = list(read_sources(["-", "-"]))
    assert isinstance(results[0], SourceText) and results[0].text == GERMAN
    assert isinstance(results[1], InputProblem) and "twice" in results[1].message
    assert "Ctrl-D" in capsys.readouterr().err


def test_stdin_from_a_pipe_is_read_silently(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", FakeStdin(GERMAN.encode(), tty=False))
    assert read_source("-").text == GERMAN
    assert capsys.readouterr().err == ""
