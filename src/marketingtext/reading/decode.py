"""Reading input files: paths to decoded, normalised, boilerplate-free texts.

One job: turn the paths given into :class:`SourceText` values (or one-line problems), one file at a time.

Every command reads through :func:`read_sources`. Problems with single files never raise:
they come back as :class:`InputProblem` values, one line each, so the caller can report
them and carry on with the other files.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .boilerplate import LineCounter, remove_boilerplate
from .formats import FORMAT_GLOBS, FormatError, format_of
from .lines import line_key
from .metadata import Found, merge_metadata
from .walking import InputProblem, walk_folder

DEFAULT_GLOBS = ("*.txt", "*.md", *FORMAT_GLOBS)
STDIN = "-"
BINARY_SNIFF_BYTES = 8192

# Characters that carry no text: soft hyphen, zero-width space/joiners, word joiner, BOM.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
# Typographic ligatures (as copied from PDFs) and look-alike characters unfolded to plain text.
_UNFOLD = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st", "\u2011": "-", "\u00a0": " ", "\u202f": " ",
}
# Control and separator characters are never deleted (that would glue "Markt<FF>wächst" into one
# word): line and paragraph separators become line breaks, every other C0/C1 control a space. A form
# feed (a PDF's page break, often in mid-sentence) is a space, so that it does not cut a sentence.
_BREAKS = {"\x0b": "\n", "\x1c": "\n", "\x1d": "\n", "\x1e": "\n", "\x85": "\n",
           "\u2028": "\n", "\u2029": "\n\n"}
_CONTROLS = {code: " " for code in [*range(0x00, 0x09), 0x0c, *range(0x0e, 0x20), *range(0x7f, 0xa0)]
             if chr(code) not in _BREAKS}
_UNFOLD_TABLE = {**_INVISIBLE, **str.maketrans(_UNFOLD), **str.maketrans(_BREAKS), **_CONTROLS}


@dataclass(frozen=True)
class SourceText:
    """One input document, decoded and cleaned, ready for the pipeline."""

    doc: str  # file stem, or "stdin"
    path: str
    text: str  # normalised text; every character offset in mtext's tables refers to it
    encoding: str
    chars_raw: int  # characters after decoding and normalisation, before boilerplate removal
    chars_dropped: int  # characters removed as web boilerplate
    boilerplate_classes: tuple[str, ...] = ()  # why each of boilerplate_lines was dropped (boilerplate.py's classes)
    boilerplate_lines: tuple[str, ...] = ()
    format: str = "txt"  # txt, md, docx, odt, pdf, html, rtf
    pages: int | None = None  # PDF only
    title: str = ""  # the document's title (its format's metadata, else a headline line of the text)
    author: str = ""  # its author (format metadata or a byline of the text)
    date: str = ""  # its date, yyyy-mm-dd (format metadata or a date line of the text)


def normalize_text(text: str) -> str:
    """NFC, unified line ends, invisible characters removed, ligatures unfolded, control and separator
    characters turned into line breaks (vertical tab, U+2028/2029, NEL) or spaces (form feed and the rest)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text.translate(_UNFOLD_TABLE))


