"""Writers for the format tests: real .docx, .odt, .pdf, .html and .rtf files built from paragraphs.

Test-only code (python-docx, odfpy, fpdf2 are dev dependencies). The PDF writer sets its own lines:
justified, hyphenated with pyphen at line ends ("Kun-/den"), broken after a hyphen before a capital
("Online-/Marketing"), with a running header and a page-number footer on every page, so that the
PDF reader's rejoining and header/footer removal are exercised on the essays themselves.
"""

from __future__ import annotations

from pathlib import Path

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
)
RUNNING_HEADER = "Marketing im Wandel – Arbeitspapier 2024"


def ttf_font() -> Path:
    """A TTF with German umlauts: matplotlib's DejaVuSans (dev extra), else Debian's fonts-dejavu-core."""
    try:
        import matplotlib

        bundled = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
        if bundled.is_file():
            return bundled
    except ImportError:
        pass
    for candidate in map(Path, FONT_CANDIDATES):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("no DejaVuSans.ttf found (install matplotlib or fonts-dejavu-core)")


def write_docx(paragraphs: list[str], path: Path, *, heading: str | None = None) -> Path:
    """A Word file: optional heading, then one paragraph each."""
    import docx

    document = docx.Document()
    if heading:
        document.add_heading(heading, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(path)
    return path


def write_odt(paragraphs: list[str], path: Path, *, heading: str | None = None) -> Path:
    """An OpenDocument text: optional heading, then one paragraph each."""
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    if heading:
        document.text.addElement(H(outlinelevel=1, text=heading))
    for paragraph in paragraphs:
        document.text.addElement(P(text=paragraph))
    document.save(str(path))
    return path


def write_html(paragraphs: list[str], path: Path, *, heading: str | None = None, title: str = "Beispiel-Blog") -> Path:
    """A blog page: navigation, cookie banner, the essay as an article, a comment section and a footer."""
    from html import escape

    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs if p.strip())
    h1 = f"<h1>{escape(heading)}</h1>" if heading else ""
    page = f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{escape(title)}</title></head><body>
