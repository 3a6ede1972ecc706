"""Which PDF text layer keeps German word spacing best? pypdf vs pdfplumber vs pdfminer.six.

Data: the five essays in data/raw (the project's seed texts, not a benchmark split; a dev set), typeset
two ways with fpdf2 and DejaVuSans: "words" = tests/format_writers.write_pdf (justified lines placed word
by word without space glyphs, as pdfTeX does, hyphenated at line ends), "multi_cell" = fpdf2's own
justified paragraphs (spaces as glyphs, word gaps widened).
Each library's raw text layer is split into words after a plain line-end rejoin ("-\\n" before a
lowercase letter); a word counts as wrong when it is not in the source's word set (glued or split words,
lost umlauts). Also timed. Run: PYTHONPATH=src python bench/pdf_spacing.py
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.format_writers import essay_lines, write_pdf, write_pdf_multi_cell  # noqa: E402


def pypdf_text(path: Path) -> str:
    import pypdf

    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)


def pdfplumber_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def pdfminer_text(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def words(text: str) -> list[str]:
    return re.sub(r"(?<=[a-zäöüß])-\n(?=[a-zäöüß])", "", text).split()


def main() -> None:
    essays = sorted((ROOT / "data" / "raw").glob("*.txt"))
    for layout in ("words", "multi_cell"):
        with tempfile.TemporaryDirectory() as tmp:
            if layout == "words":
                pdfs = [write_pdf(essay_lines(e), Path(tmp) / f"{e.stem}.pdf", header=None, page_numbers=False)
                        for e in essays]
            else:
                pdfs = [write_pdf_multi_cell(essay_lines(e), Path(tmp) / f"{e.stem}.pdf") for e in essays]
            compare(layout, essays, pdfs)


def compare(layout: str, essays: list[Path], pdfs: list[Path]) -> None:
    readers = {"pypdf": pypdf_text, "pdfplumber": pdfplumber_text, "pdfminer.six": pdfminer_text}
    sources = [set(" ".join(essay_lines(e)).split()) for e in essays]
    total = sum(len(" ".join(essay_lines(e)).split()) for e in essays)
    print(f"layout {layout}: {len(essays)} essays, {total} source words")
    print(f"{'library':14} {'words':>7} {'wrong':>6} {'wrong %':>8} {'seconds':>8}")
    for name, read in readers.items():
        start = time.perf_counter()
        texts = [read(p) for p in pdfs]
        seconds = time.perf_counter() - start
        found = [words(t) for t in texts]
        wrong = sum(w not in vocab for ws, vocab in zip(found, sources, strict=True) for w in ws)
        n = sum(map(len, found))
        print(f"{name:14} {n:7d} {wrong:6d} {100 * wrong / n:8.2f} {seconds:8.2f}")


if __name__ == "__main__":
    main()
