"""Reading files: encodings, normalisation, boilerplate, and bad input as problems, not tracebacks."""

from __future__ import annotations

from pathlib import Path

from marketingtext.boilerplate import strip_boilerplate
from marketingtext.reading import InputProblem, SourceText, normalize_text, read_source, read_sources

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
    assert source.text == "Ärger über Kund:innen.\nZweite Zeile.\n"


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
    for path in shared.glob("*.txt"):
        assert (RAW / path.name).read_bytes() == path.read_bytes()