<header><nav><ul><li><a href="/">Startseite</a></li><li><a href="/blog">Blog</a></li>
<li><a href="/ueber-uns">Über uns</a></li><li><a href="/kontakt">Kontakt</a></li></ul></nav></header>
<div class="cookie-banner" id="cookie-consent"><p>Wir verwenden Cookies, um Ihnen das beste Nutzungserlebnis
zu bieten. Mit „Alle akzeptieren“ stimmen Sie der Verwendung zu.</p><button>Alle akzeptieren</button>
<button>Ablehnen</button></div>
<main><article>{h1}
{body}
</article>
<section id="comments" class="comments"><h3>3 Kommentare</h3>
<div class="comment"><p class="author">Sabine K.</p><p>Toller Beitrag, vielen Dank! Ich sehe das ganz ähnlich,
besonders beim Thema Vernetzung der Kanäle.</p></div>
<div class="comment"><p class="author">Thomas</p><p>Das überzeugt mich nicht. Marketing bleibt Marketing und wird
nicht moderner, nur weil man eine Versionsnummer daranhängt.</p></div>
<form class="comment-form"><p>Schreibe einen Kommentar</p><textarea name="comment"></textarea>
<button>Kommentar abschicken</button></form></section></main>
<aside class="sidebar"><h3>Beliebte Beiträge</h3><ul><li><a href="/a">Zehn Tipps für Ihren Newsletter</a></li>
<li><a href="/b">Warum Storytelling wirkt</a></li></ul></aside>
<footer><p>© 2024 Beispiel-Blog · <a href="/impressum">Impressum</a> · <a href="/datenschutz">Datenschutz</a></p>
</footer></body></html>
"""
    path.write_text(page, encoding="utf-8")
    return path


def write_rtf(paragraphs: list[str], path: Path) -> Path:
    """An RTF file; non-ASCII characters as \\uN? escapes, as word processors write them."""
    def escaped(text: str) -> str:
        out = []
        for char in text:
            if char in "\\{}":
                out.append("\\" + char)
            elif ord(char) < 128:
                out.append(char)
            else:
                code = ord(char)
                out.append(f"\\u{code if code < 32768 else code - 65536}?")
        return "".join(out)

    body = "\n".join(f"\\pard {escaped(p)}\\par" for p in paragraphs)
    path.write_text("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\n" + body + "\n}", encoding="ascii")
    return path


class _PdfSetter:
    """Lays out paragraphs on A4 pages with fpdf2: justified, hyphenated lines, header and footer."""

    margin, line_height, paragraph_gap, font_size = 25.0, 5.6, 3.0, 11

    def __init__(self, header: str | None, page_numbers: bool):
        import pyphen
        from fpdf import FPDF

        self.pdf = FPDF(format="A4", unit="mm")
        self.pdf.set_auto_page_break(False)
        self.pdf.add_font("DejaVu", fname=str(ttf_font()))
        self.pdf.set_font("DejaVu", size=self.font_size)
        self.hyphenator = pyphen.Pyphen(lang="de_DE")
        self.header, self.page_numbers = header, page_numbers
        self.width = self.pdf.w - 2 * self.margin
        self.bottom = self.pdf.h - self.margin
        self.y = self.bottom  # forces a first page

    def new_page(self) -> None:
        self.pdf.add_page()
        page = self.pdf.page_no()
        self.pdf.set_font_size(9)
        if self.header:
            self.pdf.set_xy(self.margin, 12)
            self.pdf.cell(self.width, 5, self.header, align="C")
        if self.page_numbers:
            self.pdf.set_xy(self.margin, self.pdf.h - 15)
            self.pdf.cell(self.width, 5, f"Seite {page}", align="C")
        self.pdf.set_font_size(self.font_size)
        self.y = self.margin

    def write_line(self, text: str, justify: bool) -> None:
        if self.y + self.line_height > self.bottom:
            self.new_page()
        baseline = self.y + self.line_height * 0.75
        words = text.split(" ")
        if not justify or len(words) == 1:
            self.pdf.text(self.margin, baseline, text)
        else:  # word by word, as typesetting programs place justified lines
            widths = [self.pdf.get_string_width(w) for w in words]
            gap = (self.width - sum(widths)) / (len(words) - 1)
            x = self.margin
            for word, width in zip(words, widths, strict=True):
                self.pdf.text(x, baseline, word)
                x += width + gap
        self.y += self.line_height

    def write_paragraph(self, paragraph: str) -> None:
        lines = self.break_lines(paragraph.split())
        for i, line in enumerate(lines):
            self.write_line(line, justify=i < len(lines) - 1)
        self.y += self.paragraph_gap

    def break_lines(self, words: list[str]) -> list[str]:
        lines: list[str] = []
        current = ""
        queue = list(words)
        while queue:
            word = queue.pop(0)
            candidate = f"{current} {word}" if current else word
            if self.fits(candidate):
                current = candidate
                continue
            split = self.split_word(word, self.width - self.pdf.get_string_width(current + " ")) if current else None
            if split:
                lines.append(f"{current} {split[0]}")
                queue.insert(0, split[1])
                current = ""
            elif current:
                lines.append(current)
                queue.insert(0, word)
                current = ""
            else:  # a single word wider than the line: it overflows, as in a word processor
                lines.append(word)
        if current:
            lines.append(current)
        return lines

    def fits(self, text: str) -> bool:
        return self.pdf.get_string_width(text) <= self.width

    def split_word(self, word: str, room: float) -> tuple[str, str] | None:
        """The longest head of ``word`` ending in a hyphen that fits ``room``, and the rest."""
        heads = [(word[: i + 1], word[i + 1:]) for i, c in enumerate(word[:-1])
                 if c == "-" and i > 0 and word[i - 1].isalpha() and word[i + 1].isupper()]
        core = word.rstrip(".,;:!?“”\"')")
        if core.isalpha() and "-" not in word:
            heads += [(left + "-", right + word[len(core):]) for left, right in self.hyphenator.iterate(core)
                      if len(left) >= 2 and len(right) >= 2 and right[0].islower()]
        fitting = [(h, r) for h, r in heads if self.pdf.get_string_width(h) <= room]
        return max(fitting, key=lambda hr: len(hr[0])) if fitting else None


def write_pdf(paragraphs: list[str], path: Path, *, header: str | None = RUNNING_HEADER,
              page_numbers: bool = True) -> Path:
    """A PDF with a text layer (embedded DejaVuSans), justified and hyphenated like a typeset paper."""
    setter = _PdfSetter(header, page_numbers)
    for paragraph in paragraphs:
        if paragraph.strip():
            setter.write_paragraph(paragraph)
    setter.pdf.output(str(path))
    return path


def write_pdf_multi_cell(lines: list[str], path: Path) -> Path:
    """A PDF as fpdf2 sets justified paragraphs itself: space glyphs, widened gaps, no hyphenation."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("DejaVu", fname=str(ttf_font()))
    pdf.set_font("DejaVu", size=11)
    for line in filter(str.strip, lines):
        pdf.multi_cell(0, 5.6, line, align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(path))
    return path


def essay_lines(path: Path) -> list[str]:
    """The lines of an essay .txt file: its paragraphs, with empty ones where it has blank lines."""
    return path.read_text(encoding="utf-8").rstrip("\n").split("\n")


WRITERS = {"docx": write_docx, "odt": write_odt, "pdf": write_pdf, "html": write_html, "rtf": write_rtf}
# Two German sentences for tests that need a small, quick document.
SHORT = ["Die Kundenorientierung prägt das Marketing der Bäckerei Müller in Köln.",
         "Größere Märkte verlangen eine genaue Analyse der Zielgruppen und ihrer Bedürfnisse."]


def squashed(text: str) -> str:
    """Whitespace runs as one space: texts compared without their line layout."""
    return " ".join(text.split())
