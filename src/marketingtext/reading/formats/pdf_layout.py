"""From positioned PDF text lines to paragraphs: pure functions, no PDF library.

A page is a list of :class:`Line` (text and baseline height, in the order of the text layer).
Running headers and footers, page numbers, line-end hyphenation and paragraph breaks are decided
here, so they can be tested on hand-made lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

from ...language.words import squash_spaces

# A line at the top or bottom of a page that is only a page number: "7", "- 7 -", "Seite 7 von 12", "7/12".
PAGE_NUMBER = re.compile(r"^(?:(?:seite|page|s\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:von|of|/)\s*\d{1,4})?$",
                         re.IGNORECASE)
# How many lines at each edge of a page may be a running header or footer.
EDGE_LINES = 2
# A header/footer repeats (digits ignored) on at least this share of the pages, and on two or more.
REPEAT_SHARE = 0.5
# A vertical step this much larger than the usual line pitch starts a new paragraph.
PARAGRAPH_GAP = 1.4
# A line shorter than this share of a full line that ends a sentence ends its paragraph.
SHORT_LINE = 0.8
SENTENCE_END = re.compile(r"[.!?:…][\"“”»«')\]]*$")
# "Print- und Online-Medien": a hyphen before these words is a German suspended compound, not a line-end split.
CONJUNCTIONS = {"und", "oder", "bzw", "bzw.", "sowie", "als", "wie", "bis", "noch", "u.", "o."}


@dataclass(frozen=True)
class Line:
    text: str
    y: float  # baseline height on the page (PDF units, larger is higher)


def drop_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Remove page numbers and headers/footers that repeat on most pages, from each page's top and bottom."""
    edges = [_edge_indices(page) for page in pages]
    counts: dict[str, int] = {}
    for page, indices in zip(pages, edges, strict=True):
        for key in {_repeat_key(page[i].text) for i in indices}:
            counts[key] = counts.get(key, 0) + 1
    needed = max(2, REPEAT_SHARE * len(pages))
    running = {key for key, n in counts.items() if n >= needed}
    kept_pages = []
    for page, indices in zip(pages, edges, strict=True):
        dropped = {i for i in indices if _repeat_key(page[i].text) in running or PAGE_NUMBER.match(page[i].text)}
        kept_pages.append([line for i, line in enumerate(page) if i not in dropped])
    return kept_pages


def _edge_indices(page: list[Line]) -> set[int]:
    """Indices of the top-most and bottom-most lines (by position, not text order)."""
    by_height = sorted(range(len(page)), key=lambda i: (-page[i].y, i))
    return set(by_height[:EDGE_LINES]) | set(by_height[-EDGE_LINES:])


def _repeat_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def paragraphs(pages: list[list[Line]]) -> str:
    """Join the lines of all pages into paragraphs, one per output line."""
    lines = [line for page in pages for line in page if line.text.strip()]
    if not lines:
        return ""
    pitch = _line_pitch(pages)
    full = _full_line_length(lines)
    page_starts = {id(page[0]) for page in pages if page}
    out = [squash_spaces(lines[0].text)]
    for previous, line in zip(lines, lines[1:], strict=False):
        text = squash_spaces(line.text)
        if _starts_paragraph(previous, line, pitch, full, new_page=id(line) in page_starts):
            out.append(text)
        else:
            out[-1] = join_broken_line(out[-1], text)
    return "\n".join(out)


def _starts_paragraph(previous: Line, line: Line, pitch: float, full: float, new_page: bool) -> bool:
    before = previous.text.strip()
    if len(before) < SHORT_LINE * full and SENTENCE_END.search(before):
        return True
    step = previous.y - line.y
    return not new_page and pitch > 0 and step > PARAGRAPH_GAP * pitch


def _line_pitch(pages: list[list[Line]]) -> float:
    """The usual distance between consecutive lines of a paragraph."""
    steps = [round(a.y - b.y, 1) for page in pages for a, b in zip(page, page[1:], strict=False) if a.y - b.y > 0]
    return median(steps) if steps else 0.0


def _full_line_length(lines: list[Line]) -> float:
    """The length of a full line of body text: the 80th percentile of line lengths."""
    lengths = sorted(len(line.text.strip()) for line in lines)
    return lengths[int(0.8 * (len(lengths) - 1))]


def join_broken_line(head: str, tail: str) -> str:
    """Join two lines of one paragraph, undoing line-end hyphenation.

    "Kun-" + "den" -> "Kunden"; "Online-" + "Marketing" -> "Online-Marketing" (a hyphen before a
    capital or digit is part of the word); "Print-" + "und Online" -> "Print- und Online".
    """
    if len(head) >= 2 and head.endswith("-") and head[-2].isalpha() and tail:
        first_word = tail.split()[0]
        if first_word.lower() in CONJUNCTIONS:
            return f"{head} {tail}"
        if tail[0].islower():
            return head[:-1] + tail
        return head + tail
    return f"{head} {tail}"