def decode_bytes(data: bytes) -> tuple[str, str] | None:
    """Decode German text bytes; returns (text, encoding name) or None when it is not text.

    UTF-8 (with or without BOM) is tried first and strictly: German in cp1252/latin-1 is
    almost never valid UTF-8. Otherwise bytes 0x80-0x9F decide between cp1252 (where they
    are „“–€…) and latin-1 (where they are unused control codes); charset-normalizer judges
    anything else (UTF-16, other code pages).
    """
    for bom, encoding, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), name
            except UnicodeDecodeError:
                return None
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        return _decode_wide(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_like_latin_text(data):
        if any(0x80 <= b <= 0x9F for b in data):
            try:
                return data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                pass  # 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in cp1252
        else:
            return data.decode("latin-1"), "latin-1"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    return str(best), best.encoding


# (byte order mark, codec, the name mtext reports); UTF-32's marks first: they begin like UTF-16's.
_BOMS = ((b"\xef\xbb\xbf", "utf-8", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),
         (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"), (b"\xff\xfe", "utf-16-le", "utf-16"),
         (b"\xfe\xff", "utf-16-be", "utf-16"))


def _decode_wide(data: bytes) -> tuple[str, str] | None:
    """UTF-16 or UTF-32 without a BOM, told apart by where the zero bytes fall; None for binary data.

    Text in a Latin script has a zero in every other byte (UTF-16) or in three of four (UTF-32);
    the decoded text must then consist of printable characters and line breaks.
    """
    sample = data[:BINARY_SNIFF_BYTES - BINARY_SNIFF_BYTES % 4]
    share = [sample[i::4].count(0) / max(len(sample[i::4]), 1) for i in range(4)]
    candidates = []
    if min(share[1:]) > 0.9 and share[0] < 0.1:
        candidates.append("utf-32-le")
    if min(share[:3]) > 0.9 and share[3] < 0.1:
        candidates.append("utf-32-be")
    odd, even = (share[1] + share[3]) / 2, (share[0] + share[2]) / 2
    if odd > 0.5 and even < 0.1:
        candidates.append("utf-16-le")
    if even > 0.5 and odd < 0.1:
        candidates.append("utf-16-be")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample_text = text[:BINARY_SNIFF_BYTES]
        controls = sum(unicodedata.category(c) == "Cc" and c not in "\n\r\t\x0b\x0c" for c in sample_text)
        if controls <= len(sample_text) // 100:
            return text, encoding
    return None


def _looks_like_latin_text(data: bytes) -> bool:
    """True when the non-ASCII bytes are mostly German letters in latin-1/cp1252 (äöüÄÖÜß…)."""
    high = [b for b in data if b >= 0x80]
    if not high:
        return True
    german = set(b"\xe4\xf6\xfc\xc4\xd6\xdc\xdf\xe9\xe8\xe0\x84\x93\x94\x96\x97\x85\x80\xab\xbb\xb7\xb0\xa7")
    return sum(b in german for b in high) / len(high) >= 0.6


def find_files(paths: Iterable[str], globs: Iterable[str] = DEFAULT_GLOBS) -> Iterator[str | InputProblem]:
    """Expand files and folders (recursively, by ``globs``) in a stable order; ``-`` is stdin.

    Every path passed over is a problem (see :mod:`marketingtext.reading.walking`); a folder reached twice
    (named twice, or through a symbolic link) is read once, and ``-`` is read once.
    """
    globs = tuple(globs)
    seen_folders: set[str] = set()
    stdin_given = False
    for raw in paths:
        if raw == STDIN:
            if stdin_given:
                yield InputProblem(raw, "stdin given twice; it can be read only once, give - once")
            else:
                stdin_given = True
                yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            said = 0  # files found or skips reported: either way the folder needs no other line
            for item in walk_folder(path, globs, seen_folders):
                if isinstance(item, str) and _is_side_file(Path(item)):
                    continue  # not a document (Word's lock file, a saved page's frames): left out by design
                said += 1
                yield item
            if not said:
                yield InputProblem(raw, f"no files matching {', '.join(globs)} in this folder; "
                                        "pass --glob to choose other files")
        elif path.is_file():
            yield str(path)
        elif path.is_symlink():
            yield InputProblem(raw, "broken symbolic link or link loop; check where it points")
        elif path.exists():
            yield InputProblem(raw, "not a regular file; pass a text file or a folder")
        else:
            yield InputProblem(raw, "no such file or folder; check the path")


def _is_side_file(path: Path) -> bool:
    """Files that come with documents but are none: Word's owner files (``~$name.docx``) next to open
    documents, and the frames and ads a browser stores in ``name_files/`` when it saves ``name.html``."""
    if path.name.startswith("~$"):
        return True
    return any(folder.name.endswith("_files") and any(
        folder.with_name(folder.name[: -len("_files")] + suffix).is_file() for suffix in (".html", ".htm"))
        for folder in path.parents)


def read_source(path: str, keep_boilerplate: bool = False, tables: bool = True,
                repeated: frozenset[str] = frozenset()) -> SourceText | InputProblem:
    """Read, decode (or extract: docx, odt, pdf, html, rtf), normalise and clean one file (or stdin for ``-``).

    ``tables=False`` leaves out the text of table cells in .docx, .odt and web pages. ``repeated``: the lines
    that other documents of the corpus have too (:func:`corpus_repeated_lines`), boilerplate unless among prose.
    """
    fmt = "txt" if path == STDIN else format_of(path) or Path(path).suffix.lower().lstrip(".") or "txt"
    if path == STDIN and sys.stdin.isatty():
        print("mtext: reading text typed here; end it with Ctrl-D on a line of its own (Ctrl-Z Enter on "
              "Windows)", file=sys.stderr, flush=True)
    try:
        if path != STDIN and format_of(path):
            extracted = _extract(path, keep_boilerplate, tables)
            if isinstance(extracted, InputProblem):
                return extracted
            # a final line break as text files have, so that chars_dropped counts only what was dropped
            raw_text, encoding = extracted.text.rstrip("\n") + "\n", ""
            pages = extracted.pages
            found = Found(fmt, *(normalize_text(value).strip()
                                 for value in (extracted.title, extracted.author, extracted.date)))
        else:
            data = sys.stdin.buffer.read() if path == STDIN else Path(path).read_bytes()
            if not data or data.isspace():  # (no stripped copies: a file may be hundreds of MB)
                return InputProblem(path, "empty file; nothing to analyse")
            decoded = decode_bytes(data)
            del data
            if decoded is None:
                return InputProblem(path, "binary or undecodable file; convert it to UTF-8 text first")
            (raw_text, encoding), pages, found = decoded, None, Found(fmt)
            del decoded
    except PermissionError:
        return InputProblem(path, "permission denied; make the file readable (chmod +r)")
    except OSError as exc:
        return InputProblem(path, f"cannot be read ({exc.strerror or exc}); check the file")
    text = normalize_text(raw_text)
    del raw_text
    if not text or text.isspace():
        return InputProblem(path, "no text after decoding; nothing to analyse")
    # title, byline and date lines are metadata, not prose: out of the text, listed with the dropped lines
    meta, body = merge_metadata(text, found, keep_lines=keep_boilerplate,
                                skip=(lambda line: line_key(line) in repeated) if repeated else None)
    taken = () if body == text else tuple(text.split("\n")[i].strip() for i in meta.lines)
    kept, dropped, classes = (body, (), ()) if keep_boilerplate else _without_boilerplate(body, repeated)
    dropped, classes = (*taken, *dropped), (*("metadata",) * len(taken), *classes)
    if not kept or kept.isspace():
        return InputProblem(path, "only web boilerplate found; use --keep-boilerplate to analyse it anyway")
    return SourceText(
        doc="stdin" if path == STDIN else Path(path).stem,
        path=path,
        text=kept,
        encoding=encoding,
        chars_raw=len(text),
        chars_dropped=len(text) - len(kept),
        boilerplate_classes=classes,
        boilerplate_lines=tuple(dropped),
        format=fmt,
        pages=pages,
        title=meta.title, author=meta.author, date=meta.date,
    )


def _without_boilerplate(text: str, repeated: frozenset[str]) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(kept text, dropped lines, the class of each) as boilerplate.remove_boilerplate judges them."""
    cleaned = remove_boilerplate(text, repeated)
    return cleaned.text, tuple(line for _, line in cleaned.dropped), tuple(cls for cls, _ in cleaned.dropped)


def corpus_repeated_lines(paths: Iterable[str], globs: Iterable[str] = DEFAULT_GLOBS) -> frozenset[str]:
    """The short lines that several plain-text documents under ``paths`` share (a site's menu on each of its pages).

    Reads the .txt/.md files once more before the real reading (extracted formats and stdin are left out: their
    second reading would cost too much or is impossible); files that cannot be read are skipped here and reported
    by the real reading.
    """
    counter = LineCounter()
    files = 0
    for item in find_files(paths, globs):
        if isinstance(item, str) and item != STDIN and not format_of(item):
            text = _plain_text(item)
            if text is not None:
                counter.add(text)
                files += 1
    return counter.repeated() if files > 1 else frozenset()


def _plain_text(path: str) -> str | None:
    """A plain-text file's text as ``read_source(path, keep_boilerplate=True)`` gives it (decoded and normalised,
    no line taken out), without its metadata search; None where read_source reports a problem."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    decoded = None if not data or data.isspace() else decode_bytes(data)
    del data
    text = normalize_text(decoded[0]) if decoded is not None else ""
    return text if text and not text.isspace() else None


def _extract(path: str, keep_boilerplate: bool, tables: bool):
    """A document format's text (formats.extract), or the problem as one line."""
    from .formats import extract

    if Path(path).stat().st_size == 0:
        return InputProblem(path, "empty file; nothing to analyse")
    try:
        return extract(path, keep_boilerplate=keep_boilerplate, tables=tables)
    except FormatError as exc:
        return InputProblem(path, str(exc))
    except OSError:  # permission and I/O errors: read_source says them as for text files
        raise
    except Exception as exc:  # a library's unforeseen error on a malformed file: one line, not a traceback
        return InputProblem(path, f"cannot be read as {format_of(path)} ({exc.__class__.__name__}); "
                                  "open it and save it again")


def read_sources(
    paths: Iterable[str], globs: Iterable[str] = DEFAULT_GLOBS, keep_boilerplate: bool = False, tables: bool = True,
    repeated: frozenset[str] | None = None, jobs: int = 1, meanwhile: Callable[[], None] | None = None,
) -> Iterator[SourceText | InputProblem]:
    """Yield every readable document under ``paths``, or a problem for each that is not, in order.

    Documents whose stem repeats get ``stem~2``, ``stem~3`` so that ``doc`` stays a key. ``repeated``: lines shared
    across the corpus (None: counted here with :func:`corpus_repeated_lines`). ``jobs`` > 1: files are read in that
    many processes (decoding, metadata and boilerplate rules cost about 30 ms a page: a run's serial part), and
    ``meanwhile()`` is called while they read (without them: before the first file is read).
    """
    paths, globs = list(paths), tuple(globs)
    if repeated is None:
        repeated = frozenset() if keep_boilerplate else corpus_repeated_lines(paths, globs)
    seen: dict[str, int] = {}
    for result in _read_each(find_files(paths, globs), jobs, keep_boilerplate, tables, repeated, meanwhile):
        if isinstance(result, SourceText):
            seen[result.doc] = seen.get(result.doc, 0) + 1
            if seen[result.doc] > 1:
                result = _renamed(result, f"{result.doc}~{seen[result.doc]}")
        yield result


def _read_each(items: Iterable[str | InputProblem], jobs: int, keep_boilerplate: bool, tables: bool,
               repeated: frozenset[str], meanwhile=None) -> Iterator[SourceText | InputProblem]:
    """:func:`read_source` of each file (a problem passes through), in order; with ``jobs`` > 1 and several files,
    in a pool of processes (stdin is read here: only this process has it), ``meanwhile()`` called here as they read.
    """
    items = list(items) if jobs > 1 else items
    files = [item for item in items if isinstance(item, str) and item != STDIN] if jobs > 1 else []
    if len(files) < 2:
        if meanwhile is not None:
            meanwhile()
        for item in items:
            yield item if isinstance(item, InputProblem) else read_source(item, keep_boilerplate, tables, repeated)
        return
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    # the options go to each worker once (a corpus's repeated lines may be thousands), not with every file
    options = (keep_boilerplate, tables, repeated)
    with multiprocessing.get_context(method).Pool(min(jobs, len(files)), _init_reader, options) as pool:
        read_files = pool.imap(_read_in_worker, files, chunksize=1)
        if meanwhile is not None:  # after the fork: the workers do not inherit what it loads
            meanwhile()
        for item in items:
            if isinstance(item, InputProblem):
                yield item
            else:
                yield read_source(item, *options) if item == STDIN else next(read_files)


_reader_options: tuple = (False, True, frozenset())


def _init_reader(*options) -> None:
    import signal

    global _reader_options
    _reader_options = options
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle: no worker tracebacks


def _read_in_worker(path: str) -> SourceText | InputProblem:
    return read_source(path, *_reader_options)


def _renamed(source: SourceText, doc: str) -> SourceText:
    from dataclasses import replace

    return replace(source, doc=doc)
